import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { useLocalText } from '../../shared/format';
import { DuePreview } from '../calendar/DuePreview';
import { describeLimit } from '../catalog/describe';
import { useCaseAction, type ActionInput } from './api';
import type { CaseAction, CaseDetail } from './types';

type Field = 'reason' | 'rule' | 'note';

interface ActionSpec {
  /** Fields the step asks for; required ones must be filled. */
  fields: { name: Field; isRequired: boolean }[];
  /** Steps that close or give up a case ask for a confirmation. */
  isDestructive: boolean;
  isPrimary?: boolean;
}

const specs: Record<CaseAction, ActionSpec> = {
  take: { fields: [], isDestructive: false, isPrimary: true },
  'complete-immediately': {
    fields: [{ name: 'note', isRequired: false }],
    isDestructive: true,
    isPrimary: true,
  },
  'accept-promised': { fields: [{ name: 'note', isRequired: false }], isDestructive: false },
  'accept-joint': { fields: [{ name: 'note', isRequired: false }], isDestructive: false },
  escalate: { fields: [{ name: 'reason', isRequired: true }], isDestructive: false },
  'request-supplement': { fields: [{ name: 'reason', isRequired: true }], isDestructive: false },
  resubmit: { fields: [{ name: 'note', isRequired: false }], isDestructive: false },
  complete: { fields: [{ name: 'note', isRequired: false }], isDestructive: true, isPrimary: true },
  refuse: {
    fields: [
      { name: 'reason', isRequired: true },
      { name: 'rule', isRequired: true },
    ],
    isDestructive: true,
  },
  withdraw: { fields: [{ name: 'reason', isRequired: false }], isDestructive: true },
  'hand-over': { fields: [{ name: 'reason', isRequired: true }], isDestructive: false },
};

/** A test id for props objects, whose types do not list data attributes. */
const testId = (id: string): object => ({ 'data-testid': id });

/** The steps the caller may take now, each behind a dialog that asks what the step needs. */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pick } = useLocalText();
  const [form] = Form.useForm<ActionInput>();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const mutation = useCaseAction(detail.id);

  if (detail.allowedActions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="no-actions">
        {t('cases.noActions')}
      </Typography.Text>
    );
  }

  const run = async (action: CaseAction, input: ActionInput) => {
    setUnshown([]);
    try {
      await mutation.mutateAsync({ action, input });
      void message.success(t('cases.actionDone', { action: t(`caseActions.${action}`) }));
      setOpen(null);
      form.resetFields();
    } catch (error) {
      setUnshown(markIssues(form, error));
    }
  };

  const onClick = (action: CaseAction) => {
    mutation.reset();
    setUnshown([]);
    form.resetFields();
    if (specs[action].fields.length === 0 && !specs[action].isDestructive) {
      void run(action, {});
      return;
    }
    setOpen(action);
  };

  const onOk = async () => {
    if (!open) {
      return;
    }
    const values = await form.validateFields();
    const input = Object.fromEntries(
      Object.entries(values).filter(([, value]) => typeof value === 'string' && value.trim()),
    ) as ActionInput;
    await run(open, input);
  };

  const spec = open ? specs[open] : null;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {detail.allowedActions.map((action) => (
          <Button
            key={action}
            type={specs[action].isPrimary ? 'primary' : 'default'}
            danger={action === 'refuse' || action === 'withdraw'}
            loading={mutation.isPending && mutation.variables.action === action && !open}
            onClick={() => onClick(action)}
            data-testid={`action-${action}`}
          >
            {t(`caseActions.${action}`)}
          </Button>
        ))}
      </Space>
      {!open && mutation.isError ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={mutation.error} />
        </div>
      ) : null}

      <Modal
        open={open !== null}
        title={open ? t(`caseActions.${open}`) : ''}
        okText={open ? t('cases.confirmAction', { action: t(`caseActions.${open}`) }) : ''}
        okButtonProps={{
          danger: spec?.isDestructive && (open === 'refuse' || open === 'withdraw'),
          ...testId('action-confirm'),
        }}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => void onOk()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>{t(`caseActionHints.${open}`)}</Typography.Paragraph>
            {open === 'accept-promised' ? (
              <Alert
                type="info"
                showIcon
                data-testid="promised-due"
                title={t('cases.promisedLimit', { limit: describeLimit(detail.limit, t, pick) })}
                description={<DuePreview limit={detail.limit} />}
              />
            ) : null}
            {spec?.isDestructive ? (
              <Alert type="warning" showIcon title={t('cases.cannotUndo')} />
            ) : null}
            <Form form={form} layout="vertical" preserve={false}>
              {spec?.fields.map((field) => (
                <Form.Item
                  key={field.name}
                  name={field.name}
                  label={t(`cases.actionFields.${field.name}`)}
                  extra={
                    open === 'refuse' && field.name === 'rule' ? t('cases.ruleHint') : undefined
                  }
                  rules={
                    field.isRequired
                      ? [{ required: true, whitespace: true, message: t('common.required') }]
                      : []
                  }
                >
                  {field.name === 'rule' ? (
                    <Input data-testid={`action-${field.name}`} />
                  ) : (
                    <Input.TextArea rows={3} data-testid={`action-${field.name}`} />
                  )}
                </Form.Item>
              ))}
            </Form>
            {mutation.isError ? <ErrorAlert error={mutation.error} issues={unshown} /> : null}
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
