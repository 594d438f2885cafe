import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type FieldIssue } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ExportButton } from '../../shared/ExportButton';
import type { ExportColumn } from '../../shared/excel';
import { markIssues } from '../../shared/form-issues';
import { formatDateTime, useLocalText } from '../../shared/format';
import { useOrg } from '../../shared/org';
import { useMe, type Role } from './session';

type User = paths['/api/users']['get']['responses'][200]['content']['application/json'][number];
type NewUser = paths['/api/users']['post']['requestBody']['content']['application/json'];

const roles: Role[] = [
  'applicant',
  'staff',
  'window-lead',
  'unit-admin',
  'center',
  'center-admin',
  'auditor',
];
const unitRoles: Role[] = ['staff', 'window-lead', 'unit-admin'];
const usersKey = ['users'] as const;

function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pickName } = useLocalText();
  const org = useOrg();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUser>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const role = Form.useWatch('role', form);
  const unitId = Form.useWatch('unitId', form);

  const create = useMutation({
    mutationFn: (values: NewUser) =>
      data(
        api.POST('/api/users', {
          body: Object.fromEntries(
            Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
          ) as NewUser,
        }),
      ),
    onSuccess: (user) => {
      void message.success(t('users.created', { name: user.username }));
      void queryClient.invalidateQueries({ queryKey: usersKey });
      form.resetFields();
      onClose();
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });

  return (
    <Modal
      open={open}
      title={t('users.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'staff' }}
        onFinish={(values) => {
          setUnshown([]);
          create.mutate(values);
        }}
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('auth.displayName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('account.role')}>
          <Select
            data-testid="user-role"
            options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          />
        </Form.Item>
        {role && unitRoles.includes(role) ? (
          <>
            <Form.Item
              name="unitId"
              label={t('org.unit')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(org.data?.units ?? []).map((unit) => ({
                  value: unit.id,
                  label: pickName(unit),
                }))}
              />
            </Form.Item>
            <Form.Item name="windowId" label={t('org.window')}>
              <Select
                allowClear
                options={(org.data?.windows ?? [])
                  .filter((window) => window.unitId === unitId)
                  .map((window) => ({
                    value: window.id,
                    label: `${t('org.windowNumber', { number: window.number })} ${pickName(window)}`,
                  }))}
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="phone" label={t('auth.phone')}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')}>
          <Input type="email" />
        </Form.Item>
      </Form>
      {create.isError ? <ErrorAlert error={create.error} issues={unshown} /> : null}
    </Modal>
  );
}

/** Accounts, for the center's system administrators (R-PLT-9). */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { pickName } = useLocalText();
  const org = useOrg();
  const queryClient = useQueryClient();
  // An administrator cannot disable their own account and lock themselves out.
  const me = useMe();
  const [isCreating, setCreating] = useState(false);
  const [roleFilter, setRoleFilter] = useState<Role | undefined>();
  const [search, setSearch] = useState('');
  const users = useQuery({ queryKey: usersKey, queryFn: () => data(api.GET('/api/users')) });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { isDisabled?: boolean; unlock?: boolean } }) =>
      data(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });

  const unitName = (id: string | null) =>
    pickName(org.data?.units.find((unit) => unit.id === id)) || '';
  const now = Date.now();
  const isLocked = (user: User) =>
    Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > now);
  const needle = search.trim().toLowerCase();
  const rows = (users.data ?? []).filter(
    (user) =>
      (!roleFilter || user.role === roleFilter) &&
      (!needle ||
        user.username.toLowerCase().includes(needle) ||
        user.displayName.toLowerCase().includes(needle)),
  );

  const columns: ExportColumn<User>[] = [
    { title: t('auth.username'), value: (user) => user.username },
    { title: t('auth.displayName'), value: (user) => user.displayName },
    { title: t('account.role'), value: (user) => t(`roles.${user.role}`) },
    { title: t('org.unit'), value: (user) => unitName(user.unitId), width: 24 },
    { title: t('auth.phone'), value: (user) => user.phone ?? '' },
    { title: t('auth.email'), value: (user) => user.email ?? '', width: 24 },
    {
      title: t('users.status'),
      value: (user) =>
        user.isDisabled
          ? t('users.disabled')
          : isLocked(user)
            ? t('users.locked')
            : t('users.active'),
    },
  ];

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{t('users.title')}</Typography.Title>
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-user"
          >
            {t('users.new')}
          </Button>
          <ExportButton fileName={t('users.title')} columns={columns} rows={rows} />
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Role>
          allowClear
          placeholder={t('users.allRoles')}
          style={{ width: 180 }}
          value={roleFilter}
          onChange={setRoleFilter}
          options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          onSearch={setSearch}
          style={{ width: 260 }}
        />
      </Space>
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="user-table"
        columns={[
          { key: 'username', title: t('auth.username'), dataIndex: 'username' },
          { key: 'name', title: t('auth.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('account.role'), render: (_v, user) => t(`roles.${user.role}`) },
          { key: 'unit', title: t('org.unit'), render: (_v, user) => unitName(user.unitId) },
          { key: 'phone', title: t('auth.phone'), render: (_v, user) => user.phone ?? '' },
          {
            key: 'status',
            title: t('users.status'),
            render: (_v, user) =>
              user.isDisabled ? (
                <Tag color="default">{t('users.disabled')}</Tag>
              ) : isLocked(user) ? (
                <Tag color="red">
                  {t('users.lockedUntil', {
                    until: formatDateTime(user.lockedUntil, i18n.language),
                  })}
                </Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: '',
            render: (_v, user) => (
              <Space size={4}>
                {isLocked(user) ? (
                  <Button
                    size="small"
                    onClick={() => update.mutate({ id: user.id, body: { unlock: true } })}
                  >
                    {t('users.unlock')}
                  </Button>
                ) : null}
                {user.id === me.data?.id ? null : (
                  <Popconfirm
                    title={user.isDisabled ? t('users.confirmEnable') : t('users.confirmDisable')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: !user.isDisabled }}
                    onConfirm={() =>
                      update.mutate({ id: user.id, body: { isDisabled: !user.isDisabled } })
                    }
                  >
                    <Button size="small" danger={!user.isDisabled} data-testid="toggle-user">
                      {user.isDisabled ? t('users.enable') : t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewUserDialog open={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}
