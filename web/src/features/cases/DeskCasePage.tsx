import { Breadcrumb, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { hasRole, useMe, centerRoles } from '../auth/session';
import { useItemLabels } from '../catalog/api';
import { useCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseCollaboration } from './CaseCollaboration';
import { CaseView } from './CaseView';

/** A case at the window: the steps the measures allow now, and its whole history. */
export function DeskCasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const detail = useCase(id);
  const labels = useItemLabels(detail.data?.itemId);
  const isCenter = hasRole(me.data, [...centerRoles, 'auditor']);

  return (
    <>
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 12 }}
        items={[
          {
            title: isCenter ? (
              <Link to="/center/cases">{t('nav.allCases')}</Link>
            ) : (
              <Link to="/desk">{t('nav.desk')}</Link>
            ),
          },
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
