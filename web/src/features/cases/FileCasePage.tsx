import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Skeleton,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { postForm, type FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { useLocalText } from '../../shared/format';
import { hasRole, useMe } from '../auth/session';
import { useItem } from '../catalog/api';
import type { FormField, Material } from '../catalog/content';
import { numberAlternativeGroups } from '../catalog/describe';
import type { CaseSummary } from './types';

type Answer = string | number | Dayjs | undefined;

interface FilingValues {
  applicantName?: string;
  applicantPhone?: string;
  form?: Record<string, Answer>;
  materials?: Record<string, UploadFile[] | undefined>;
}

interface FieldInputProps {
  field: FormField;
  /** Injected by Form.Item, which must reach the control itself. */
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
}

function FieldInput({ field, ...control }: FieldInputProps) {
  const { pick } = useLocalText();
  const props = { ...control, 'data-testid': `form-${field.key}` } as Record<string, unknown>;
  switch (field.type) {
    case 'text':
      return <Input {...props} />;
    case 'textarea':
      return <Input.TextArea rows={3} {...props} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} {...props} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...props} />;
    case 'select': {
      const options = (field.options ?? []).map((option) => ({
        value: option.value,
        label: pick(option.label),
      }));
      // A few choices read best, and are easiest to pick on a phone, as radio buttons.
      return options.length <= 5 ? (
        <Radio.Group options={options} {...props} />
      ) : (
        <Select options={options} {...props} />
      );
    }
  }
}

function toAnswer(value: Answer): string | number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'object' && 'format' in value) {
    return value.format('YYYY-MM-DD');
  }
  return value;
}

