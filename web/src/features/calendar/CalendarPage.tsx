import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type FieldIssue } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ExportButton } from '../../shared/ExportButton';
import { markIssues } from '../../shared/form-issues';
import { formatDate, formatDateTime, useLocalText } from '../../shared/format';
import { useOrg } from '../../shared/org';

type Override =
  paths['/api/calendar/overrides']['get']['responses'][200]['content']['application/json'][number];
type KnownYear =
  paths['/api/calendar/years']['get']['responses'][200]['content']['application/json'][number];
type YearBody =
  paths['/api/calendar/years/{year}']['put']['requestBody']['content']['application/json'];

const allCampuses = '';

function useCampusName() {
  const { t } = useTranslation();
  const { pickName } = useLocalText();
  const org = useOrg();
  return (campusId: string | null) =>
    campusId
      ? pickName(org.data?.campuses.find((campus) => campus.id === campusId)) || campusId
      : t('calendar.allCampuses');
}

function CampusSelect(props: {
  value?: string;
  onChange?: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { pickName } = useLocalText();
  const org = useOrg();
  return (
    <Select
      value={props.value ?? allCampuses}
      onChange={props.onChange}
      style={{ minWidth: 180 }}
      data-testid={props.testId}
      options={[
        { value: allCampuses, label: t('calendar.allCampuses') },
        ...(org.data?.campuses ?? []).map((campus) => ({
          value: campus.id,
          label: pickName(campus),
        })),
      ]}
    />
  );
}

/** The month as the calendar counts it: holidays, make-up working days, closures. */
function MonthView() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [campusId, setCampusId] = useState(allCampuses);
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const days = useQuery({
    queryKey: ['calendar', 'days', from, to, campusId],
    queryFn: () =>
      data(
        api.GET('/api/calendar/working-days', {
          params: { query: { from, to, ...(campusId ? { campusId } : {}) } },
        }),
      ),
  });
  const byDay = new Map((days.data ?? []).map((day) => [day.day, day]));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <CampusSelect value={campusId} onChange={setCampusId} testId="calendar-campus" />
        <Tag color="red">{t('calendar.kinds.holiday')}</Tag>
        <Tag color="orange">{t('calendar.kinds.make-up-workday')}</Tag>
        <Tag color="purple">{t('calendar.kinds.override')}</Tag>
      </Space>
      {days.isError ? <ErrorAlert error={days.error} /> : null}
      <Calendar
        value={month}
        onPanelChange={(value) => setMonth(value)}
        onSelect={(value) => setMonth(value)}
        fullscreen={false}
        data-testid="calendar-month"
        fullCellRender={(date, info) => {
          if (info.type !== 'date') {
            return info.originNode;
          }
          const day = byDay.get(date.format('YYYY-MM-DD'));
          const color =
            day?.kind === 'holiday'
              ? '#cf1322'
              : day?.kind === 'make-up-workday'
                ? '#d46b08'
                : day?.kind === 'override'
                  ? '#722ed1'
                  : day && !day.isWorkingDay
                    ? '#8c8c8c'
                    : undefined;
          return (
            <div
              className="ant-picker-cell-inner"
              title={day?.name ?? (day ? t(`calendar.kinds.${day.kind}`) : '')}
              style={{
                color,
                fontWeight:
                  day && day.kind !== 'workday' && day.kind !== 'weekend' ? 600 : undefined,
              }}
            >
              {date.date()}
              {day && !day.isWorkingDay ? <sup>{t('calendar.offMark')}</sup> : null}
              {day?.kind === 'make-up-workday' ? <sup>{t('calendar.workMark')}</sup> : null}
            </div>
          );
        }}
      />
    </>
  );
}

interface OverrideForm {
  day: Dayjs;
  campusId: string;
  isWorkingDay: boolean;
  note?: string;
}

