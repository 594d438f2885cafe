import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ExportButton } from '../../shared/ExportButton';
import type { ExportColumn } from '../../shared/excel';
import { formatDateTime, useLocalText } from '../../shared/format';
import { deskRoles, hasRole, useMe } from '../auth/session';
import {
  consultationStates,
  fetchConsultations,
  useConsultations,
  type ConsultationRow,
  type ListQuery,
} from './api';

const stateColors = {
  open: 'processing',
  answered: 'success',
  'handed-over': 'purple',
  filed: 'cyan',
} as const;

type Scope = 'held' | 'queue' | 'handed-away';

/** Consultations: the applicant's questions, a unit's, the center's (first-ask, Art. 14). */
export function ConsultationsPage() {
  const { t, i18n } = useTranslation();
  const { pickName } = useLocalText();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const isWindow = hasRole(me.data, ['staff', 'window-lead']);
  const isDesk = hasRole(me.data, deskRoles);
  const scope = (['queue', 'handed-away'] as const).find((value) => value === params.get('scope'));
  const state = consultationStates.find((value) => value === params.get('state'));
  const query: ListQuery = {
    page: page.current,
    pageSize: page.pageSize,
    ...(state ? { state } : {}),
    ...(scope ? { scope } : {}),
  };
  const list = useConsultations(query);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
    setPage((current) => ({ ...current, current: 1 }));
  };

  const holder = (row: ConsultationRow) =>
    row.holderWindow
      ? `${pickName(row.holderWindow.unit)} · ${t('org.windowNumber', { number: row.holderWindow.number })}`
      : row.holderUnit
        ? pickName(row.holderUnit)
        : t('consultations.centerQueue');

  const columns: ExportColumn<ConsultationRow>[] = [
    { title: t('consultations.question'), value: (row) => row.question, width: 40 },
    { title: t('consultations.asker'), value: (row) => row.askerName },
    {
      title: t('consultations.channel'),
      value: (row) => t(`consultations.channels.${row.channel}`),
    },
    { title: t('cases.state'), value: (row) => t(`consultations.states.${row.state}`) },
    { title: t('consultations.firstTaker'), value: (row) => row.firstTaker?.displayName ?? '' },
    { title: t('consultations.holder'), value: holder, width: 30 },
    {
      title: t('consultations.askedAt'),
      value: (row) => formatDateTime(row.createdAt, i18n.language),
    },
    { title: t('consultations.answer'), value: (row) => row.answer ?? '', width: 40 },
  ];

  const exportAll = async () => {
    const rows: ConsultationRow[] = [];
    for (let current = 1; ; current += 1) {
      const reply = await fetchConsultations({ ...query, page: current, pageSize: 200 });
      rows.push(...reply.items);
      if (rows.length >= reply.total || reply.items.length === 0) {
        return rows;
      }
    }
  };

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{t('consultations.title')}</Typography.Title>
        <Space wrap>
          {me.data?.role === 'applicant' || isWindow ? (
            <Link to="/consultations/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-consultation">
                {isWindow ? t('consultations.logAtWindow') : t('consultations.ask')}
              </Button>
            </Link>
          ) : null}
          <ExportButton
            fileName={t('consultations.title')}
            columns={columns}
            rows={exportAll}
            isDisabled={!list.data || list.data.total === 0}
          />
        </Space>
      </div>
      <div className="filter-bars">
        {isDesk ? (
          <div className="filter-bar">
            <Segmented<Scope>
              value={scope ?? 'held'}
              onChange={(value) => set('scope', value === 'held' ? undefined : value)}
              data-testid="consultation-scope"
              options={[
                { value: 'held', label: t('consultations.scopes.held') },
                { value: 'queue', label: t('consultations.scopes.queue') },
                { value: 'handed-away', label: t('consultations.scopes.handedAway') },
              ]}
            />
          </div>
        ) : null}
        <div className="filter-bar">
          <Segmented<string>
            value={state ?? 'all'}
            onChange={(value) => set('state', value === 'all' ? undefined : value)}
            data-testid="consultation-state"
            options={[
              { value: 'all', label: t('common.all') },
              ...consultationStates.map((value) => ({
                value,
                label: `${t(`consultations.states.${value}`)} (${list.data?.counts[value] ?? 0})`,
              })),
            ]}
          />
        </div>
      </div>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<ConsultationRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="consultation-table"
        pagination={{
          ...page,
          total: list.data?.total ?? 0,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          {
            key: 'question',
            title: t('consultations.question'),
            width: 320,
            ellipsis: true,
            render: (_v, row) => (
              <Link to={`/consultations/${row.id}`} data-testid="consultation-link">
                {row.question}
              </Link>
            ),
          },
          { key: 'asker', title: t('consultations.asker'), dataIndex: 'askerName' },
          {
            key: 'state',
            title: t('cases.state'),
            render: (_v, row) => (
              <Tag color={stateColors[row.state]} data-testid="consultation-state-tag">
                {t(`consultations.states.${row.state}`)}
              </Tag>
            ),
          },
          { key: 'holder', title: t('consultations.holder'), render: (_v, row) => holder(row) },
          {
            key: 'asked',
            title: t('consultations.askedAt'),
            render: (_v, row) => formatDateTime(row.createdAt, i18n.language),
          },
        ]}
      />
    </>
  );
}
