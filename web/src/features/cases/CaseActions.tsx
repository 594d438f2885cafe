import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { useLocalText } from '../../shared/format';
import { WindowSelect } from '../../shared/WindowSelect';
import { DuePreview } from '../calendar/DuePreview';
import { describeLimit } from '../catalog/describe';
import { useCaseAction, useResubmit, type ActionInput } from './api';
import type { CaseAction, CaseDetail } from './types';

type Field = 'reason' | 'rule' | 'note' | 'way' | 'authority' | 'entries' | 'toWindowId';

interface ActionSpec {
  /** What the step asks for; the required ones the server insists on too. */
  fields: { name: Field; isRequired: boolean }[];
  /** Steps that close or give up a case ask for a confirmation first. */
  isDestructive: boolean;
  isPrimary?: boolean;
  isDanger?: boolean;
}

const specs: Record<CaseAction, ActionSpec> = {
  take: { fields: [], isDestructive: false, isPrimary: true },
  'complete-immediately': {
    fields: [{ name: 'note', isRequired: false }],
    isDestructive: true,
    isPrimary: true,
  },
  'accept-promised': { fields: [{ name: 'note', isRequired: false }], isDestructive: false },
  'accept-joint': {
    fields: [
      { name: 'way', isRequired: true },
      { name: 'note', isRequired: false },
    ],
    isDestructive: false,
  },
  escalate: {
    fields: [
      { name: 'authority', isRequired: true },
      { name: 'note', isRequired: false },
    ],
    isDestructive: false,
  },
  'request-supplement': {
    fields: [
      { name: 'entries', isRequired: true },
      { name: 'reason', isRequired: false },
    ],
    isDestructive: false,
  },
  resubmit: { fields: [{ name: 'note', isRequired: false }], isDestructive: false },
  complete: { fields: [{ name: 'note', isRequired: false }], isDestructive: true, isPrimary: true },
  refuse: {
    fields: [
      { name: 'reason', isRequired: true },
      { name: 'rule', isRequired: true },
    ],
    isDestructive: true,
    isDanger: true,
  },
  withdraw: {
    fields: [{ name: 'reason', isRequired: false }],
    isDestructive: true,
    isDanger: true,
  },
  'hand-over': {
    fields: [
      { name: 'toWindowId', isRequired: true },
      { name: 'reason', isRequired: true },
    ],
    isDestructive: false,
  },
};

/** A test id for props objects, whose types do not list data attributes. */
const testId = (id: string): object => ({ 'data-testid': id });

interface CaseActionsProps {
  detail: CaseDetail;
  /** Names of the item's materials by key, for the one-time notice and the resubmission. */
  materialNames: Record<string, string>;
}

