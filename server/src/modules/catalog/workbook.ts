import type ExcelJS from 'exceljs';

// ExcelJS is large; the server loads it on the first import or template, not at start.
const loadExcel = async () => (await import('exceljs')).default;
import { applicantTypes, materialFormats } from './content.js';
import { channels, handlingModes } from './schema.js';

/** One cell that cannot be taken, as a clerk finds it in Excel. */
export interface WorkbookProblem {
  sheet: string;
  /** The Excel row number; 1 is the header row. */
  row: number;
  column: string;
  reason: string;
}

interface ColumnSpec {
  key: string;
  isRequired?: boolean;
  /** What a clerk reads in the header's note and in the guide sheet. */
  help: string;
  example: string;
}

const limitKinds = [
  'on-the-spot',
  'working-days',
  'working-hours',
  'calendar-days',
  'working-days-range',
  'none',
] as const;
const feeKinds = ['flat', 'per-copy', 'tier'] as const;

const lines = '每行一条（单元格内按 Alt+Enter 换行）';
const listed = '多个值用分号 ; 分隔';
const yesNo = '是/否（yes/no），空白为否';

/** The workbook layout; docs/catalogue-import.md describes the same columns. */
export const workbookLayout = {
  items: [
    { key: 'code', isRequired: true, help: '事项编码，唯一：字母、数字、. _ -', example: 'XS-001' },
    { key: 'unit_code', isRequired: true, help: '实施单位编码', example: 'XSC' },
    { key: 'name_zh', isRequired: true, help: '事项名称（中文）', example: '学生证补办' },
    { key: 'name_en', help: '事项名称（英文）', example: 'Student ID card reissue' },
    { key: 'summary_zh', help: '事项简介（中文）', example: '学生证遗失或损坏后补办。' },
    { key: 'summary_en', help: '事项简介（英文）', example: 'Reissue of a lost or damaged card.' },
    {
      key: 'channel',
      isRequired: true,
      help: `办理渠道：${channels.join(' / ')}`,
      example: 'both',
    },
    {
      key: 'default_mode',
      isRequired: true,
      help: `办件类型：${handlingModes.join(' / ')}`,
      example: 'promised',
    },
    { key: 'foreign_facing', help: `涉外事项：${yesNo}`, example: '否' },
    {
      key: 'applicant_types',
      isRequired: true,
      help: `服务对象：${applicantTypes.join(' / ')}；${listed}`,
      example: 'student',
    },
    {
      key: 'campuses',
      help: `校区编码：wushan / university-town / gz-international；${listed}`,
      example: 'wushan',
    },
    { key: 'windows', help: `办理窗口，写作 校区编码:窗口号；${listed}`, example: 'wushan:1' },
    { key: 'participant_units', help: `联办单位编码；${listed}`, example: '' },
    {
      key: 'basis_zh',
      isRequired: true,
      help: `设定依据（中文），${lines}`,
      example: '《学生证管理办法》第五条',
    },
    {
      key: 'basis_en',
      help: '设定依据（英文），行数与中文一致',
      example: 'Student ID Card Rules, Art. 5',
    },
    { key: 'eligibility_zh', isRequired: true, help: '申请条件（中文）', example: '在籍学生' },
    { key: 'eligibility_en', help: '申请条件（英文）', example: 'Enrolled students' },
    {
      key: 'limit_kind',
      isRequired: true,
      help: `承诺时限类型：${limitKinds.join(' / ')}`,
      example: 'working-days',
    },
    {
      key: 'limit_value',
      help: '时限数值：天数或小时数；working-days-range 写作 3-5',
      example: '5',
    },
    { key: 'limit_in_principle', help: `"原则上"时限（仅 working-days）：${yesNo}`, example: '否' },
    { key: 'limit_note_zh', help: '无时限时的说明（中文），如"审批通过后"', example: '' },
    { key: 'limit_note_en', help: '无时限时的说明（英文）', example: '' },
    {
      key: 'intake_weekdays',
      help: `仅在某几天受理：1=周一 … 7=周日；${listed}；空白为每个工作日`,
      example: '',
    },
    { key: 'intake_months', help: `仅在某几个月受理：1-12；${listed}；空白为全年`, example: '' },
    { key: 'intake_lead_days', help: '须在活动前至少 N 个工作日提出', example: '' },
    { key: 'intake_note_zh', help: '受理时间说明（中文）', example: '' },
    { key: 'intake_note_en', help: '受理时间说明（英文）', example: '' },
    { key: 'agent_allowed', help: `可否委托代办：${yesNo}`, example: '是' },
    {
      key: 'agent_authorisation_zh',
      help: '代办所需授权（中文）',
      example: '委托书及受托人身份证',
    },
    {
      key: 'agent_authorisation_en',
      help: '代办所需授权（英文）',
      example: "Letter of authorisation and the agent's ID",
    },
    { key: 'rules_zh', help: `办理规则（中文），${lines}`, example: '每学年限补办一次' },
    {
      key: 'rules_en',
      help: '办理规则（英文），行数与中文一致',
      example: 'May be reissued once a school year',
    },
    { key: 'reissue_limit', help: '补发次数上限（整数）', example: '1' },
    { key: 'contact_phone', help: '咨询电话', example: '020-87110000' },
    { key: 'contact_place_zh', help: '咨询地点（中文）', example: '五山校区师生服务中心' },
    { key: 'contact_place_en', help: '咨询地点（英文）', example: 'Service Center, Wushan' },
  ],
  steps: [
    { key: 'item_code', isRequired: true, help: '所属事项编码；按行的先后排序', example: 'XS-001' },
    { key: 'title_zh', isRequired: true, help: '步骤（中文）', example: '提交申请' },
    { key: 'title_en', help: '步骤（英文）', example: 'Apply' },
    { key: 'detail_zh', help: '说明（中文）', example: '线上或窗口提交' },
    { key: 'detail_en', help: '说明（英文）', example: 'Online or at the window' },
  ],
  materials: [
    { key: 'item_code', isRequired: true, help: '所属事项编码；按行的先后排序', example: 'XS-001' },
    { key: 'key', help: '材料标识：小写字母、数字、-；空白则自动编号', example: 'photo' },
    { key: 'name_zh', isRequired: true, help: '材料名称（中文）', example: '近期免冠照片' },
    { key: 'name_en', help: '材料名称（英文）', example: 'Recent photo' },
    {
      key: 'format',
      help: `形式：${materialFormats.join(' / ')}；空白为 either`,
      example: 'paper',
    },
    { key: 'originals', help: '原件份数，空白为 1', example: '1' },
    { key: 'copies', help: '复印件份数，空白为 0', example: '0' },
    { key: 'alternative_group', help: '同组材料任选其一：填相同的组名', example: '' },
    { key: 'condition_zh', help: '仅适用于…的申请人（中文）', example: '' },
    { key: 'condition_en', help: '适用条件（英文）', example: '' },
    { key: 'photo_spec_zh', help: '照片规格（中文）', example: '一寸白底彩色' },
    { key: 'photo_spec_en', help: '照片规格（英文）', example: '1-inch colour, white background' },
    { key: 'note_zh', help: '备注（中文）', example: '' },
    { key: 'note_en', help: '备注（英文）', example: '' },
    { key: 'upload_required', help: `线上办理须上传：${yesNo}`, example: '是' },
  ],
  fees: [
    {
      key: 'item_code',
      isRequired: true,
      help: '所属事项编码；没有收费行的事项为免费',
      example: 'XS-001',
    },
    { key: 'part', help: '收费组成部分序号，空白为 1；多个部分相加即组合收费', example: '1' },
    {
      key: 'kind',
      isRequired: true,
      help: `收费方式：${feeKinds.join(' / ')}（tier 为分档，同一部分至少两行）`,
      example: 'flat',
    },
    { key: 'amount_yuan', isRequired: true, help: '金额（元，最多两位小数）', example: '20' },
    {
      key: 'label_zh',
      help: 'flat：名目；per-copy：计费单位如"份"；tier：档位说明',
      example: '工本费',
    },
    { key: 'label_en', help: '名目（英文）', example: 'Card fee' },
  ],
} satisfies Record<string, ColumnSpec[]>;

