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
      width: 150,
      title: t('cases.trackingNo'),
      render: (_value, row) => (
        <Link to={linkTo(row)} data-testid="case-link">
          {row.trackingNo}
        </Link>
      ),
    },
    {
      key: 'item',
      title: t('cases.item'),
      width: 210,
      ellipsis: true,
      render: (_value, row) => pick(row.itemName),
    },
    ...(showApplicant
      ? [
          {
            key: 'applicant',
            title: t('cases.applicantName'),
            dataIndex: 'applicantName',
            width: 100,
          },
        ]
      : []),
    ...(showUnit
      ? [
          {
            key: 'unit',
            title: t('org.unit'),
            responsive: ['lg' as const],
            width: 160,
            ellipsis: true,
            render: (_value: unknown, row: CaseRow) => pickName(row.unit),
          },
        ]
      : []),
    {
      key: 'state',
      width: 130,
      title: t('cases.state'),
      render: (_value, row) => <StateTag state={row.state} />,
    },
    {
      key: 'mode',
      width: 90,
      title: t('cases.mode'),
      responsive: ['md'],
      render: (_value, row) => <ModeTag mode={row.mode} />,
    },
    {
      key: 'filed',
      width: 140,
      title: t('cases.filedAt'),
      responsive: ['md'],
      render: (_value, row) => formatDateTime(row.createdAt, i18n.language),
    },
    {
      key: 'due',
      width: 180,
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
      // Fixed widths let long names shorten with an ellipsis instead of widening the table.
      tableLayout="fixed"
      scroll={{ x: columns.reduce((sum, column) => sum + Number(column.width ?? 120), 0) }}
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

/** The same cases as cards, for a phone screen where a table would hide its columns. */
export function CaseCards({ rows, linkTo }: { rows: CaseRow[]; linkTo: (row: CaseRow) => string }) {
  const { t, i18n } = useTranslation();
  const { pick } = useLocalText();
  return (
    <ul className="case-cards" data-testid="case-cards">
      {rows.map((row) => (
        <li key={row.id} className="case-card">
          <Link to={linkTo(row)} data-testid="case-link" className="case-card-link">
            <span className="case-card-title">{pick(row.itemName)}</span>
            <span className="muted">
              {row.trackingNo} · {formatDateTime(row.createdAt, i18n.language)}
            </span>
          </Link>
          <div className="case-card-tags">
            <StateTag state={row.state} />
            {row.dueAt ? (
              <span>
                {t('cases.dueAt')}{' '}
                <DueTag
                  dueAt={row.dueAt}
                  status={row.dueStatus}
                  isProvisional={row.isDueProvisional}
                />
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
