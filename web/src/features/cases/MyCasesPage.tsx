import { Button, Empty, Grid, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ExportButton } from '../../shared/ExportButton';
import { fetchAllCases, useCases } from './api';
import { CaseCards, CaseTable, useCaseExportColumns } from './CaseTable';

/** The applicant's cases, newest first, with where each one stands. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const cases = useCases({ mine: true, page: page.current, pageSize: page.pageSize });
  const exportColumns = useCaseExportColumns();
  const total = cases.data?.total ?? 0;
  const screens = Grid.useBreakpoint();
  const isPhone = screens.sm === false;

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{t('nav.myCases')}</Typography.Title>
        <ExportButton
          fileName={t('cases.exportMine')}
          columns={exportColumns}
          rows={() => fetchAllCases({ mine: true })}
          isDisabled={total === 0}
        />
      </div>
      {cases.isError ? <ErrorAlert error={cases.error} /> : null}
      {cases.data && total === 0 ? (
        <Empty description={t('cases.noneYet')} data-testid="my-cases-empty">
          <Link to="/">
            <Button type="primary">{t('cases.findItem')}</Button>
          </Link>
        </Empty>
      ) : isPhone ? (
        <>
          <CaseCards rows={cases.data?.items ?? []} linkTo={(row) => `/my/cases/${row.id}`} />
          {total > page.pageSize ? (
            <Pagination
              simple
              align="center"
              current={page.current}
              pageSize={page.pageSize}
              total={total}
              onChange={(current, pageSize) => setPage({ current, pageSize })}
            />
          ) : null}
        </>
      ) : (
        <CaseTable
          rows={cases.data?.items ?? []}
          loading={cases.isFetching}
          linkTo={(row) => `/my/cases/${row.id}`}
          pagination={{
            ...page,
            total,
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      )}
    </>
  );
}
