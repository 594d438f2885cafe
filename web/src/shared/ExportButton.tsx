import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportToExcel, type ExportColumn } from './excel';

interface ExportButtonProps<Row> {
  fileName: string;
  columns: ExportColumn<Row>[];
  /** The rows to write, or a loader for every row when the table shows one page. */
  rows: Row[] | (() => Promise<Row[]>);
  isDisabled?: boolean;
}

/** "Export to Excel" for the rows a table shows. */
export function ExportButton<Row>({ fileName, columns, rows, isDisabled }: ExportButtonProps<Row>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);

  const onClick = async () => {
    setBusy(true);
    try {
      await exportToExcel(fileName, columns, typeof rows === 'function' ? await rows() : rows);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<DownloadOutlined />}
      loading={isBusy}
      disabled={isDisabled ?? (Array.isArray(rows) && rows.length === 0)}
      onClick={() => void onClick()}
      data-testid="export-excel"
    >
      {t('common.exportExcel')}
    </Button>
  );
}
