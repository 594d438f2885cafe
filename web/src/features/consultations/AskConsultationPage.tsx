import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { useLocalText } from '../../shared/format';
import { hasRole, useMe } from '../auth/session';
import { useItems } from '../catalog/api';
import { useAsk, type AskInput } from './api';

/** A question online, or one asked at the window and logged by the staff who took it first. */
export function AskConsultationPage() {
  const { t } = useTranslation();
  const { pick } = useLocalText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const isWindow = hasRole(me.data, ['staff', 'window-lead']);
  const items = useItems({ pageSize: 100 });
  const ask = useAsk();
  const [form] = Form.useForm<AskInput>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);

  const onFinish = (values: AskInput) => {
    setUnshown([]);
    const input = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
    ) as AskInput;
    ask.mutate(input, {
      onSuccess: (detail) => void navigate(`/consultations/${detail.id}`, { replace: true }),
      onError: (error) => setUnshown(markIssues(form, error)),
    });
  };

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2}>
        {isWindow ? t('consultations.logAtWindow') : t('consultations.ask')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          {isWindow ? t('consultations.logHint') : t('consultations.askHint')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ itemId: params.get('item') ?? undefined }}
          onFinish={onFinish}
        >
          <Form.Item name="itemId" label={t('consultations.item')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('consultations.noItem')}
              data-testid="consultation-item"
              options={(items.data?.items ?? []).map((item) => ({
                value: item.id,
                label: pick(item.name),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="question"
            label={t('consultations.question')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} data-testid="consultation-question" />
          </Form.Item>
          {isWindow ? (
            <Form.Item
              name="askerName"
              label={t('consultations.asker')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input data-testid="consultation-asker" />
            </Form.Item>
          ) : null}
          <Form.Item name="askerPhone" label={t('cases.applicantPhone')}>
            <Input inputMode="tel" data-testid="consultation-phone" />
          </Form.Item>
          {ask.isError ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={ask.error} issues={unshown} />
            </div>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={ask.isPending}
            data-testid="consultation-submit"
          >
            {t('consultations.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
