import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import type { PromisedLimit } from '../catalog/content';
import { useDuePreview } from './api';

/** "Accepted now, due by …", counted in working days of the official calendar (R-CASE-3). */
export function DuePreview({ limit, campusId }: { limit: PromisedLimit; campusId?: string }) {
  const { t, i18n } = useTranslation();
  const due = useDuePreview(limit, campusId);

  if (limit.kind === 'none') {
    return null;
  }
  if (due.isPending) {
    return <Spin size="small" />;
  }
  if (due.isError || !due.data) {
    return <span className="muted">{t('calendar.dueUnknown')}</span>;
  }
  return (
    <span data-testid="due-preview">
      {due.data.dueAt
        ? t('calendar.acceptedNowDueBy', { due: formatDateTime(due.data.dueAt, i18n.language) })
        : t('calendar.acceptedNowDueToday')}
      {due.data.isProvisional ? <span className="muted"> {t('calendar.provisional')}</span> : null}
    </span>
  );
}
