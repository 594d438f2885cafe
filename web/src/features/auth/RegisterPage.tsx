import { Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, data, type FieldIssue } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { useSetMe } from './session';
import { landingPath } from './SignInPage';

type RegisterBody =
  paths['/api/auth/register']['post']['requestBody']['content']['application/json'];
type ApplicantKind = RegisterBody['applicantKind'];

const applicantKinds: ApplicantKind[] = ['student', 'teacher', 'visitor'];

/** An applicant account: students, teachers and visitors sign up themselves. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);

  const register = useMutation({
    mutationFn: (values: RegisterBody) => {
      const body: RegisterBody = {
        username: values.username,
        password: values.password,
        displayName: values.displayName,
        applicantKind: values.applicantKind,
        ...(values.email ? { email: values.email } : {}),
        ...(values.phone ? { phone: values.phone } : {}),
      };
      return data(api.POST('/api/auth/register', { body }));
    },
    onSuccess: (reply) => {
      setMe(reply.user);
      void navigate(landingPath(reply.user, params.get('next')), { replace: true });
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });

  return (
    <Card style={{ maxWidth: 480, margin: '24px auto' }}>
      <Typography.Title level={3}>{t('auth.registerTitle')}</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ applicantKind: 'student' }}
        onFinish={(values) => register.mutate(values)}
      >
        <Form.Item
          name="applicantKind"
          label={t('auth.applicantKind')}
          rules={[{ required: true }]}
        >
          <Radio.Group
            optionType="button"
            options={applicantKinds.map((kind) => ({
              value: kind,
              label: t(`applicantTypes.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('auth.displayName')}
          extra={t('auth.displayNameHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoComplete="name" data-testid="register-name" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('auth.usernameHint')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[a-zA-Z0-9_.@-]{3,64}$/, message: t('auth.usernameHint') },
          ]}
        >
          <Input autoComplete="username" data-testid="register-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('auth.phone')}
          rules={[{ pattern: /^1\d{10}$/, message: t('auth.phoneHint') }]}
        >
          <Input inputMode="tel" autoComplete="tel" data-testid="register-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')} rules={[{ type: 'email' }]}>
          <Input type="email" autoComplete="email" data-testid="register-email" />
        </Form.Item>
        {register.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={register.error} issues={unshown} />
          </div>
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={register.isPending}
          data-testid="register-submit"
        >
          {t('auth.register')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