function Overrides() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const campusName = useCampusName();
  const [form] = Form.useForm<OverrideForm>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const overrides = useQuery({
    queryKey: ['calendar', 'overrides'],
    queryFn: () => data(api.GET('/api/calendar/overrides', { params: { query: {} } })),
  });

  const create = useMutation({
    mutationFn: (values: OverrideForm) =>
      data(
        api.POST('/api/calendar/overrides', {
          body: {
            day: values.day.format('YYYY-MM-DD'),
            campusId: values.campusId || null,
            isWorkingDay: values.isWorkingDay,
            note: values.note ?? '',
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('common.saved'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });

  const remove = useMutation({
    mutationFn: (id: string) =>
      api.DELETE('/api/calendar/overrides/{id}', { params: { path: { id } } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });

  const rows = overrides.data ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('calendar.addOverride')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ campusId: allCampuses, isWorkingDay: false }}
            onFinish={(values) => {
              setUnshown([]);
              create.mutate(values);
            }}
          >
            <Form.Item
              name="day"
              label={t('calendar.day')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="override-day" />
            </Form.Item>
            <Form.Item name="campusId" label={t('org.campus')}>
              <CampusSelect testId="override-campus" />
            </Form.Item>
            <Form.Item name="isWorkingDay" label={t('calendar.dayIs')}>
              <Radio.Group
                options={[
                  { value: false, label: t('calendar.closed') },
                  { value: true, label: t('calendar.open') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('calendar.note')}>
              <Input maxLength={200} data-testid="override-note" />
            </Form.Item>
            {create.isError ? (
              <div style={{ marginBottom: 12 }}>
                <ErrorAlert error={create.error} issues={unshown} />
              </div>
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending}
              data-testid="override-save"
            >
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card
          size="small"
          title={t('calendar.overrides')}
          extra={
            <ExportButton<Override>
              fileName={t('calendar.overrides')}
              rows={rows}
              columns={[
                { title: t('calendar.day'), value: (row) => row.day, width: 12 },
                { title: t('org.campus'), value: (row) => campusName(row.campusId) },
                {
                  title: t('calendar.dayIs'),
                  value: (row) => (row.isWorkingDay ? t('calendar.open') : t('calendar.closed')),
                },
                { title: t('calendar.note'), value: (row) => row.note, width: 30 },
                {
                  title: t('common.createdAt'),
                  value: (row) => formatDateTime(row.createdAt, i18n.language),
                },
              ]}
            />
          }
        >
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          <Table<Override>
            rowKey="id"
            size="small"
            loading={overrides.isFetching}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            data-testid="override-table"
            columns={[
              {
                key: 'day',
                title: t('calendar.day'),
                render: (_v, row) => formatDate(row.day, i18n.language),
              },
              {
                key: 'campus',
                title: t('org.campus'),
                render: (_v, row) => campusName(row.campusId),
              },
              {
                key: 'kind',
                title: t('calendar.dayIs'),
                render: (_v, row) =>
                  row.isWorkingDay ? (
                    <Tag color="orange">{t('calendar.open')}</Tag>
                  ) : (
                    <Tag color="purple">{t('calendar.closed')}</Tag>
                  ),
              },
              { key: 'note', title: t('calendar.note'), dataIndex: 'note' },
              {
                key: 'actions',
                title: '',
                render: (_v, row) => (
                  <Popconfirm
                    title={t('calendar.confirmRemove')}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate(row.id)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                    />
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

interface YearForm {
  year: number;
  holidays: string;
  workdays?: string;
  note?: string;
}

/** "2027-01-01 元旦" per line → holidays; "2027-02-07" per line → make-up working days. */
function parseYear(values: YearForm): YearBody {
  const lines = (text: string | undefined) =>
    (text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  return {
    holidays: lines(values.holidays).map((line) => {
      const [date = '', ...name] = line.split(/\s+/);
      return { date, name: name.join(' ') };
    }),
    workdays: lines(values.workdays),
    ...(values.note ? { note: values.note } : {}),
  };
}

function Years() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<YearForm>();
  const [unshown, setUnshown] = useState<FieldIssue[]>([]);
  const years = useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => data(api.GET('/api/calendar/years')),
  });

  const load = useMutation({
    mutationFn: (values: YearForm) =>
      data(
        api.PUT('/api/calendar/years/{year}', {
          params: { path: { year: values.year } },
          body: parseYear(values),
        }),
      ),
    onSuccess: (year) => {
      void message.success(t('calendar.yearLoaded', { year: year.year }));
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (error) => setUnshown(markIssues(form, error)),
  });

  const rows = years.data ?? [];
  const columns = [
    { title: t('calendar.year'), value: (row: KnownYear) => row.year },
    { title: t('calendar.source'), value: (row: KnownYear) => t(`calendar.sources.${row.source}`) },
    {
      title: t('calendar.loadedAt'),
      value: (row: KnownYear) => formatDateTime(row.loadedAt, i18n.language),
    },
    { title: t('calendar.note'), value: (row: KnownYear) => row.note },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('calendar.knownYears')}
          extra={<ExportButton fileName={t('calendar.knownYears')} rows={rows} columns={columns} />}
        >
          <Table<KnownYear>
            rowKey="year"
            size="small"
            pagination={false}
            loading={years.isFetching}
            dataSource={rows}
            data-testid="year-table"
            columns={columns.map((column) => ({
              key: column.title,
              title: column.title,
              render: (_v: unknown, row: KnownYear) => column.value(row),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('calendar.loadYear')}>
          <Typography.Paragraph type="secondary">{t('calendar.loadYearHint')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ year: new Date().getFullYear() + 1 }}
            onFinish={(values) => {
              setUnshown([]);
              load.mutate(values);
            }}
          >
            <Form.Item name="year" label={t('calendar.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} data-testid="year-number" />
            </Form.Item>
            <Form.Item
              name="holidays"
              label={t('calendar.holidays')}
              extra={t('calendar.holidaysHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.TextArea
                rows={8}
                placeholder={'2027-01-01 元旦\n2027-02-05 春节'}
                data-testid="year-holidays"
              />
            </Form.Item>
            <Form.Item
              name="workdays"
              label={t('calendar.workdays')}
              extra={t('calendar.workdaysHint')}
            >
              <Input.TextArea rows={3} placeholder="2027-02-14" data-testid="year-workdays" />
            </Form.Item>
            <Form.Item name="note" label={t('calendar.note')}>
              <Input maxLength={200} />
            </Form.Item>
            {load.isError ? (
              <div style={{ marginBottom: 12 }}>
                <ErrorAlert error={load.error} issues={unshown} />
              </div>
            ) : null}
            <Popconfirm
              title={t('calendar.confirmLoad')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => form.submit()}
            >
              <Button type="primary" loading={load.isPending} data-testid="year-load">
                {t('calendar.loadYear')}
              </Button>
            </Popconfirm>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}

/** The working-day calendar: the official arrangement and the center's overrides (R-CASE-3). */
export function CalendarPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t('nav.calendar')}</Typography.Title>
      <Tabs
        items={[
          { key: 'month', label: t('calendar.month'), children: <MonthView /> },
          { key: 'overrides', label: t('calendar.overrides'), children: <Overrides /> },
          { key: 'years', label: t('calendar.years'), children: <Years /> },
        ]}
      />
    </>
  );
}