/** Filing a case online with its form and uploaded materials (R-CASE-1). */
export function FileCasePage() {
  const { t } = useTranslation();
  const { pick } = useLocalText();
  const { id } = useParams();
  const me = useMe();
  const item = useItem(id);
  const [form] = Form.useForm<FilingValues>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const isWindowFiling = hasRole(me.data, ['staff', 'window-lead']);

  const file = useMutation({
    mutationFn: (values: FilingValues) => {
      const body = new FormData();
      body.set('itemId', id ?? '');
      const answers = Object.fromEntries(
        Object.entries(values.form ?? {})
          .map(([key, value]) => [key, toAnswer(value)] as const)
          .filter(([, value]) => value !== undefined && value !== ''),
      );
      body.set('form', JSON.stringify(answers));
      if (values.applicantName) {
        body.set('applicantName', values.applicantName);
      }
      if (values.applicantPhone) {
        body.set('applicantPhone', values.applicantPhone);
      }
      for (const [key, files] of Object.entries(values.materials ?? {})) {
        for (const upload of files ?? []) {
          if (upload.originFileObj) {
            body.append(`material:${key}`, upload.originFileObj, upload.name);
          }
        }
      }
      return postForm<CaseSummary>('/api/cases', body);
    },
    onError: (error) => setUnshown(markIssues(form, error, [])),
  });

  if (item.isPending) {
    return <Skeleton active />;
  }
  if (item.isError) {
    return <ErrorAlert error={item.error} />;
  }

  const content = item.data.content;
  const groups = numberAlternativeGroups(content.materials);

  if (file.data) {
    return (
      <Result
        status="success"
        title={t('filing.done')}
        subTitle={
          <>
            {t('filing.trackingNoIs')}{' '}
            <Typography.Text strong copyable data-testid="filed-tracking-number">
              {file.data.trackingNo}
            </Typography.Text>
            <br />
            {t('filing.keepNumber')}
          </>
        }
        extra={[
          isWindowFiling ? (
            <Link key="case" to={`/desk/cases/${file.data.id}`}>
              <Button type="primary" data-testid="open-filed-case">
                {t('filing.openCase')}
              </Button>
            </Link>
          ) : (
            <Link key="case" to={`/my/cases/${file.data.id}`}>
              <Button type="primary" data-testid="open-filed-case">
                {t('filing.openCase')}
              </Button>
            </Link>
          ),
          <Link key="track" to={`/track?no=${encodeURIComponent(file.data.trackingNo)}`}>
            <Button>{t('nav.track')}</Button>
          </Link>,
        ]}
      />
    );
  }

  const materialLabel = (material: Material) => {
    const group = material.alternativeGroup ? groups.get(material.alternativeGroup) : undefined;
    const extras = [
      group !== undefined ? t('item.alternativeOf', { group }) : null,
      material.condition ? t('item.conditionOnly', { condition: pick(material.condition) }) : null,
    ].filter(Boolean);
    return `${pick(material.name)}${extras.length > 0 ? `（${extras.join(t('common.listSeparator'))}）` : ''}`;
  };

  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('nav.catalog')}</Link> },
          { title: <Link to={`/items/${item.data.id}`}>{pick(content.name)}</Link> },
          { title: isWindowFiling ? t('item.fileAtWindow') : t('item.applyOnline') },
        ]}
      />
      <Typography.Title level={3}>
        {isWindowFiling
          ? t('filing.titleAtWindow', { name: pick(content.name) })
          : t('filing.title', { name: pick(content.name) })}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setUnshown([]);
          file.mutate(values);
        }}
        initialValues={{ applicantName: isWindowFiling ? undefined : me.data?.displayName }}
        scrollToFirstError
      >
        <Card size="small" title={t('filing.applicant')} style={{ marginBottom: 12 }}>
          <Form.Item
            name="applicantName"
            label={t('cases.applicantName')}
            rules={[{ required: isWindowFiling, whitespace: true, message: t('common.required') }]}
            extra={isWindowFiling ? t('filing.onBehalf') : t('filing.nameHint')}
          >
            <Input data-testid="filing-applicant-name" />
          </Form.Item>
          <Form.Item
            name="applicantPhone"
            label={t('cases.applicantPhone')}
            rules={[{ pattern: /^1\d{10}$/, message: t('auth.phoneHint') }]}
          >
            <Input inputMode="tel" data-testid="filing-applicant-phone" />
          </Form.Item>
        </Card>

        {content.form.length > 0 ? (
          <Card size="small" title={t('filing.form')} style={{ marginBottom: 12 }}>
            {content.form.map((field) => (
              <Form.Item
                key={field.key}
                name={['form', field.key]}
                label={pick(field.label)}
                rules={[{ required: field.isRequired, message: t('common.required') }]}
              >
                <FieldInput field={field} />
              </Form.Item>
            ))}
          </Card>
        ) : null}

        <Card size="small" title={t('filing.materials')} style={{ marginBottom: 12 }}>
          {content.materials.length === 0 ? (
            <Typography.Text type="secondary">{t('item.noMaterials')}</Typography.Text>
          ) : (
            <>
              {groups.size > 0 ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('filing.alternativesHint')}
                />
              ) : null}
              {content.materials.map((material) => {
                const isRequired =
                  material.isUploadRequired && !material.alternativeGroup && !material.condition;
                return (
                  <Form.Item
                    key={material.key}
                    name={['materials', material.key]}
                    label={materialLabel(material)}
                    valuePropName="fileList"
                    getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
                    rules={[{ required: isRequired, message: t('filing.uploadNeeded') }]}
                    extra={[
                      material.isUploadRequired
                        ? t('item.uploadRequired')
                        : t('item.uploadOptional'),
                      material.photoSpec
                        ? t('item.photoSpec', { spec: pick(material.photoSpec) })
                        : null,
                      t('filing.fileTypes'),
                    ]
                      .filter(Boolean)
                      .join(t('common.sentenceSeparator'))}
                  >
                    <Upload
                      beforeUpload={() => false}
                      maxCount={1}
                      accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
                      data-testid={`upload-${material.key}`}
                    >
                      <Button icon={<UploadOutlined />}>{t('filing.chooseFile')}</Button>
                    </Upload>
                  </Form.Item>
                );
              })}
            </>
          )}
        </Card>

        {file.isError ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={file.error} issues={unshown} />
          </div>
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={file.isPending}
          data-testid="filing-submit"
        >
          {t('filing.submit')}
        </Button>
      </Form>
    </div>
  );
}
