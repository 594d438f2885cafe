import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, data, isApiError, type FieldIssue } from '../../../api/client';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { markIssues } from '../../../shared/form-issues';
import { formatDateTime, useLocalText } from '../../../shared/format';
import { useOrg } from '../../../shared/org';
import { usePublishItem, useSaveItem } from '../api';
import type { ItemInput, ItemSheet } from '../content';
import { channels, handlingModes } from '../describe';
import { ContentFields } from './ContentFields';
import { emptyItem, toFormValues, toItemInput, type ItemFormValues } from './form-values';

type Mode = 'form' | 'json';

/** The newest version of an item, draft or not: that is the one the editor changes. */
function useLatestSheet(id: string | undefined) {
  return useQuery({
    queryKey: ['items', 'latest', id],
    queryFn: async (): Promise<ItemSheet> => {
      const path = { id: id ?? '' };
      const sheet = await data(api.GET('/api/items/{id}', { params: { path } }));
      if (sheet.version === sheet.latestVersion) {
        return sheet;
      }
      return data(
        api.GET('/api/items/{id}', { params: { path, query: { version: sheet.latestVersion } } }),
      );
    },
    enabled: Boolean(id),
    staleTime: 0,
  });
}

function Settings() {
  const { t } = useTranslation();
  const { pickName } = useLocalText();
  const org = useOrg();
  const form = Form.useFormInstance<ItemFormValues>();
  const mode = Form.useWatch('defaultMode', form);
  const halls = new Map((org.data?.halls ?? []).map((hall) => [hall.id, hall]));
  const units = new Map((org.data?.units ?? []).map((unit) => [unit.id, unit]));

  return (
    <Card size="small" title={t('admin.settings')} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('admin.code')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input data-testid="item-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="unitId"
            label={t('admin.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="item-unit"
              options={(org.data?.units ?? []).map((unit) => ({
                value: unit.id,
                label: pickName(unit),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="channel" label={t('admin.channel')}>
        <Radio.Group
          optionType="button"
          options={channels.map((value) => ({ value, label: t(`channels.${value}`) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="defaultMode" label={t('admin.defaultMode')}>
            <Select
              options={handlingModes.map((value) => ({
                value,
                label: t(`handlingModes.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="isForeignFacing"
            label={t('admin.isForeignFacing')}
            valuePropName="checked"
          >
            <Switch data-testid="item-foreign-facing" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="campusIds" label={t('admin.campuses')}>
        <Checkbox.Group
          options={(org.data?.campuses ?? []).map((campus) => ({
            value: campus.id,
            label: pickName(campus),
          }))}
        />
      </Form.Item>
      <Form.Item name="windowIds" label={t('admin.windows')} extra={t('admin.windowsHint')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="item-windows"
          options={(org.data?.windows ?? []).map((window) => ({
            value: window.id,
            label: `${pickName(halls.get(window.hallId))} · ${t('org.windowNumber', { number: window.number })} ${pickName(window)} (${pickName(units.get(window.unitId))})`,
          }))}
        />
      </Form.Item>
      {mode === 'joint' ? (
        <Form.Item name="participantUnitIds" label={t('admin.participants')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(org.data?.units ?? []).map((unit) => ({
              value: unit.id,
              label: pickName(unit),
            }))}
          />
        </Form.Item>
      ) : null}
    </Card>
  );
}

/** Every version of an item, when it was made and whether it went public (R-CAT-6). */
function Versions({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({
    queryKey: ['items', 'versions', id],
    queryFn: () => data(api.GET('/api/items/{id}/versions', { params: { path: { id } } })),
  });
  if (!versions.data || versions.data.length === 0) {
    return null;
  }
  return (
    <Card
      size="small"
      title={t('admin.versions')}
      style={{ marginTop: 12 }}
      data-testid="item-versions"
    >
      <ul className="plain-list">
        {[...versions.data]
          .sort((a, b) => b.version - a.version)
          .map((entry) => (
            <li key={entry.version}>
              <Link to={`/items/${id}?version=${entry.version}`} target="_blank">
                {t('admin.version')} {entry.version}
              </Link>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(entry.createdAt, i18n.language)}
              </Typography.Text>{' '}
              {entry.publishedAt ? (
                <Tag color="success">
                  {t('admin.publishedAt', {
                    at: formatDateTime(entry.publishedAt, i18n.language),
                  })}
                </Tag>
              ) : (
                <Tag>{t('itemStatuses.draft')}</Tag>
              )}
            </li>
          ))}
      </ul>
    </Card>
  );
}

/** Creating and editing an item: a structured form, with JSON for rare shapes (R-CAT-1, 6). */
export function ItemEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pick } = useLocalText();
  const navigate = useNavigate();
  const { id } = useParams();
  const sheet = useLatestSheet(id);
  const [form] = Form.useForm<ItemFormValues>();
  const [mode, setMode] = useState<Mode>('form');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const save = useSaveItem(id);
  const publish = usePublishItem();

  /** The content as JSON text, or the form's content when the JSON tab is not open. */
  const readInput = (): ItemInput | null => {
    const values = form.getFieldsValue(true) as ItemFormValues;
    if (mode === 'json') {
      try {
        const content = JSON.parse(json) as ItemInput['content'];
        return { ...toItemInput(values), content };
      } catch (error) {
        setJsonError(t('admin.jsonInvalid', { message: (error as Error).message }));
        return null;
      }
    }
    return toItemInput(values);
  };

  const switchMode = (next: Mode) => {
    setJsonError(null);
    if (next === 'json') {
      setJson(
        JSON.stringify(toItemInput(form.getFieldsValue(true) as ItemFormValues).content, null, 2),
      );
      setMode(next);
      return;
    }
    try {
      form.setFieldValue('content', JSON.parse(json) as ItemInput['content']);
      setMode(next);
    } catch (error) {
      setJsonError(t('admin.jsonInvalid', { message: (error as Error).message }));
    }
  };

  // In the JSON tab the form's fields are out of sight, so every issue is listed instead.
  const showIssues = (error: unknown) =>
    setUnshown(mode === 'json' ? (isApiError(error) ? error.issues : []) : markIssues(form, error));

  const onSave = async (): Promise<ItemSheet | null> => {
    setUnshown([]);
    publish.reset();
    const input = readInput();
    if (!input) {
      return null;
    }
    try {
      const saved = await save.mutateAsync(input);
      void message.success(t('admin.savedDraft', { version: saved.version }));
      if (!id) {
        void navigate(`/center/items/${saved.id}/edit`, { replace: true });
      }
      return saved;
    } catch (error) {
      showIssues(error);
      return null;
    }
  };

  const onPublish = async () => {
    const saved = await onSave();
    if (!saved) {
      return;
    }
    try {
      await publish.mutateAsync(saved.id);
      void message.success(t('admin.published'));
      void navigate(`/items/${saved.id}`);
    } catch (error) {
      showIssues(error);
    }
  };

  if (id && sheet.isPending) {
    return <Skeleton active />;
  }
  if (sheet.isError) {
    return <ErrorAlert error={sheet.error} />;
  }

  const failure = publish.isError ? publish.error : save.isError ? save.error : null;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/center/items">{t('admin.title')}</Link> },
          { title: sheet.data ? pick(sheet.data.content.name) : t('admin.createItem') },
        ]}
      />
      <div className="page-title">
        <Space wrap>
          <Typography.Title level={3}>
            {id ? t('admin.editItem') : t('admin.createItem')}
          </Typography.Title>
          {sheet.data ? (
            <>
              <Tag>{t(`itemStatuses.${sheet.data.status}`)}</Tag>
              <Tag>
                {t('admin.version')} {sheet.data.version}
              </Tag>
            </>
          ) : null}
        </Space>
        <Space wrap>
          {sheet.data ? (
            <Link to={`/items/${sheet.data.id}?version=${sheet.data.version}`} target="_blank">
              <Button>{t('admin.preview')}</Button>
            </Link>
          ) : null}
          <Button onClick={() => void onSave()} loading={save.isPending} data-testid="save-item">
            {t('admin.saveDraft')}
          </Button>
          <Popconfirm
            title={t('admin.confirmPublish')}
            okText={t('admin.publish')}
            cancelText={t('common.cancel')}
            onConfirm={() => void onPublish()}
          >
            <Button type="primary" loading={publish.isPending} data-testid="publish-item">
              {t('admin.publish')}
            </Button>
          </Popconfirm>
        </Space>
      </div>

      {failure ? (
        <div style={{ marginBottom: 12 }}>
          {publish.isError ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('admin.publishProblems')}
            />
          ) : null}
          <ErrorAlert error={failure} issues={unshown} />
        </div>
      ) : null}

      {!id || sheet.data ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={sheet.data ? toFormValues(sheet.data) : emptyItem}
          scrollToFirstError
          data-testid="item-editor"
        >
          <Settings />
          <Tabs
            activeKey={mode}
            onChange={(key) => switchMode(key as Mode)}
            items={[
              { key: 'form', label: t('admin.formMode'), children: <ContentFields form={form} /> },
              {
                key: 'json',
                label: t('admin.jsonMode'),
                children: (
                  <>
                    <Typography.Paragraph type="secondary">
                      {t('admin.jsonHint')}
                    </Typography.Paragraph>
                    {jsonError ? (
                      <Alert type="error" showIcon title={jsonError} style={{ marginBottom: 8 }} />
                    ) : null}
                    <Input.TextArea
                      value={json}
                      onChange={(event) => setJson(event.target.value)}
                      autoSize={{ minRows: 16, maxRows: 40 }}
                      spellCheck={false}
                      style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13 }}
                      data-testid="item-json"
                    />
                  </>
                ),
              },
            ]}
          />
        </Form>
      ) : null}
      {id ? <Versions id={id} /> : null}
    </>
  );
}
