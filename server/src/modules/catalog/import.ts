import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { campuses, halls, units, windows } from '../org/schema.js';
import type { ItemContentInput, LocalText } from './content.js';
import { insertDraftItem, itemInput, type ItemInput } from './service.js';
import { items } from './schema.js';
import { readWorkbook, type SheetRow, type WorkbookProblem } from './workbook.js';

type Json = Record<string, unknown>;

/** The rows an item was built from, so a problem found in the item points back at a cell. */
interface Candidate {
  itemRow: SheetRow;
  stepRows: SheetRow[];
  materialRows: SheetRow[];
  feeRows: SheetRow[];
  /** Fee rows of each part, in the order the composite fee lists them. */
  feeParts: SheetRow[][];
  raw: Json;
  content: Json;
}

class RowReader {
  constructor(
    private readonly source: SheetRow,
    private readonly problems: WorkbookProblem[],
  ) {}

  fail(column: string, reason: string): undefined {
    this.problems.push({ sheet: this.source.sheet, row: this.source.row, column, reason });
    return undefined;
  }

  text(column: string): string | undefined {
    const value = this.source.cells[column] ?? '';
    return value === '' ? undefined : value;
  }

  local(prefix: string): LocalText | undefined {
    const zh = this.text(`${prefix}_zh`);
    const en = this.text(`${prefix}_en`);
    if (zh === undefined) {
      return en === undefined
        ? undefined
        : this.fail(`${prefix}_zh`, 'the Chinese text is missing');
    }
    return en === undefined ? { zh } : { zh, en };
  }

