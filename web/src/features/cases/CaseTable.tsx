import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ExportColumn } from '../../shared/excel';
import { formatDateTime, useLocalText } from '../../shared/format';
import { DueTag, ModeTag, StateTag } from './CaseTags';
import type { CaseRow } from './types';

interface CaseTableProps {
  rows: CaseRow[];
  loading: boolean;
  /** Where a row's tracking number leads. */
  linkTo: (row: CaseRow) => string;
  showApplicant?: boolean;
  showUnit?: boolean;
  pagination:
    | false
    | {
        current: number;
        pageSize: number;
        total: number;
        onChange: (page: number, size: number) => void;
      };
}

export function CaseTable({
  rows,
  loading,
  linkTo,
  showApplicant = false,
  showUnit = false,
  pagination,
}: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const { pick, pickName } = useLocalText();

  const columns: TableColumnsType<CaseRow> = [
    {
      key: 'trackingNo',
      title: t('cases.trackingNo'),
      render: (_value, row) => (
        <Link to={linkTo(row)} data-testid="case-link">
          {row.trackingNo}
        </Link>
      ),
    },
    { key: 'item', title: t('cases.item'), render: (_value, row) => pick(row.itemName) },
    ...(showApplicant
      ? [{ key: 'applicant', title: t('cases.applicantName'), dataIndex: 'applicantName' }]
      : []),
    ...(showUnit
      ? [
          {
            key: 'unit',
            title: t('org.unit'),
            responsive: ['lg' as const],
            render: (_value: unknown, row: CaseRow) => pickName(row.unit),
          },
        ]
      : []),
    {
      key: 'state',
      title: t('cases.state'),
      render: (_value, row) => <StateTag state={row.state} />,
    },
    {
      key: 'mode',
      title: t('cases.mode'),
      responsive: ['md'],
      render: (_value, row) => <ModeTag mode={row.mode} />,
    },
    {
      key: 'filed',
      title: t('cases.filedAt'),
      responsive: ['md'],
      render: (_value, row) => formatDateTime(row.createdAt, i18n.language),
    },
    {
      key: 'due',
      title: t('cases.dueAt'),
      render: (_value, row) => (
        <DueTag dueAt={row.dueAt} status={row.dueStatus} isProvisional={row.isDueProvisional} />
      ),
    },
  ];

  return (
    <Table<CaseRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={
        pagination === false
          ? false
          : {
              ...pagination,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }
      }
      data-testid="case-table"
    />
  );
}

/** The same columns as plain values for Excel. */
export function useCaseExportColumns(): ExportColumn<CaseRow>[] {
  const { t, i18n } = useTranslation();
  const { pick, pickName } = useLocalText();
  return [
    { title: t('cases.trackingNo'), value: (row) => row.trackingNo, width: 22 },
    { title: t('cases.item'), value: (row) => pick(row.itemName), width: 30 },
    { title: t('cases.applicantName'), value: (row) => row.applicantName },
    { title: t('org.unit'), value: (row) => pickName(row.unit), width: 24 },
    { title: t('cases.state'), value: (row) => t(`caseStates.${row.state}`) },
    { title: t('cases.mode'), value: (row) => (row.mode ? t(`handlingModes.${row.mode}`) : '') },
    { title: t('cases.channel'), value: (row) => t(`caseChannels.${row.channel}`) },
    { title: t('cases.filedAt'), value: (row) => formatDateTime(row.createdAt, i18n.language) },
    { title: t('cases.acceptedAt'), value: (row) => formatDateTime(row.acceptedAt, i18n.language) },
    { title: t('cases.dueAt'), value: (row) => formatDateTime(row.dueAt, i18n.language) },
    { title: t('cases.dueStatus'), value: (row) => t(`dueStatus.${row.dueStatus}`) },
    { title: t('cases.closedAt'), value: (row) => formatDateTime(row.closedAt, i18n.language) },
  ];
}