/** The one-time notice: every missing material and step, listed at once (Art. 15(5)). */
function NoticeEntries({ materialNames }: { materialNames: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form.List name="entries" initialValue={[{ kind: 'material', text: '' }]}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap className="notice-entry">
              <Form.Item name={[field.name, 'kind']} noStyle>
                <Select
                  style={{ width: 110 }}
                  options={[
                    { value: 'material', label: t('cases.notice.material') },
                    { value: 'step', label: t('cases.notice.step') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'materialKey']} noStyle>
                <Select
                  allowClear
                  style={{ width: 180 }}
                  placeholder={t('cases.notice.whichMaterial')}
                  options={Object.entries(materialNames).map(([value, label]) => ({
                    value,
                    label,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'text']}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                style={{ marginBottom: 0, minWidth: 220 }}
              >
                <Input placeholder={t('cases.notice.text')} data-testid="notice-text" />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('common.remove')}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'material', text: '' })}
          >
            {t('cases.notice.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function ActionField({
  name,
  isRequired,
  action,
  materialNames,
}: {
  name: Field;
  isRequired: boolean;
  action: CaseAction;
  materialNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  const rules = isRequired ? [{ required: true, message: t('common.required') }] : [];
  switch (name) {
    case 'entries':
      return (
        <Form.Item label={t('cases.actionFields.entries')} required>
          <NoticeEntries materialNames={materialNames} />
        </Form.Item>
      );
    case 'way':
      return (
        <Form.Item name="way" label={t('cases.actionFields.way')} rules={rules}>
          <Radio.Group
            options={[
              { value: 'simple', label: t('cases.jointWays.simple') },
              { value: 'complex', label: t('cases.jointWays.complex') },
            ]}
          />
        </Form.Item>
      );
    case 'toWindowId':
      return (
        <Form.Item name="toWindowId" label={t('cases.actionFields.toWindowId')} rules={rules}>
          <WindowSelect />
        </Form.Item>
      );
    case 'rule':
    case 'authority':
      return (
        <Form.Item
          name={name}
          label={t(`cases.actionFields.${name}`)}
          extra={action === 'refuse' ? t('cases.ruleHint') : undefined}
          rules={isRequired ? [{ ...rules[0], whitespace: true }] : []}
        >
          <Input data-testid={`action-${name}`} />
        </Form.Item>
      );
    case 'reason':
    case 'note':
      return (
        <Form.Item
          name={name}
          label={t(`cases.actionFields.${name}`)}
          extra={
            action === 'request-supplement' && name === 'reason'
              ? t('cases.notice.reasonHint')
              : undefined
          }
          rules={isRequired ? [{ ...rules[0], whitespace: true }] : []}
        >
          <Input.TextArea rows={3} data-testid={`action-${name}`} />
        </Form.Item>
      );
  }
}

/** The applicant adds what the one-time notice asked for; the case returns to its window. */
function ResubmitFields({ detail, materialNames }: CaseActionsProps) {
  const { t } = useTranslation();
  const notice = detail.supplementNotices.find((entry) => !entry.resolvedAt);
  const keys = [
    ...new Set(
      (notice?.entries ?? []).flatMap((entry) => (entry.materialKey ? [entry.materialKey] : [])),
    ),
  ];
  const uploadKeys = keys.length > 0 ? keys : Object.keys(materialNames);
  return (
    <>
      {notice ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cases.notice.title', { seq: notice.seq })}
          description={
            <ul className="plain-list">
              {notice.entries.map((entry, index) => (
                <li key={index}>{entry.text}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {uploadKeys.map((key) => (
        <Form.Item
          key={key}
          name={['files', key]}
          label={materialNames[key] ?? key}
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
        >
          <Upload beforeUpload={() => false} maxCount={1} data-testid={`resubmit-${key}`}>
            <Button icon={<UploadOutlined />}>{t('filing.chooseFile')}</Button>
          </Upload>
        </Form.Item>
      ))}
    </>
  );
}

interface DialogValues extends ActionInput {
  files?: Record<string, UploadFile[] | undefined>;
}

/** The steps the caller may take now, each behind a dialog that asks what the step needs. */
export function CaseActions({ detail, materialNames }: CaseActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pick } = useLocalText();
  const [form] = Form.useForm<DialogValues>();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const action = useCaseAction(detail.id);
  const resubmit = useResubmit(detail.id);
  const pending = action.isPending || resubmit.isPending;
  const failure = action.error ?? resubmit.error;

  // Art. 15(1): only an item promised on the spot is completed in one step; the server would
  // refuse the step for any other, so it is not offered.
  const steps = detail.allowedActions.filter(
    (step) => step !== 'complete-immediately' || detail.limit.kind === 'on-the-spot',
  );

  if (steps.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="no-actions">
        {t('cases.noActions')}
      </Typography.Text>
    );
  }

  const run = async (step: CaseAction, values: DialogValues) => {
    setUnshown([]);
    try {
      if (step === 'resubmit') {
        const files = Object.entries(values.files ?? {}).flatMap(([key, list]) =>
          (list ?? []).flatMap((upload) =>
            upload.originFileObj ? [{ key, file: upload.originFileObj }] : [],
          ),
        );
        await resubmit.mutateAsync({ files, ...(values.note ? { note: values.note } : {}) });
      } else {
        const cleaned = Object.fromEntries(
          Object.entries(values).filter(
            ([key, value]) =>
              key !== 'files' &&
              (typeof value === 'string' ? value.trim() !== '' : value !== undefined),
          ),
        ) as ActionInput;
        await action.mutateAsync({ action: step, input: cleaned });
      }
      void message.success(t('cases.actionDone', { action: t(`caseActions.${step}`) }));
      setOpen(null);
      form.resetFields();
    } catch (error) {
      setUnshown(markIssues(form, error));
    }
  };

  const onClick = (step: CaseAction) => {
    action.reset();
    resubmit.reset();
    setUnshown([]);
    form.resetFields();
    if (specs[step].fields.length === 0 && !specs[step].isDestructive) {
      void run(step, {});
      return;
    }
    setOpen(step);
  };

  const onOk = async () => {
    if (!open) {
      return;
    }
    try {
      await run(open, await form.validateFields());
    } catch {
      // The form marks the fields it found wanting.
    }
  };

  const spec = open ? specs[open] : null;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {steps.map((step) => (
          <Button
            key={step}
            type={specs[step].isPrimary ? 'primary' : 'default'}
            danger={specs[step].isDanger}
            loading={pending && !open && action.variables?.action === step}
            onClick={() => onClick(step)}
            data-testid={`action-${step}`}
          >
            {t(`caseActions.${step}`)}
          </Button>
        ))}
      </Space>
      {!open && failure ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={failure} />
        </div>
      ) : null}

      <Modal
        open={open !== null}
        title={open ? t(`caseActions.${open}`) : ''}
        okText={open ? t('cases.confirmAction', { action: t(`caseActions.${open}`) }) : ''}
        okButtonProps={{ danger: spec?.isDanger, ...testId('action-confirm') }}
        cancelText={t('common.cancel')}
        confirmLoading={pending}
        onOk={() => void onOk()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
        width={open === 'request-supplement' ? 720 : 520}
      >
        {open ? (
          <>
            <Typography.Paragraph>{t(`caseActionHints.${open}`)}</Typography.Paragraph>
            {open === 'accept-promised' ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="promised-due"
                title={t('cases.promisedLimit', { limit: describeLimit(detail.limit, t, pick) })}
                description={<DuePreview limit={detail.limit} />}
              />
            ) : null}
            {open === 'request-supplement' && detail.supplementCount > 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('cases.notice.secondNeedsReason')}
              />
            ) : null}
            {spec?.isDestructive ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('cases.cannotUndo')}
              />
            ) : null}
            <Form form={form} layout="vertical" preserve={false}>
              {open === 'resubmit' ? (
                <ResubmitFields detail={detail} materialNames={materialNames} />
              ) : null}
              {spec?.fields.map((field) => (
                <ActionField
                  key={field.name}
                  name={field.name}
                  isRequired={
                    field.isRequired ||
                    (open === 'request-supplement' &&
                      field.name === 'reason' &&
                      detail.supplementCount > 0)
                  }
                  action={open}
                  materialNames={materialNames}
                />
              ))}
            </Form>
            {failure ? <ErrorAlert error={failure} issues={unshown} /> : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}
