import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, type FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { useLocalText } from '../../shared/format';
import { useOrg } from '../../shared/org';
import { useMe, useSetMe } from './session';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in person's account, and changing its password (which ends every session). */
export function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pickName } = useLocalText();
  const navigate = useNavigate();
  const me = useMe();
  const setMe = useSetMe();
  const org = useOrg();
  const [form] = Form.useForm<PasswordForm>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);

  const change = useMutation({
    mutationFn: (values: PasswordForm) =>
      api.POST('/api/auth/password', {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      }),
    onSuccess: () => {
      void message.success(t('account.passwordChanged'));
      setMe(null);
      void navigate('/login', { replace: true });
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });

  const user = me.data;
  if (!user) {
    return null;
  }
  const unit = org.data?.units.find((entry) => entry.id === user.unitId);
  const window = org.data?.windows.find((entry) => entry.id === user.windowId);

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('account.title')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={1}
          data-testid="account-facts"
          items={[
            { key: 'name', label: t('auth.displayName'), children: user.displayName },
            { key: 'username', label: t('auth.username'), children: user.username },
            { key: 'role', label: t('account.role'), children: t(`roles.${user.role}`) },
            ...(unit ? [{ key: 'unit', label: t('org.unit'), children: pickName(unit) }] : []),
            ...(window
              ? [
                  {
                    key: 'window',
                    label: t('org.window'),
                    children: `${t('org.windowNumber', { number: window.number })} ${pickName(window)}`,
                  },
                ]
              : []),
            { key: 'phone', label: t('auth.phone'), children: user.phone ?? '—' },
            { key: 'email', label: t('auth.email'), children: user.email ?? '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('account.changePassword')}>
        <Typography.Paragraph type="secondary">{t('account.passwordHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            setUnshown([]);
            change.mutate(values);
          }}
        >
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            extra={t('auth.passwordHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          {change.isError ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={change.error} issues={unshown} />
            </div>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={change.isPending}
            data-testid="change-password"
          >
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
