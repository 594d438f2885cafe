/** One column of an Excel export: its header and the plain value of each row. */
export interface ExportColumn<Row> {
  title: string;
  value: (row: Row) => string | number | boolean | Date | null | undefined;
  width?: number;
}

/** Writes rows to an .xlsx download; the writer loads only when someone exports (R-PLT-4). */
export async function exportToExcel<Row>(
  fileName: string,
  columns: ExportColumn<Row>[],
  rows: Row[],
): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((column) => ({ value: column.title, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      return value === undefined ? null : value;
    }),
  );
  await writeXlsxFile([header, ...body], {
    columns: columns.map((column) => ({ width: column.width ?? 18 })),
  }).toFile(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
}
