import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Space,
  Table,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ExportButton } from '../../../shared/ExportButton';
import type { ExportColumn } from '../../../shared/excel';
import { useImportItems } from '../api';

interface Problem {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

function isProblem(value: unknown): value is Problem {
  const row = value as Partial<Problem> | null;
  return Boolean(row && typeof row.sheet === 'string' && typeof row.row === 'number');
}

/** The workbook's problems, cell by cell, as the server found them; nothing was imported. */
function problemsOf(error: unknown): Problem[] {
  if (!isApiError(error)) {
    return [];
  }
  const listed = error.body.details?.problems;
  if (Array.isArray(listed)) {
    return listed.filter(isProblem);
  }
  return error.issues.map((issue) => {
    const [sheet = '', row = '0', ...column] = issue.path.split('.');
    return { sheet, row: Number(row), column: column.join('.'), reason: issue.message };
  });
}

/** Many items at once from the Excel template, as drafts, all or nothing. */
export function ItemImportPage() {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const importItems = useImportItems();
  const problems = problemsOf(importItems.error);
  const file = files[0]?.originFileObj;

  const columns: ExportColumn<Problem>[] = [
    { title: t('admin.import.sheet'), value: (row) => row.sheet, width: 14 },
    { title: t('admin.import.row'), value: (row) => row.row, width: 8 },
    { title: t('admin.import.column'), value: (row) => row.column, width: 20 },
    { title: t('admin.import.reason'), value: (row) => row.reason, width: 60 },
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/center/items">{t('admin.title')}</Link> },
          { title: t('admin.importItems') },
        ]}
      />
      <Typography.Title level={2}>{t('admin.import.title')}</Typography.Title>
      <Card>
        <Typography.Paragraph>{t('admin.import.intro')}</Typography.Paragraph>
        <Space wrap align="start">
          <Button
            icon={<DownloadOutlined />}
            href="/api/items/import/template.xlsx"
            data-testid="import-template"
          >
            {t('admin.import.template')}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={(info) => {
              importItems.reset();
              setFiles(info.fileList);
            }}
            data-testid="import-file"
          >
            <Button icon={<UploadOutlined />}>{t('admin.import.choose')}</Button>
          </Upload>
          <Button
            type="primary"
            disabled={!file}
            loading={importItems.isPending}
            onClick={() => file && importItems.mutate(file)}
            data-testid="import-submit"
          >
            {t('admin.import.submit')}
          </Button>
        </Space>
      </Card>

      {importItems.data ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="import-created"
          title={t('admin.import.created', { count: importItems.data.created })}
          description={
            <Space wrap>
              {importItems.data.items.map((item) => (
                <Link key={item.id} to={`/center/items/${item.id}/edit`}>
                  {item.code}
                </Link>
              ))}
            </Space>
          }
        />
      ) : null}

      {importItems.isError && problems.length === 0 ? (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={importItems.error} />
        </div>
      ) : null}

      {problems.length > 0 ? (
        <Card
          style={{ marginTop: 16 }}
          title={
            <Typography.Text type="danger">
              {t('admin.import.problems', { count: problems.length })}
            </Typography.Text>
          }
          extra={
            <ExportButton fileName={t('admin.import.title')} columns={columns} rows={problems} />
          }
        >
          <Table<Problem>
            rowKey={(row) => `${row.sheet}-${row.row}-${row.column}`}
            size="small"
            dataSource={problems}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="import-report"
            columns={columns.map((column) => ({
              key: column.title,
              title: column.title,
              render: (_v: unknown, row: Problem) => String(column.value(row) ?? ''),
            }))}
          />
        </Card>
      ) : null}
    </>
  );
}
