import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type FieldIssue } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { formatDateTime, useLocalText } from '../../shared/format';
import { useOrg } from '../../shared/org';
import { centerRoles, hasRole, useMe, type Me } from '../auth/session';
import type { CaseDetail } from './types';

type Objection =
  paths['/api/objections']['get']['responses'][200]['content']['application/json'][number];

/**
 * A small form whose submission calls the API, marks the fields the server names, and refreshes
 * the case; the panels below are made of these.
 */
function ActionForm<Values extends object>({
  caseId,
  submit,
  submitLabel,
  testId,
  children,
  initialValues,
  isDanger,
}: {
  caseId: string;
  submit: (values: Values) => Promise<unknown>;
  submitLabel: string;
  testId: string;
  children: ReactNode;
  initialValues?: Partial<Values>;
  isDanger?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: () => {
      void message.success(t('common.saved'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['case-extras', caseId] });
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => {
        setUnshown([]);
        mutation.mutate(values);
      }}
      data-testid={testId}
    >
      {children}
      {mutation.isError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={mutation.error} issues={unshown} />
        </div>
      ) : null}
      <Button
        htmlType="submit"
        type="primary"
        danger={isDanger}
        loading={mutation.isPending}
        data-testid={`${testId}-submit`}
      >
        {submitLabel}
      </Button>
    </Form>
  );
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Objections to a result (Art. 16): the window answers; the applicant may go to the center. */
function Objections({ detail, me }: { detail: CaseDetail; me: Me }) {
  const { t, i18n } = useTranslation();
  const isClosedWithResult = detail.state === 'completed' || detail.state === 'refused';
  const objections = useQuery({
    queryKey: ['case-extras', detail.id, 'objections'],
    queryFn: () => data(api.GET('/api/objections', { params: { query: { caseId: detail.id } } })),
    enabled: me.role !== 'auditor',
  });
  const rows = objections.data ?? [];
  const isApplicant = me.role === 'applicant';
  if (rows.length === 0 && !(isApplicant && isClosedWithResult)) {
    return null;
  }
  const isWindow =
    (me.role === 'staff' || me.role === 'window-lead') && me.unitId === detail.unitId;
  const isCenterManager = me.role === 'center';
  // One objection at a time: an answered one goes on to the center rather than starting anew.
  const hasOpen = rows.some((row) => row.state !== 'closed');

  const answer = (objection: Objection, byCenter: boolean) => (
    <ActionForm<{ answer: string }>
      caseId={detail.id}
      testId={byCenter ? 'objection-center-answer' : 'objection-answer'}
      submitLabel={t('objections.answer')}
      submit={(values) =>
        byCenter
          ? api.POST('/api/objections/{id}/center-answer', {
              params: { path: { id: objection.id } },
              body: values,
            })
          : api.POST('/api/objections/{id}/answer', {
              params: { path: { id: objection.id } },
              body: values,
            })
      }
    >
      <Form.Item
        name="answer"
        label={t('objections.answer')}
        rules={required(t('common.required'))}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionForm>
  );

  return (
    <Card title={t('objections.title')} size="small" data-testid="objections">
      {rows.map((objection) => (
        <div key={objection.id} className="notice-block" data-testid="objection">
          <Space wrap>
            <Tag>{t(`objections.states.${objection.state}`)}</Tag>
            <Typography.Text type="secondary">
              {formatDateTime(objection.raisedAt, i18n.language)}
            </Typography.Text>
          </Space>
          <p>{objection.text}</p>
          {objection.windowAnswer ? (
            <p>
              {t('objections.windowAnswer')}: {objection.windowAnswer}
            </p>
          ) : null}
          {objection.centerAnswer ? (
            <p>
              {t('objections.centerAnswer')}: {objection.centerAnswer}
            </p>
          ) : null}
          {isWindow && objection.state === 'open' ? answer(objection, false) : null}
          {isCenterManager && objection.state === 'with-center' ? answer(objection, true) : null}
          {isApplicant && objection.state === 'answered' ? (
            <ActionForm<{ note: string }>
              caseId={detail.id}
              testId="objection-to-center"
              submitLabel={t('objections.toCenter')}
              submit={(values) =>
                api.POST('/api/objections/{id}/to-center', {
                  params: { path: { id: objection.id } },
                  body: values,
                })
              }
            >
              <Form.Item name="note" label={t('objections.toCenterNote')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </ActionForm>
          ) : null}
        </div>
      ))}
      {isApplicant && isClosedWithResult && !hasOpen ? (
        <ActionForm<{ text: string }>
          caseId={detail.id}
          testId="objection-raise"
          submitLabel={t('objections.raise')}
          submit={(values) =>
            api.POST('/api/cases/{id}/objections', {
              params: { path: { id: detail.id } },
              body: values,
            })
          }
        >
          <Form.Item
            name="text"
            label={t('objections.raiseLabel')}
            rules={required(t('common.required'))}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionForm>
      ) : null}
    </Card>
  );
}

/** An escalated case: contacts with the authority, then its answer (Art. 15(4)). */
function Escalation({ detail, me }: { detail: CaseDetail; me: Me }) {
  const { t, i18n } = useTranslation();
  const isHolder =
    detail.handlerId === me.id || (me.role === 'window-lead' && me.unitId === detail.unitId);
  const canSee = isHolder || hasRole(me, [...centerRoles, 'auditor']);
  const contacts = useQuery({
    queryKey: ['case-extras', detail.id, 'contacts'],
    queryFn: () =>
      data(api.GET('/api/cases/{id}/contacts', { params: { path: { id: detail.id } } })),
    enabled: canSee && Boolean(detail.authority),
  });
  if (!detail.authority || !canSee) {
    return null;
  }
  return (
    <Card title={t('escalation.contacts')} size="small" data-testid="authority-contacts">
      {(contacts.data ?? []).length > 0 ? (
        <Timeline
          items={(contacts.data ?? []).map((contact) => ({
            key: contact.id,
            content: (
              <>
                <Typography.Text type="secondary">
                  {formatDateTime(contact.at, i18n.language)} · {contact.channel}
                </Typography.Text>
                <div>{contact.summary}</div>
              </>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('escalation.noContacts')}</Typography.Paragraph>
      )}
      {isHolder && detail.state === 'escalated' ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <ActionForm<{ channel: string; summary: string }>
            caseId={detail.id}
            testId="contact-add"
            submitLabel={t('escalation.addContact')}
            submit={(values) =>
              api.POST('/api/cases/{id}/contacts', {
                params: { path: { id: detail.id } },
                body: values,
              })
            }
          >
            <Form.Item
              name="channel"
              label={t('escalation.channel')}
              rules={required(t('common.required'))}
            >
              <Input placeholder={t('escalation.channelHint')} />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t('escalation.summary')}
              rules={required(t('common.required'))}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </ActionForm>
          {!detail.authorityAnswer ? (
            <ActionForm<{ answer: string }>
              caseId={detail.id}
              testId="authority-answer"
              submitLabel={t('escalation.recordAnswer')}
              submit={(values) =>
                api.POST('/api/cases/{id}/authority-answer', {
                  params: { path: { id: detail.id } },
                  body: values,
                })
              }
            >
              <Form.Item
                name="answer"
                label={t('cases.authorityAnswer')}
                rules={required(t('common.required'))}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </ActionForm>
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}

interface NoticeValues {
  meetingAt: Dayjs;
  place: string;
  chairName: string;
  invitees: { unitId: string; officialTitle: string }[];
}

interface MeetingValues {
  heldAt: Dayjs;
  minutes?: string;
  attendees: {
    unitId: string;
    attendeeName?: string;
    hasAttended: boolean;
    decision?: 'approved' | 'refused';
    reason?: string;
  }[];
}

/** A joint case: sign-offs, or the center's joint review meeting (Art. 15(3)). */
function Joint({ detail, me }: { detail: CaseDetail; me: Me }) {
  const { t, i18n } = useTranslation();
  const { pickName } = useLocalText();
  const isCenterManager = hasRole(me, centerRoles);
  const review = useQuery({
    queryKey: ['case-extras', detail.id, 'joint-review'],
    queryFn: () =>
      data(api.GET('/api/cases/{id}/joint-review', { params: { path: { id: detail.id } } })),
    enabled: Boolean(detail.jointReview),
  });
  if (detail.state !== 'joint-review' && !detail.jointReview) {
    return null;
  }
  const myDecision = detail.participants.find((participant) => participant.unitId === me.unitId);
  const canSignOff =
    detail.state === 'joint-review' &&
    myDecision?.decision === 'pending' &&
    (me.role === 'window-lead' || me.role === 'unit-admin');
  const canRequestReview =
    detail.state === 'joint-review' &&
    detail.jointWay === 'complex' &&
    !detail.jointReview &&
    me.role === 'window-lead' &&
    me.unitId === detail.unitId;
  const jointReview = review.data;
  const canIssue = isCenterManager && jointReview && !jointReview.issuedAt;
  const canRecord = isCenterManager && jointReview?.issuedAt && !jointReview.heldAt;
  const units = [
    { unitId: detail.unitId, name: pickName(detail.holder.unit) },
    ...detail.participants.map((participant) => ({
      unitId: participant.unitId,
      name: pickName({ nameZh: participant.unitNameZh, nameEn: participant.unitNameEn }),
    })),
  ];

  return (
    <Card title={t('joint.title')} size="small" data-testid="joint-review">
      {jointReview ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'no', label: t('joint.noticeNo'), children: jointReview.noticeNo ?? '—' },
            {
              key: 'at',
              label: t('joint.meetingAt'),
              children: formatDateTime(jointReview.meetingAt, i18n.language) || '—',
            },
            { key: 'place', label: t('joint.place'), children: jointReview.place ?? '—' },
            { key: 'chair', label: t('joint.chair'), children: jointReview.chairName ?? '—' },
            {
              key: 'held',
              label: t('joint.heldAt'),
              children: formatDateTime(jointReview.heldAt, i18n.language) || '—',
            },
          ]}
        />
      ) : null}
      {jointReview?.noticeNo ? (
        <Button
          icon={<FilePdfOutlined />}
          href={`/api/cases/${detail.id}/joint-review/notice.pdf`}
          target="_blank"
          data-testid="joint-notice-pdf"
          style={{ marginBottom: 12 }}
        >
          {t('joint.noticePdf')}
        </Button>
      ) : null}

      {canSignOff ? (
        <ActionForm<{ decision: 'approved' | 'refused'; reason?: string }>
          caseId={detail.id}
          testId="sign-off"
          submitLabel={t('joint.signOff')}
          initialValues={{ decision: 'approved' }}
          submit={(values) =>
            api.POST('/api/cases/{id}/sign-off', {
              params: { path: { id: detail.id } },
              body: values,
            })
          }
        >
          <Form.Item name="decision" label={t('joint.decision')}>
            <Radio.Group
              options={[
                { value: 'approved', label: t('cases.decisions.approved') },
                { value: 'refused', label: t('cases.decisions.refused') },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('cases.actionFields.reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionForm>
      ) : null}

      {canRequestReview ? (
        <ActionForm<{ note: string }>
          caseId={detail.id}
          testId="joint-review-request"
          submitLabel={t('joint.request')}
          submit={(values) =>
            api.POST('/api/cases/{id}/joint-review', {
              params: { path: { id: detail.id } },
              body: values,
            })
          }
        >
          <Form.Item
            name="note"
            label={t('joint.requestNote')}
            rules={required(t('common.required'))}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionForm>
      ) : null}

      {canIssue ? (
        <ActionForm<NoticeValues>
          caseId={detail.id}
          testId="joint-notice"
          submitLabel={t('joint.issue')}
          initialValues={{
            invitees: units.map((unit) => ({ unitId: unit.unitId, officialTitle: '' })),
          }}
          submit={(values) =>
            api.POST('/api/cases/{id}/joint-review/notice', {
              params: { path: { id: detail.id } },
              body: { ...values, meetingAt: values.meetingAt.toISOString() },
            })
          }
        >
          <Form.Item name="meetingAt" label={t('joint.meetingAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="place" label={t('joint.place')} rules={required(t('common.required'))}>
            <Input />
          </Form.Item>
          <Form.Item
            name="chairName"
            label={t('joint.chair')}
            rules={required(t('common.required'))}
          >
            <Input />
          </Form.Item>
          <Form.List name="invitees">
            {(fields) =>
              fields.map((field, index) => (
                <Form.Item
                  key={field.key}
                  name={[field.name, 'officialTitle']}
                  label={t('joint.officialOf', { unit: units[index]?.name ?? '' })}
                  rules={required(t('common.required'))}
                >
                  <Input placeholder={t('joint.officialHint')} />
                </Form.Item>
              ))
            }
          </Form.List>
        </ActionForm>
      ) : null}

      {canRecord && jointReview ? (
        <ActionForm<MeetingValues>
          caseId={detail.id}
          testId="joint-meeting"
          submitLabel={t('joint.record')}
          initialValues={{
            attendees: jointReview.invitees.map((invitee) => ({
              unitId: invitee.unitId,
              hasAttended: true,
              decision: 'approved',
            })),
          }}
          submit={(values) =>
            api.POST('/api/cases/{id}/joint-review/meeting', {
              params: { path: { id: detail.id } },
              body: { ...values, heldAt: values.heldAt.toISOString() },
            })
          }
        >
          <Form.Item name="heldAt" label={t('joint.heldAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.List name="attendees">
            {(fields) =>
              fields.map((field, index) => {
                const invitee = jointReview.invitees[index];
                return (
                  <div key={field.key} className="editor-row">
                    <Typography.Text strong>
                      {invitee
                        ? pickName({ nameZh: invitee.unitNameZh, nameEn: invitee.unitNameEn })
                        : ''}
                    </Typography.Text>
                    <Space wrap align="start">
                      <Form.Item
                        name={[field.name, 'hasAttended']}
                        label={t('joint.attended')}
                        valuePropName="checked"
                      >
                        <Switch />
                      </Form.Item>
                      <Form.Item name={[field.name, 'attendeeName']} label={t('joint.attendee')}>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[field.name, 'decision']} label={t('joint.decision')}>
                        <Radio.Group
                          options={[
                            { value: 'approved', label: t('cases.decisions.approved') },
                            { value: 'refused', label: t('cases.decisions.refused') },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'reason']}
                        label={t('cases.actionFields.reason')}
                      >
                        <Input />
                      </Form.Item>
                    </Space>
                  </div>
                );
              })
            }
          </Form.List>
          <Form.Item name="minutes" label={t('joint.minutes')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionForm>
      ) : null}
    </Card>
  );
}

/** The center settles a disputed lead: the case goes to the unit it names (Art. 15(3)). */
function LeadDecision({ detail, me }: { detail: CaseDetail; me: Me }) {
  const { t } = useTranslation();
  const { pickName } = useLocalText();
  const org = useOrg();
  const isOpenToHandOver = detail.state === 'submitted' || detail.state === 'reviewing';
  if (!hasRole(me, centerRoles) || !isOpenToHandOver) {
    return null;
  }
  return (
    <Card title={t('joint.lead')} size="small" data-testid="lead-decision">
      <Typography.Paragraph type="secondary">{t('joint.leadHint')}</Typography.Paragraph>
      <ActionForm<{ unitId: string; reason: string }>
        caseId={detail.id}
        testId="lead-decide"
        submitLabel={t('joint.decideLead')}
        submit={(values) =>
          api.POST('/api/cases/{id}/lead', { params: { path: { id: detail.id } }, body: values })
        }
      >
        <Form.Item
          name="unitId"
          label={t('org.unit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(org.data?.units ?? [])
              .filter((unit) => unit.id !== detail.unitId)
              .map((unit) => ({ value: unit.id, label: pickName(unit) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cases.actionFields.reason')}
          rules={required(t('common.required'))}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </ActionForm>
    </Card>
  );
}

/** The parts of a case that involve others: objections, the authority, joint units. */
export function CaseCollaboration({ detail }: { detail: CaseDetail }) {
  const me = useMe();
  if (!me.data) {
    return null;
  }
  return (
    <div className="stack">
      <LeadDecision detail={detail} me={me.data} />
      <Joint detail={detail} me={me.data} />
      <Escalation detail={detail} me={me.data} />
      <Objections detail={detail} me={me.data} />
    </div>
  );
}
