import { FlagOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useLocalText } from '../../shared/format';
import { describeLimit } from '../catalog/describe';
import { CaseTimeline, HolderDescription } from './CaseTimeline';
import { DueTag, ModeTag, StateTag } from './CaseTags';
import type { CaseDetail } from './types';

function formatAnswer(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const decisionColors = { pending: 'default', approved: 'success', refused: 'error' } as const;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface CaseViewProps {
  detail: CaseDetail;
  /** The steps the caller may take, shown above the progress. */
  actions: ReactNode;
  /** Labels of the item's form fields by key, when the item is at hand. */
  fieldLabels?: Record<string, string>;
  /** Names of the item's materials by key. */
  materialNames?: Record<string, string>;
  /** Labels of the choices of select fields, by field key and value. */
  optionLabels?: Record<string, Record<string, string>>;
  /** Panels for the parts of the case that involve others, under the actions. */
  extras?: ReactNode;
}

/** One case as applicant and staff see it: facts, who holds it, materials, every step. */
export function CaseView({
  detail,
  actions,
  fieldLabels = {},
  materialNames = {},
  optionLabels = {},
  extras,
}: CaseViewProps) {
  const { t, i18n } = useTranslation();
  const { pick, isEnglish } = useLocalText();
  const language = i18n.language;

  return (
    <div className="stack" data-testid="case-view">
      <div className="page-title">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {pick(detail.itemName)}
          </Typography.Title>
          <Typography.Text copyable data-testid="tracking-number">
            {detail.trackingNo}
          </Typography.Text>
        </div>
        <Space wrap>
          <StateTag state={detail.state} />
          <ModeTag mode={detail.mode} />
        </Space>
      </div>

      <Card title={t('cases.actions')} size="small">
        {actions}
      </Card>
      {extras}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('cases.facts')} size="small">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'applicant',
                  label: t('cases.applicantName'),
                  children: detail.applicantName,
                },
                ...(detail.applicantPhone
                  ? [
                      {
                        key: 'phone',
                        label: t('cases.applicantPhone'),
                        children: detail.applicantPhone,
                      },
                    ]
                  : []),
                {
                  key: 'channel',
                  label: t('cases.channel'),
                  children: t(`caseChannels.${detail.channel}`),
                },
                {
                  key: 'limit',
                  label: t('item.limit'),
                  children: describeLimit(detail.limit, t, pick),
                },
                {
                  key: 'filed',
                  label: t('cases.filedAt'),
                  children: formatDateTime(detail.createdAt, language),
                },
                {
                  key: 'accepted',
                  label: t('cases.acceptedAt'),
                  children: formatDateTime(detail.acceptedAt, language) || '—',
                },
                {
                  key: 'due',
                  label: t('cases.dueAt'),
                  children: (
                    <DueTag
                      dueAt={detail.dueAt}
                      status={detail.dueStatus}
                      isProvisional={detail.isDueProvisional}
                    />
                  ),
                },
                ...(detail.closedAt
                  ? [
                      {
                        key: 'closed',
                        label: t('cases.closedAt'),
                        children: formatDateTime(detail.closedAt, language),
                      },
                    ]
                  : []),
                ...(detail.resultNote
                  ? [{ key: 'result', label: t('cases.resultNote'), children: detail.resultNote }]
                  : []),
                ...(detail.resultRule
                  ? [{ key: 'rule', label: t('cases.resultRule'), children: detail.resultRule }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('cases.holder')} size="small">
            <HolderDescription holder={detail.holder} />
          </Card>
        </Col>
      </Row>

      {detail.supplementNotices.length > 0 ? (
        <Card title={t('cases.notice.notices')} size="small" data-testid="supplement-notices">
          {detail.supplementNotices.map((notice) => (
            <div key={notice.id} className="notice-block">
              <Space wrap>
                <Typography.Text strong>
                  {t('cases.notice.title', { seq: notice.seq })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {formatDateTime(notice.issuedAt, language)}
                </Typography.Text>
                {notice.resolvedAt ? (
                  <Tag color="success">{t('cases.notice.resolved')}</Tag>
                ) : (
                  <Tag color="warning">{t('cases.notice.open')}</Tag>
                )}
                {notice.isFlagged ? (
                  <Tag color="red" icon={<FlagOutlined />}>
                    {t('cases.notice.flagged')}
                  </Tag>
                ) : null}
              </Space>
              <ol>
                {notice.entries.map((entry, index) => (
                  <li key={index}>
                    {entry.materialKey
                      ? `${materialNames[entry.materialKey] ?? entry.materialKey}: `
                      : ''}
                    {entry.text}
                  </li>
                ))}
              </ol>
              {notice.reason ? (
                <div>
                  {t('cases.why')}: {notice.reason}
                </div>
              ) : null}
            </div>
          ))}
        </Card>
      ) : null}

      {detail.participants.length > 0 || detail.jointWay ? (
        <Card title={t('cases.joint')} size="small" data-testid="joint-participants">
          {detail.jointWay ? (
            <p>
              {t('cases.actionFields.way')}: {t(`cases.jointWays.${detail.jointWay}`)}
            </p>
          ) : null}
          <ul className="plain-list">
            {detail.participants.map((participant) => (
              <li key={participant.unitId}>
                {isEnglish ? participant.unitNameEn : participant.unitNameZh}{' '}
                <Tag color={decisionColors[participant.decision]}>
                  {t(`cases.decisions.${participant.decision}`)}
                </Tag>
                {participant.reason ? ` ${participant.reason}` : ''}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {detail.authority ? (
        <Card title={t('handlingModes.escalated')} size="small" data-testid="escalation">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'authority',
                label: t('cases.actionFields.authority'),
                children: detail.authority,
              },
              {
                key: 'answer',
                label: t('cases.authorityAnswer'),
                children: detail.authorityAnswer ?? '—',
              },
            ]}
          />
        </Card>
      ) : null}

      {Object.keys(detail.formData).length > 0 ? (
        <Card title={t('cases.answers')} size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            data-testid="case-answers"
            items={Object.entries(detail.formData).map(([key, value]) => ({
              key,
              label: fieldLabels[key] ?? key,
              children:
                typeof value === 'string' && optionLabels[key]?.[value]
                  ? optionLabels[key][value]
                  : formatAnswer(value),
            }))}
          />
        </Card>
      ) : null}

      <Card title={t('cases.materials')} size="small">
        {detail.materials.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.noMaterials')}</Typography.Text>
        ) : (
          <ul className="plain-list" data-testid="case-materials">
            {detail.materials.map((material) => (
              <li key={material.id}>
                <PaperClipOutlined />{' '}
                <Typography.Text strong>
                  {materialNames[material.materialKey] ?? material.materialKey}
                </Typography.Text>{' '}
                <a href={`/api/cases/${detail.id}/materials/${material.id}`} download>
                  {material.originalName}
                </a>{' '}
                <Typography.Text type="secondary">
                  ({formatSize(material.sizeBytes)}
                  {material.round > 1 ? ` · ${t('cases.round', { round: material.round })}` : ''})
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('cases.progress')} size="small">
        <CaseTimeline events={detail.events} />
      </Card>
    </div>
  );
}