  /** One entry per line, the English lines matching the Chinese ones. */
  localLines(prefix: string): LocalText[] {
    const split = (value: string | undefined) =>
      (value ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const zh = split(this.text(`${prefix}_zh`));
    const en = split(this.text(`${prefix}_en`));
    if (en.length > 0 && en.length !== zh.length) {
      this.fail(`${prefix}_en`, `${en.length} English lines for ${zh.length} Chinese lines`);
      return zh.map((line) => ({ zh: line }));
    }
    return zh.map((line, index) => {
      const english = en[index];
      return english === undefined ? { zh: line } : { zh: line, en: english };
    });
  }

  list(column: string): string[] {
    return (this.text(column) ?? '')
      .split(/[;；,，、\n]/)
      .map((value) => value.trim())
      .filter((value) => value !== '');
  }

  choice<T extends string>(column: string, allowed: readonly T[]): T | undefined {
    const value = this.text(column);
    if (value === undefined) {
      return undefined;
    }
    const found = allowed.find((option) => option === value.toLowerCase());
    return found ?? this.fail(column, `"${value}" is not one of ${allowed.join(', ')}`);
  }

  flag(column: string): boolean | undefined {
    const value = this.text(column)?.toLowerCase();
    if (value === undefined) {
      return undefined;
    }
    if (['yes', 'y', 'true', '1', '是'].includes(value)) {
      return true;
    }
    if (['no', 'n', 'false', '0', '否'].includes(value)) {
      return false;
    }
    return this.fail(column, `"${value}" is neither yes (是) nor no (否)`);
  }

  integer(column: string): number | undefined {
    const value = this.text(column);
    if (value === undefined) {
      return undefined;
    }
    return /^\d+$/.test(value)
      ? Number(value)
      : this.fail(column, `"${value}" is not a whole number`);
  }

  integers(column: string): number[] {
    const values: number[] = [];
    for (const value of this.list(column)) {
      if (!/^\d+$/.test(value)) {
        this.fail(column, `"${value}" is not a whole number`);
      } else {
        values.push(Number(value));
      }
    }
    return values;
  }

  /** Yuan as written, to fen: 12.5 → 1250. */
  fen(column: string): number | undefined {
    const value = this.text(column);
    if (value === undefined) {
      return undefined;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(value)) {
      return this.fail(column, `"${value}" is not an amount in yuan with at most two decimals`);
    }
    return Math.round(Number(value) * 100);
  }
}

const limitKinds = [
  'on-the-spot',
  'working-days',
  'working-hours',
  'calendar-days',
  'working-days-range',
  'none',
] as const;

function readLimit(reader: RowReader): Json | undefined {
  const kind = reader.choice('limit_kind', limitKinds);
  const value = reader.text('limit_value');
  const number = () =>
    value !== undefined && /^\d+$/.test(value)
      ? Number(value)
      : reader.fail('limit_value', `a whole number is needed for ${kind}`);
  switch (kind) {
    case undefined:
      return undefined;
    case 'on-the-spot':
      return { kind };
    case 'working-days':
      return { kind, days: number(), isInPrinciple: reader.flag('limit_in_principle') ?? false };
    case 'working-hours':
      return { kind, hours: number() };
    case 'calendar-days':
      return { kind, days: number() };
    case 'working-days-range': {
      const match = /^(\d+)\s*[-–~～至]\s*(\d+)$/.exec(value ?? '');
      if (!match) {
        return reader.fail('limit_value', 'a range is written as 3-5');
      }
      return { kind, minDays: Number(match[1]), maxDays: Number(match[2]) };
    }
    case 'none': {
      const note = reader.local('limit_note');
      return note
        ? { kind, note }
        : reader.fail('limit_note_zh', 'say when it ends, e.g. 审批通过后');
    }
  }
}

function readFeeParts(
  feeRows: SheetRow[],
  problems: WorkbookProblem[],
): { fee: Json; parts: SheetRow[][] } {
  const byPart = new Map<number, SheetRow[]>();
  for (const row of feeRows) {
    const part = new RowReader(row, problems).integer('part') ?? 1;
    byPart.set(part, [...(byPart.get(part) ?? []), row]);
  }
  const parts = [...byPart.entries()].sort(([a], [b]) => a - b).map(([, rows]) => rows);

  const simpleFees = parts.map((rows): Json => {
    const readers = rows.map((row) => new RowReader(row, problems));
    const kinds = readers.map((reader) => reader.choice('kind', ['flat', 'per-copy', 'tier']));
    const first = readers[0];
    if (!first || kinds.includes(undefined)) {
      return {};
    }
    if (kinds.every((kind) => kind === 'tier')) {
      if (rows.length === 1) {
        first.fail('kind', 'a tiered fee needs at least two tier rows in the same part');
      }
      return {
        kind: 'tiered',
        tiers: readers.map((reader) => ({
          label: reader.local('label'),
          amountFen: reader.fen('amount_yuan'),
        })),
      };
    }
    if (rows.length > 1) {
      readers
        .slice(1)
        .forEach((reader) =>
          reader.fail(
            'part',
            'only tier rows share a part; give each flat or per-copy fee its own part',
          ),
        );
      return {};
    }
    if (kinds[0] === 'per-copy') {
      return { kind: 'per-copy', amountFen: first.fen('amount_yuan'), unit: first.local('label') };
    }
    const label = first.local('label');
    return { kind: 'flat', amountFen: first.fen('amount_yuan'), ...(label ? { label } : {}) };
  });

  if (simpleFees.length === 0) {
    return { fee: { kind: 'free' }, parts };
  }
  if (simpleFees.length === 1) {
    return { fee: simpleFees[0] ?? {}, parts };
  }
  return { fee: { kind: 'composite', parts: simpleFees }, parts };
}

function readMaterial(row: SheetRow, index: number, problems: WorkbookProblem[]): Json {
  const reader = new RowReader(row, problems);
  const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });
  return {
    key: reader.text('key') ?? `m${index + 1}`,
    name: reader.local('name'),
    ...optional('format', reader.choice('format', ['paper', 'electronic', 'either'])),
    ...optional('originals', reader.integer('originals')),
    ...optional('copies', reader.integer('copies')),
    ...optional('alternativeGroup', reader.text('alternative_group')),
    ...optional('condition', reader.local('condition')),
    ...optional('photoSpec', reader.local('photo_spec')),
    ...optional('note', reader.local('note')),
    ...optional('isUploadRequired', reader.flag('upload_required')),
  };
}

