import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { FieldIssue } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { markIssues } from '../../shared/form-issues';
import { formatDateTime, useLocalText } from '../../shared/format';
import { WindowSelect } from '../../shared/WindowSelect';
import {
  useConsultation,
  useConsultationStep,
  type ConsultationDetail,
  type StepInput,
} from './api';

type WindowRef = NonNullable<ConsultationDetail['holderWindow']>;

function StepForm({
  detail,
  action,
}: {
  detail: ConsultationDetail;
  action: 'answer' | 'hand-over' | 'mark-filed';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const step = useConsultationStep(detail.id);

  const onFinish = (values: Record<string, string>) => {
    setUnshown([]);
    const input: StepInput =
      action === 'answer'
        ? { action, answer: values.answer ?? '' }
        : action === 'hand-over'
          ? { action, toWindowId: values.toWindowId ?? '', note: values.note ?? '' }
          : { action, ...(values.caseId ? { caseId: values.caseId } : {}) };
    step.mutate(input, {
      onSuccess: () => {
        void message.success(t(`consultations.actions.${action}`));
        form.resetFields();
      },
      onError: (error) => setUnshown(markIssues(form, error)),
    });
  };

  return (
    <Card size="small" title={t(`consultations.actions.${action}`)}>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        data-testid={`consultation-${action}`}
      >
        {action === 'answer' ? (
          <Form.Item
            name="answer"
            label={t('consultations.answer')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        ) : null}
        {action === 'hand-over' ? (
          <>
            <Form.Item
              name="toWindowId"
              label={t('cases.actionFields.toWindowId')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <WindowSelect testId="consultation-to-window" />
            </Form.Item>
            <Form.Item name="note" label={t('cases.actionFields.reason')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {action === 'mark-filed' ? (
          <Form.Item
            name="caseId"
            label={t('consultations.caseId')}
            extra={t('consultations.caseIdHint')}
          >
            <Input />
          </Form.Item>
        ) : null}
        {step.isError ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={step.error} issues={unshown} />
          </div>
        ) : null}
        <Button
          htmlType="submit"
          type="primary"
          loading={step.isPending}
          data-testid={`consultation-${action}-submit`}
        >
          {t(`consultations.actions.${action}`)}
        </Button>
      </Form>
    </Card>
  );
}

/** One consultation: who took it first, who holds it, every hand-over, the answer (Art. 14). */
export function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const { pick, pickName } = useLocalText();
  const { id } = useParams();
  const consultation = useConsultation(id);
  const claim = useConsultationStep(id ?? '');
  const windowName = (window: WindowRef | null) =>
    window
      ? `${pickName({ nameZh: window.hallNameZh, nameEn: window.hallNameEn })} · ${t('org.windowNumber', { number: window.number })} ${pickName(window)} (${pickName(window.unit)})`
      : '—';

  if (consultation.isPending) {
    return <Skeleton active />;
  }
  if (consultation.isError) {
    return <ErrorAlert error={consultation.error} />;
  }
  const detail = consultation.data;
  const actions = detail.allowedActions;

  return (
    <div className="stack" data-testid="consultation-view">
      <Breadcrumb
        items={[
          { title: <Link to="/consultations">{t('consultations.title')}</Link> },
          { title: detail.askerName },
        ]}
      />
      <Card
        size="small"
        title={t('consultations.question')}
        extra={
          <Tag data-testid="consultation-state-tag">
            {t(`consultations.states.${detail.state}`)}
          </Tag>
        }
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>
          {detail.question}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'asker', label: t('consultations.asker'), children: detail.askerName },
            { key: 'phone', label: t('cases.applicantPhone'), children: detail.askerPhone ?? '—' },
            {
              key: 'channel',
              label: t('consultations.channel'),
              children: t(`consultations.channels.${detail.channel}`),
            },
            {
              key: 'asked',
              label: t('consultations.askedAt'),
              children: formatDateTime(detail.createdAt, i18n.language),
            },
            {
              key: 'item',
              label: t('consultations.item'),
              children: detail.item ? (
                <Link to={`/items/${detail.item.id}`}>
                  {pick(detail.item.name) || detail.item.code}
                </Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'first',
              label: t('consultations.firstTaker'),
              children: detail.firstTaker
                ? `${detail.firstTaker.displayName} · ${formatDateTime(detail.firstTakenAt, i18n.language)}`
                : t('consultations.notClaimed'),
            },
            {
              key: 'holder',
              label: t('consultations.holder'),
              children: detail.holderWindow
                ? windowName(detail.holderWindow)
                : detail.holderUnit
                  ? pickName(detail.holderUnit)
                  : t('consultations.centerQueue'),
            },
            ...(detail.caseId
              ? [
                  {
                    key: 'case',
                    label: t('consultations.case'),
                    children: (
                      <Link to={`/cases/${detail.caseId}`}>{t('consultations.openCase')}</Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {detail.answer ? (
        <Card size="small" title={t('consultations.answer')} data-testid="consultation-answer-text">
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>
            {detail.answer}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {detail.answeredBy?.displayName} · {formatDateTime(detail.answeredAt, i18n.language)}
          </Typography.Text>
        </Card>
      ) : null}

      {actions.includes('claim') ? (
        <Card size="small">
          <Space wrap>
            <Typography.Text>{t('consultations.claimHint')}</Typography.Text>
            <Button
              type="primary"
              loading={claim.isPending}
              onClick={() => claim.mutate({ action: 'claim' })}
              data-testid="consultation-claim"
            >
              {t('consultations.actions.claim')}
            </Button>
          </Space>
          {claim.isError ? <ErrorAlert error={claim.error} /> : null}
        </Card>
      ) : null}
      {actions.includes('answer') ? <StepForm detail={detail} action="answer" /> : null}
      {actions.includes('hand-over') ? <StepForm detail={detail} action="hand-over" /> : null}
      {actions.includes('mark-filed') ? <StepForm detail={detail} action="mark-filed" /> : null}

      {detail.handovers.length > 0 ? (
        <Card
          size="small"
          title={t('consultations.handovers')}
          data-testid="consultation-handovers"
        >
          <Timeline
            items={detail.handovers.map((handover) => ({
              key: handover.id,
              content: (
                <>
                  <Typography.Text type="secondary">
                    {formatDateTime(handover.at, i18n.language)} · {handover.by?.displayName ?? ''}
                  </Typography.Text>
                  <div>
                    {handover.fromWindow
                      ? windowName(handover.fromWindow)
                      : handover.fromUnit
                        ? pickName(handover.fromUnit)
                        : t('consultations.centerQueue')}{' '}
                    <ArrowRightOutlined />{' '}
                    {handover.toWindow
                      ? windowName(handover.toWindow)
                      : handover.toUnit
                        ? pickName(handover.toUnit)
                        : '—'}
                  </div>
                  {handover.note ? (
                    <div>
                      {t('cases.why')}: {handover.note}
                    </div>
                  ) : null}
                </>
              ),
            }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
