import { Button, Card, Descriptions, Empty, Form, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, data, isApiError } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDateTime, useLocalText } from '../../shared/format';
import { CaseTimeline, HolderDescription } from './CaseTimeline';
import { ModeTag, StateTag } from './CaseTags';

interface TrackForm {
  trackingNo: string;
  name: string;
}

/** Public progress by tracking number and the applicant's name, without signing in (Art. 16). */
export function TrackPage() {
  const { t, i18n } = useTranslation();
  const { pick } = useLocalText();
  const [params, setParams] = useSearchParams();
  const trackingNo = params.get('no') ?? '';
  const name = params.get('name') ?? '';
  const [form] = Form.useForm<TrackForm>();

  const track = useQuery({
    queryKey: ['track', trackingNo, name],
    queryFn: () => data(api.GET('/api/track', { params: { query: { trackingNo, name } } })),
    enabled: Boolean(trackingNo && name),
  });

  const onFinish = (values: TrackForm) => {
    setParams({ no: values.trackingNo.trim(), name: values.name.trim() });
  };

  const reply = track.data;
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('track.title')}</Typography.Title>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ trackingNo, name }}
          onFinish={onFinish}
          requiredMark={false}
        >
          <Form.Item
            name="trackingNo"
            label={t('cases.trackingNo')}
            rules={[{ required: true, whitespace: true, message: t('track.needNumber') }]}
          >
            <Input data-testid="track-number" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('cases.applicantName')}
            rules={[{ required: true, whitespace: true, message: t('track.needName') }]}
            extra={t('track.nameHint')}
          >
            <Input data-testid="track-name" autoComplete="name" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={track.isFetching}
            data-testid="track-submit"
          >
            {t('track.submit')}
          </Button>
        </Form>
      </Card>

      {track.isError ? (
        <div style={{ marginTop: 16 }}>
          {isApiError(track.error, 404) ? (
            <Empty data-testid="track-not-found" description={t('track.notFound')} />
          ) : (
            <ErrorAlert error={track.error} />
          )}
        </div>
      ) : null}

      {reply ? (
        <Card style={{ marginTop: 16 }} data-testid="track-result" title={pick(reply.itemName)}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'no', label: t('cases.trackingNo'), children: reply.trackingNo },
              { key: 'state', label: t('cases.state'), children: <StateTag state={reply.state} /> },
              {
                key: 'mode',
                label: t('cases.mode'),
                children: reply.mode ? <ModeTag mode={reply.mode} /> : '—',
              },
              {
                key: 'filed',
                label: t('cases.filedAt'),
                children: formatDateTime(reply.createdAt, i18n.language),
              },
              {
                key: 'due',
                label: t('cases.dueAt'),
                children: reply.dueAt
                  ? `${formatDateTime(reply.dueAt, i18n.language)}${reply.isDueProvisional ? ' *' : ''}`
                  : '—',
              },
              {
                key: 'closed',
                label: t('cases.closedAt'),
                children: formatDateTime(reply.closedAt, i18n.language) || '—',
              },
              ...(reply.resultNote
                ? [{ key: 'result', label: t('cases.resultNote'), children: reply.resultNote }]
                : []),
              ...(reply.resultRule
                ? [{ key: 'rule', label: t('cases.resultRule'), children: reply.resultRule }]
                : []),
            ]}
          />
          <Typography.Title level={5}>{t('cases.holder')}</Typography.Title>
          <HolderDescription holder={reply.holder} />
          <Typography.Title level={5}>{t('cases.progress')}</Typography.Title>
          <CaseTimeline events={reply.events} />
        </Card>
      ) : null}
    </div>
  );
}
