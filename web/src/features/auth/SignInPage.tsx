import { Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, data, type FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { deskRoles, centerRoles, useSetMe, type Me } from './session';

interface SignInForm {
  username: string;
  password: string;
}

/** Where a person lands after signing in: back where they were, or their own start page. */
export function landingPath(me: Me, next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//')) {
    return next;
  }
  if (deskRoles.includes(me.role)) {
    return '/desk';
  }
  if ([...centerRoles, 'auditor'].includes(me.role)) {
    return '/center/cases';
  }
  return '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);

  const signIn = useMutation({
    mutationFn: (values: SignInForm) => data(api.POST('/api/auth/login', { body: values })),
    onSuccess: (reply) => {
      setMe(reply.user);
      void navigate(landingPath(reply.user, params.get('next')), { replace: true });
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });

  return (
    <Card style={{ maxWidth: 420, margin: '24px auto' }}>
      <Typography.Title level={3}>{t('auth.signInTitle')}</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => signIn.mutate(values)}
        requiredMark={false}
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {signIn.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={signIn.error} issues={unshown} />
          </div>
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={signIn.isPending}
          data-testid="login-submit"
        >
          {t('auth.signIn')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.noAccount')}{' '}
        <Link
          to={`/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next') ?? '')}` : ''}`}
        >
          {t('auth.register')}
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}