function buildCandidate(
  itemRow: SheetRow,
  children: { steps: SheetRow[]; materials: SheetRow[]; fees: SheetRow[] },
  problems: WorkbookProblem[],
): Candidate {
  const reader = new RowReader(itemRow, problems);
  const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });

  const steps = children.steps.map((row) => {
    const step = new RowReader(row, problems);
    return { title: step.local('title'), ...optional('detail', step.local('detail')) };
  });
  const materials = children.materials.map((row, index) => readMaterial(row, index, problems));
  const { fee, parts } = readFeeParts(children.fees, problems);

  const authorisation = reader.local('agent_authorisation');
  const contactPlace = reader.local('contact_place');
  const content: Json = {
    name: reader.local('name'),
    ...optional('summary', reader.local('summary')),
    basis: reader.localLines('basis'),
    eligibility: reader.local('eligibility'),
    applicantTypes: reader.list('applicant_types').map((value) => value.toLowerCase()),
    steps,
    materials,
    limit: readLimit(reader),
    fee,
    intake: {
      weekdays: reader.integers('intake_weekdays'),
      months: reader.integers('intake_months'),
      ...optional('leadWorkingDays', reader.integer('intake_lead_days')),
      ...optional('note', reader.local('intake_note')),
    },
    agent: {
      isAllowed: reader.flag('agent_allowed') ?? false,
      ...optional('authorisation', authorisation),
    },
    rules: reader.localLines('rules'),
    ...optional('reissueLimit', reader.integer('reissue_limit')),
    contact: {
      ...optional('phone', reader.text('contact_phone')),
      ...optional('place', contactPlace),
    },
  };
  const raw: Json = {
    code: reader.text('code'),
    channel: reader.choice('channel', ['online', 'hall', 'both']),
    defaultMode: reader.choice('default_mode', [
      'immediate',
      'promised',
      'joint',
      'escalated',
      'supplement',
      'reply',
    ]),
    isForeignFacing: reader.flag('foreign_facing') ?? false,
  };
  return {
    itemRow,
    stepRows: children.steps,
    materialRows: children.materials,
    feeRows: children.fees,
    feeParts: parts,
    raw,
    content,
  };
}

const itemColumnByField: Record<string, string> = {
  code: 'code',
  unitId: 'unit_code',
  channel: 'channel',
  defaultMode: 'default_mode',
  isForeignFacing: 'foreign_facing',
  campusIds: 'campuses',
  windowIds: 'windows',
  participantUnitIds: 'participant_units',
  applicantTypes: 'applicant_types',
  reissueLimit: 'reissue_limit',
};
const limitColumnByField: Record<string, string> = {
  kind: 'limit_kind',
  days: 'limit_value',
  hours: 'limit_value',
  minDays: 'limit_value',
  maxDays: 'limit_value',
  isInPrinciple: 'limit_in_principle',
};
const intakeColumnByField: Record<string, string> = {
  weekdays: 'intake_weekdays',
  months: 'intake_months',
  leadWorkingDays: 'intake_lead_days',
};

const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A local text's column: name.zh → name_zh; a text without its Chinese points at _zh. */
function localColumn(prefix: string, rest: PropertyKey[]): string {
  const language = rest.find((part) => part === 'zh' || part === 'en');
  return `${prefix}_${typeof language === 'string' ? language : 'zh'}`;
}

