import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import type { CaseState, DueStatus, HandlingMode } from './types';

const stateColors: Record<CaseState, string> = {
  submitted: 'blue',
  reviewing: 'cyan',
  'in-progress': 'processing',
  'joint-review': 'purple',
  escalated: 'magenta',
  'awaiting-supplement': 'orange',
  completed: 'success',
  refused: 'error',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} data-testid="case-state" data-state={state}>
      {t(`caseStates.${state}`)}
    </Tag>
  );
}

export function ModeTag({ mode }: { mode: HandlingMode | null }) {
  const { t } = useTranslation();
  return mode ? <Tag>{t(`handlingModes.${mode}`)}</Tag> : null;
}

const dueColors: Record<DueStatus, string> = {
  none: 'default',
  green: 'green',
  yellow: 'gold',
  red: 'red',
};

interface DueTagProps {
  dueAt: string | null;
  status: DueStatus;
  isProvisional?: boolean;
}

/** The due time, green while on time, yellow near the limit, red past it (R-CASE-3). */
export function DueTag({ dueAt, status, isProvisional }: DueTagProps) {
  const { t, i18n } = useTranslation();
  if (!dueAt) {
    return <span data-testid="due-none">—</span>;
  }
  const tag = (
    <Tag color={dueColors[status]} data-testid="due-tag" data-due-status={status}>
      {formatDateTime(dueAt, i18n.language)}
      {status === 'red' ? ` · ${t('cases.overdue')}` : ''}
      {isProvisional ? ' *' : ''}
    </Tag>
  );
  return isProvisional ? <Tooltip title={t('cases.dueProvisional')}>{tag}</Tooltip> : tag;
}