export type SheetName = keyof typeof workbookLayout;
export const sheetNames = Object.keys(workbookLayout) as SheetName[];
const optionalSheets = new Set<SheetName>(['materials', 'fees']);

/** One data row of a sheet, its cells as trimmed text by column key. */
export interface SheetRow {
  sheet: SheetName;
  row: number;
  cells: Record<string, string>;
}

export type ParsedWorkbook = Record<SheetName, SheetRow[]>;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    }
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || typeof result === 'object' ? '' : cellText(result);
    }
    if ('text' in value) {
      return value.text.trim();
    }
    return '';
  }
  return String(value).trim();
}

/**
 * Reads the sheets of an import workbook into rows of text. Layout problems (a missing sheet,
 * a missing or unknown column) are reported here; the values are judged later.
 */
export async function readWorkbook(
  bytes: Buffer,
): Promise<{ rows: ParsedWorkbook; problems: WorkbookProblem[] }> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return {
      rows: { items: [], steps: [], materials: [], fees: [] },
      problems: [{ sheet: '', row: 0, column: '', reason: 'the file is not an .xlsx workbook' }],
    };
  }

  const problems: WorkbookProblem[] = [];
  const rows: ParsedWorkbook = { items: [], steps: [], materials: [], fees: [] };
  for (const name of sheetNames) {
    const worksheet = workbook.getWorksheet(name);
    if (!worksheet) {
      if (!optionalSheets.has(name)) {
        problems.push({
          sheet: name,
          row: 0,
          column: '',
          reason: `the sheet "${name}" is missing`,
        });
      }
      continue;
    }

    const specs: ColumnSpec[] = workbookLayout[name];
    const known = new Set(specs.map((spec) => spec.key));
    const columnKeys = new Map<number, string>();
    worksheet.getRow(1).eachCell((cell, column) => {
      const key = cellText(cell.value).toLowerCase();
      if (key === '') {
        return;
      }
      if (!known.has(key)) {
        problems.push({ sheet: name, row: 1, column: key, reason: 'unknown column' });
        return;
      }
      columnKeys.set(column, key);
    });
    const present = new Set(columnKeys.values());
    for (const spec of specs) {
      if (spec.isRequired && !present.has(spec.key)) {
        problems.push({ sheet: name, row: 1, column: spec.key, reason: 'required column missing' });
      }
    }

    worksheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) {
        return;
      }
      const cells: Record<string, string> = {};
      for (const [column, key] of columnKeys) {
        cells[key] = cellText(row.getCell(column).value);
      }
      if (Object.values(cells).some((value) => value !== '')) {
        rows[name].push({ sheet: name, row: rowNumber, cells });
      }
    });
  }
  return { rows, problems };
}

/** An empty import workbook: the headers, a note on each, one example row and a guide sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'OneStop';
  for (const name of sheetNames) {
    const specs: ColumnSpec[] = workbookLayout[name];
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = specs.map((spec) => ({ header: spec.key, key: spec.key, width: 22 }));
    specs.forEach((spec, index) => {
      const cell = worksheet.getRow(1).getCell(index + 1);
      cell.note = `${spec.isRequired ? '【必填】' : ''}${spec.help}`;
      cell.font = { bold: true, color: { argb: spec.isRequired ? 'FFC00000' : 'FF000000' } };
    });
    worksheet.addRow(Object.fromEntries(specs.map((spec) => [spec.key, spec.example])));
  }

  const guide = workbook.addWorksheet('guide');
  guide.columns = [
    { header: 'sheet', key: 'sheet', width: 12 },
    { header: 'column', key: 'column', width: 24 },
    { header: 'required', key: 'required', width: 10 },
    { header: 'meaning', key: 'meaning', width: 80 },
  ];
  for (const name of sheetNames) {
    for (const spec of workbookLayout[name] as ColumnSpec[]) {
      guide.addRow({
        sheet: name,
        column: spec.key,
        required: spec.isRequired ? '必填' : '',
        meaning: spec.help,
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