/** Points a problem with an item's field at the sheet, row and column it was read from. */
function locate(candidate: Candidate, path: PropertyKey[]): Omit<WorkbookProblem, 'reason'> {
  const at = (row: SheetRow | undefined, column: string) => ({
    sheet: row?.sheet ?? candidate.itemRow.sheet,
    row: row?.row ?? candidate.itemRow.row,
    column,
  });
  const [first, second, third, ...rest] = path;
  if (first !== 'content') {
    return at(candidate.itemRow, itemColumnByField[String(first)] ?? String(first));
  }
  const field = String(second);
  const tail = path.slice(2);
  switch (field) {
    case 'steps':
      return typeof third === 'number'
        ? at(candidate.stepRows[third], localColumn(String(rest[0] ?? 'title'), rest))
        : { sheet: 'steps', row: candidate.itemRow.row, column: 'item_code' };
    case 'materials': {
      const row = typeof third === 'number' ? candidate.materialRows[third] : undefined;
      const key = String(rest[0] ?? 'name');
      const isLocal = ['name', 'condition', 'photoSpec', 'note'].includes(key);
      const columns: Record<string, string> = { isUploadRequired: 'upload_required' };
      return at(row, isLocal ? localColumn(snake(key), rest) : (columns[key] ?? snake(key)));
    }
    case 'fee': {
      // fee.parts.N.tiers.M.amountFen, fee.tiers.M.label.zh, fee.amountFen …
      const partIndex = third === 'parts' && typeof rest[0] === 'number' ? rest[0] : 0;
      const partRows = candidate.feeParts[partIndex] ?? candidate.feeRows;
      const tierAt = path.indexOf('tiers');
      const tierIndex = tierAt >= 0 ? path[tierAt + 1] : undefined;
      const row = typeof tierIndex === 'number' ? partRows[tierIndex] : partRows[0];
      const last = path.filter((part) => typeof part === 'string').slice(2);
      const column = last.includes('amountFen')
        ? 'amount_yuan'
        : last.includes('label') || last.includes('unit')
          ? localColumn('label', last)
          : 'kind';
      return at(row, column);
    }
    case 'limit':
      return third === 'note'
        ? at(candidate.itemRow, localColumn('limit_note', tail))
        : at(candidate.itemRow, limitColumnByField[String(third)] ?? 'limit_kind');
    case 'intake':
      return third === 'note'
        ? at(candidate.itemRow, localColumn('intake_note', tail))
        : at(candidate.itemRow, intakeColumnByField[String(third)] ?? 'intake_weekdays');
    case 'agent':
      return at(
        candidate.itemRow,
        third === 'authorisation' ? localColumn('agent_authorisation', tail) : 'agent_allowed',
      );
    case 'contact':
      return at(
        candidate.itemRow,
        third === 'place' ? localColumn('contact_place', tail) : 'contact_phone',
      );
    case 'name':
    case 'summary':
    case 'eligibility':
    case 'basis':
    case 'rules':
      return at(candidate.itemRow, localColumn(field, tail));
    default:
      return at(candidate.itemRow, itemColumnByField[field] ?? snake(field));
  }
}

interface References {
  unitIdByCode: Map<string, string>;
  windowIdByRef: Map<string, string[]>;
  campusIds: Set<string>;
  takenCodes: Set<string>;
}

async function loadReferences(db: DbOrTx, codes: string[]): Promise<References> {
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units);
  const windowRows = await db
    .select({ id: windows.id, number: windows.number, campusId: halls.campusId })
    .from(windows)
    .innerJoin(halls, eq(halls.id, windows.hallId));
  const windowIdByRef = new Map<string, string[]>();
  for (const window of windowRows) {
    const ref = `${window.campusId}:${window.number}`;
    windowIdByRef.set(ref, [...(windowIdByRef.get(ref) ?? []), window.id]);
  }
  const taken =
    codes.length === 0
      ? []
      : await db.select({ code: items.code }).from(items).where(inArray(items.code, codes));
  return {
    unitIdByCode: new Map(unitRows.map((unit) => [unit.code.toLowerCase(), unit.id])),
    windowIdByRef,
    campusIds: new Set((await db.select({ id: campuses.id }).from(campuses)).map((row) => row.id)),
    takenCodes: new Set(taken.map((row) => row.code)),
  };
}

/** Turns the codes a clerk wrote into ids, reporting each one that does not resolve. */
function resolveReferences(
  candidate: Candidate,
  references: References,
  problems: WorkbookProblem[],
): Json {
  const reader = new RowReader(candidate.itemRow, problems);
  const unitCode = reader.text('unit_code');
  const unitId =
    unitCode === undefined ? undefined : references.unitIdByCode.get(unitCode.toLowerCase());
  if (unitCode !== undefined && unitId === undefined) {
    reader.fail('unit_code', `no unit with the code ${unitCode}`);
  }

  const campusIds = reader.list('campuses').map((campus) => campus.toLowerCase());
  for (const campus of campusIds) {
    if (!references.campusIds.has(campus)) {
      reader.fail('campuses', `no campus ${campus}`);
    }
  }

  const windowIds: string[] = [];
  for (const ref of reader.list('windows')) {
    const normalised = ref.replace('：', ':').replace(/\s/g, '').toLowerCase();
    const found = references.windowIdByRef.get(normalised) ?? [];
    if (found.length === 1 && found[0] !== undefined) {
      windowIds.push(found[0]);
    } else {
      reader.fail(
        'windows',
        found.length === 0
          ? `no window ${ref} (write campus:number, e.g. wushan:3)`
          : `${ref} names windows in more than one hall of the campus`,
      );
    }
  }

  const participantUnitIds: string[] = [];
  for (const code of reader.list('participant_units')) {
    const id = references.unitIdByCode.get(code.toLowerCase());
    if (id === undefined) {
      reader.fail('participant_units', `no unit with the code ${code}`);
    } else if (id === unitId) {
      reader.fail(
        'participant_units',
        'the owning unit leads the item; it is not also a participant',
      );
    } else {
      participantUnitIds.push(id);
    }
  }
  return { unitId, campusIds, windowIds, participantUnitIds };
}

