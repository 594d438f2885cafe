import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ExportButton } from '../../../shared/ExportButton';
import type { ExportColumn } from '../../../shared/excel';
import { useLocalText } from '../../../shared/format';
import { useOrg } from '../../../shared/org';
import { fetchItems, useItems, usePublishItem, useWithdrawItem } from '../api';
import type { ItemStatus, ItemSummary } from '../content';
import { describeLimit } from '../describe';

const statusColors: Record<ItemStatus, string> = {
  draft: 'default',
  published: 'success',
  withdrawn: 'warning',
};
const statuses = ['all', 'draft', 'published', 'withdrawn'] as const;
type StatusFilter = (typeof statuses)[number];

/** The center's catalogue: every item with drafts, publishing and withdrawing (R-CAT-6). */
export function ItemAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pick, pickName } = useLocalText();
  const org = useOrg();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const status: StatusFilter = statuses.find((value) => value === params.get('status')) ?? 'all';
  const q = params.get('q') ?? undefined;
  const unitId = params.get('unit') ?? undefined;
  const filters = { status, q, unitId, page: page.current, pageSize: page.pageSize };
  const items = useItems(filters);
  const publish = usePublishItem();
  const withdraw = useWithdrawItem();

  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
    setPage((current) => ({ ...current, current: 1 }));
  };

  const exportColumns: ExportColumn<ItemSummary>[] = [
    { title: t('admin.code'), value: (row) => row.code },
    { title: t('admin.name'), value: (row) => pick(row.name), width: 30 },
    { title: t('admin.unit'), value: (row) => pickName(row.unit), width: 24 },
    { title: t('admin.status'), value: (row) => t(`itemStatuses.${row.status}`) },
    { title: t('admin.version'), value: (row) => row.version },
    {
      title: t('admin.hasDraft'),
      value: (row) => (row.hasDraft ? t('common.yes') : t('common.no')),
    },
    { title: t('admin.channel'), value: (row) => t(`channels.${row.channel}`) },
    { title: t('admin.defaultMode'), value: (row) => t(`handlingModes.${row.defaultMode}`) },
    { title: t('item.limit'), value: (row) => describeLimit(row.limit, t, pick) },
    {
      title: t('admin.isForeignFacing'),
      value: (row) => (row.isForeignFacing ? t('common.yes') : t('common.no')),
    },
  ];

  const exportAll = async () => {
    const rows: ItemSummary[] = [];
    for (let current = 1; ; current += 1) {
      const reply = await fetchItems({ ...filters, page: current, pageSize: 100 });
      rows.push(...reply.items);
      if (rows.length >= reply.total || reply.items.length === 0) {
        return rows;
      }
    }
  };

  const onPublish = async (row: ItemSummary) => {
    await publish.mutateAsync(row.id);
    void message.success(t('admin.published'));
  };
  const onWithdraw = async (row: ItemSummary) => {
    await withdraw.mutateAsync(row.id);
    void message.success(t('admin.withdrawn'));
  };

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{t('admin.title')}</Typography.Title>
        <Space wrap>
          <Link to="/center/items/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-item">
              {t('admin.newItem')}
            </Button>
          </Link>
          <Link to="/center/items/import">
            <Button icon={<UploadOutlined />} data-testid="import-items">
              {t('admin.importItems')}
            </Button>
          </Link>
          <ExportButton
            fileName={t('admin.title')}
            columns={exportColumns}
            rows={exportAll}
            isDisabled={!items.data || items.data.total === 0}
          />
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<StatusFilter>
          value={status}
          style={{ width: 160 }}
          onChange={(value) => update('status', value === 'all' ? undefined : value)}
          data-testid="item-status-filter"
          options={statuses.map((value) => ({
            value,
            label: value === 'all' ? t('common.all') : t(`itemStatuses.${value}`),
          }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={unitId}
          style={{ width: 220 }}
          placeholder={t('catalog.allUnits')}
          onChange={(value?: string) => update('unit', value)}
          options={(org.data?.units ?? []).map((unit) => ({
            value: unit.id,
            label: pickName(unit),
          }))}
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('catalog.searchPlaceholder')}
          onSearch={(value) => update('q', value.trim() || undefined)}
          style={{ width: 280 }}
        />
      </Space>
      {items.isError ? <ErrorAlert error={items.error} /> : null}
      {publish.isError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={publish.error} />
          <Typography.Text type="secondary">{t('admin.publishProblems')}</Typography.Text>
        </div>
      ) : null}
      {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
      <Table<ItemSummary>
        rowKey="id"
        size="middle"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="item-admin-table"
        pagination={{
          ...page,
          total: items.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          { key: 'code', title: t('admin.code'), dataIndex: 'code' },
          {
            key: 'name',
            title: t('admin.name'),
            render: (_v, row) => (
              <Link to={`/items/${row.id}?version=${row.version}`}>{pick(row.name)}</Link>
            ),
          },
          { key: 'unit', title: t('admin.unit'), render: (_v, row) => pickName(row.unit) },
          {
            key: 'status',
            title: t('admin.status'),
            render: (_v, row) => (
              <Space size={4} wrap>
                <Tag
                  color={statusColors[row.status]}
                  data-testid="item-status"
                  data-status={row.status}
                >
                  {t(`itemStatuses.${row.status}`)}
                </Tag>
                {row.hasDraft ? <Tag color="processing">{t('admin.hasDraft')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'version', title: t('admin.version'), dataIndex: 'version' },
          {
            key: 'channel',
            title: t('admin.channel'),
            render: (_v, row) => t(`channels.${row.channel}`),
          },
          {
            key: 'actions',
            title: '',
            render: (_v, row) => (
              <Space size={4} wrap>
                <Link to={`/center/items/${row.id}/edit`}>
                  <Button size="small" data-testid="edit-item">
                    {t('common.edit')}
                  </Button>
                </Link>
                {row.status !== 'published' || row.hasDraft ? (
                  <Popconfirm
                    title={t('admin.confirmPublish')}
                    okText={t('admin.publish')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void onPublish(row).catch(() => undefined)}
                  >
                    <Button size="small" type="primary" data-testid="publish-item">
                      {t('admin.publish')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {row.status === 'published' ? (
                  <Popconfirm
                    title={t('admin.confirmWithdraw')}
                    okText={t('admin.withdraw')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void onWithdraw(row).catch(() => undefined)}
                  >
                    <Button size="small" danger data-testid="withdraw-item">
                      {t('admin.withdraw')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
