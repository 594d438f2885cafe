import { Input, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ExportButton } from '../../shared/ExportButton';
import { fetchAllCases, useCases, type CaseListFilters } from './api';
import { CaseTable, useCaseExportColumns } from './CaseTable';
import { caseStates, type CaseState } from './types';

const allStates = 'all';

function WorkList({ scope }: { scope: 'unit' | 'all' }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = caseStates.find((candidate) => candidate === stateParam);
  const q = params.get('q') ?? '';
  const current = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const filters: CaseListFilters = { state, q: q || undefined, page: current, pageSize };
  const cases = useCases(filters);
  const exportColumns = useCaseExportColumns();
  const counts = cases.data?.counts ?? {};

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next, { replace: true });
  };

  const title = scope === 'unit' ? t('nav.desk') : t('nav.allCases');
  const totalCount = Object.values(counts).reduce((sum, count) => sum + count, 0);

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{title}</Typography.Title>
        <ExportButton
          fileName={title}
          columns={exportColumns}
          rows={() => fetchAllCases({ state, q: q || undefined })}
          isDisabled={!cases.data || cases.data.total === 0}
        />
      </div>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented<string>
            data-testid="state-filter"
            value={state ?? allStates}
            onChange={(value) => update({ state: value === allStates ? null : value, page: null })}
            options={[
              { value: allStates, label: `${t('common.all')} (${totalCount})` },
              ...caseStates.map((value: CaseState) => ({
                value,
                label: `${t(`caseStates.${value}`)} (${counts[value] ?? 0})`,
              })),
            ]}
          />
        </div>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('cases.searchPlaceholder')}
          onSearch={(value) => update({ q: value.trim() || null, page: null })}
          style={{ maxWidth: 420 }}
          data-testid="case-search"
        />
        {cases.isError ? <ErrorAlert error={cases.error} /> : null}
        <CaseTable
          rows={cases.data?.items ?? []}
          loading={cases.isFetching}
          linkTo={(row) => `/desk/cases/${row.id}`}
          showApplicant
          showUnit={scope === 'all'}
          pagination={{
            current,
            pageSize,
            total: cases.data?.total ?? 0,
            onChange: (page, size) => update({ page: String(page), size: String(size) }),
          }}
        />
      </Space>
    </>
  );
}

/** The unit's work list at the window desk (R-CASE-3: due times in green, yellow, red). */
export function DeskListPage() {
  return <WorkList scope="unit" />;
}

/** Every unit's cases, for the center and the auditors. */
export function CenterCasesPage() {
  return <WorkList scope="all" />;
}