export interface ImportResult {
  created: number;
  items: { id: string; code: string }[];
}

/**
 * Imports a workbook of items as drafts. Every row is judged first; one bad row and nothing is
 * written, and the answer names every bad cell by sheet, row and column.
 */
export async function importItems(deps: Deps, actor: Actor, bytes: Buffer): Promise<ImportResult> {
  if (actor.role !== 'center' && actor.role !== 'center-admin') {
    throw new AppError('forbidden', 'only the center imports items');
  }
  const { rows, problems } = await readWorkbook(bytes);

  const childrenOf = (sheetRows: SheetRow[], code: string) =>
    sheetRows.filter((row) => (row.cells.item_code ?? '') === code);
  const itemCodes = rows.items.map((row) => row.cells.code ?? '');
  const seen = new Map<string, number>();
  for (const row of rows.items) {
    const code = row.cells.code ?? '';
    const earlier = seen.get(code);
    if (code !== '' && earlier !== undefined) {
      problems.push({
        sheet: 'items',
        row: row.row,
        column: 'code',
        reason: `also on row ${earlier}`,
      });
    }
    seen.set(code, row.row);
  }
  for (const sheet of ['steps', 'materials', 'fees'] as const) {
    for (const row of rows[sheet]) {
      if (!itemCodes.includes(row.cells.item_code ?? '')) {
        problems.push({
          sheet,
          row: row.row,
          column: 'item_code',
          reason: 'no item with this code on the items sheet',
        });
      }
    }
  }
  if (rows.items.length === 0 && problems.length === 0) {
    problems.push({ sheet: 'items', row: 2, column: '', reason: 'the workbook has no items' });
  }

  const references = await loadReferences(
    deps.db,
    itemCodes.filter((code) => code !== ''),
  );
  const inputs: ItemInput[] = [];
  for (const itemRow of rows.items) {
    const code = itemRow.cells.code ?? '';
    const candidate = buildCandidate(
      itemRow,
      {
        steps: childrenOf(rows.steps, code),
        materials: childrenOf(rows.materials, code),
        fees: childrenOf(rows.fees, code),
      },
      problems,
    );
    if (references.takenCodes.has(code)) {
      problems.push({
        sheet: 'items',
        row: itemRow.row,
        column: 'code',
        reason: 'an item with this code exists already',
      });
    }
    const resolved = resolveReferences(candidate, references, problems);
    const parsed = itemInput.safeParse({
      ...candidate.raw,
      ...resolved,
      content: candidate.content as ItemContentInput,
    });
    if (parsed.success) {
      inputs.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      problems.push({ ...locate(candidate, issue.path), reason: issue.message });
    }
  }

  const unique = dedupe(problems);
  if (unique.length > 0) {
    throw new AppError(
      'validation',
      `${unique.length} problem(s) in the workbook; nothing was imported`,
      {
        issues: unique.map((problem) => ({
          path: `${problem.sheet}.${problem.row}.${problem.column}`,
          message: problem.reason,
        })),
        details: { problems: unique },
      },
    );
  }

  const created = await deps.db.transaction(async (tx) => {
    const result: { id: string; code: string }[] = [];
    for (const input of inputs) {
      result.push({
        id: await insertDraftItem(tx, deps, actor, input, 'import'),
        code: input.code,
      });
    }
    return result;
  });
  return { created: created.length, items: created };
}

/** A cell that fails for one reason is reported once, however many checks noticed it. */
function dedupe(problems: WorkbookProblem[]): WorkbookProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.sheet}|${problem.row}|${problem.column}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
