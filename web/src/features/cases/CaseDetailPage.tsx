import { Breadcrumb, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useItemLabels } from '../catalog/api';
import { useCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseCollaboration } from './CaseCollaboration';
import { CaseView } from './CaseView';

/** The applicant's own case: progress, who holds it, the due time (Art. 16). */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useCase(id);
  const labels = useItemLabels(detail.data?.itemId);

  return (
    <>
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/my/cases">{t('nav.myCases')}</Link> },
          { title: detail.data?.trackingNo },
        ]}
      />
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      {detail.isPending ? <Skeleton active /> : null}
      {detail.data ? (
        <CaseView
          detail={detail.data}
          actions={<CaseActions detail={detail.data} materialNames={labels.materials} />}
          fieldLabels={labels.fields}
          materialNames={labels.materials}
          optionLabels={labels.options}
          extras={<CaseCollaboration detail={detail.data} />}
        />
      ) : null}
    </>
  );
}
