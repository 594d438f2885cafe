/**
 * Builds the bench database: a fresh PostgreSQL database with the schema, the demo university,
 * and BENCH_CASES (100,000) cases filed over the last two years with their events.
 *
 *   npm run bench:data                       # postgres://postgres@127.0.0.1:5432/onestop_bench
 *   BENCH_DATABASE_URL=postgres://… BENCH_CASES=20000 npm run bench:data
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/src/config.js';
import { openPostgres, runMigrations } from '../server/src/db/client.js';
import { seedDemoIfEmpty } from '../server/src/db/seed/demo.js';
import type { ItemContent } from '../server/src/modules/catalog/content.js';
import type { Channel, HandlingMode } from '../server/src/modules/catalog/schema.js';
import type { CaseState } from '../server/src/modules/cases/machine.js';
import { sweepDeadlines } from '../server/src/modules/cases/sweep.js';
import { makeTrackingNo } from '../server/src/modules/cases/tracking-number.js';
import { hashPassword } from '../server/src/platform/auth/password.js';
import { addDays, dayOf, type WorkingCalendar } from '../server/src/platform/calendar/calendar.js';
import { loadCalendar } from '../server/src/platform/calendar/service.js';
import { createLocalFileStore } from '../server/src/platform/files/store.js';
import type { Deps } from '../server/src/platform/http/types.js';
import {
  answersFor,
  benchAccounts,
  benchDatabaseUrl,
  benchDataDir,
  maintenanceUrl,
  seededRandom,
} from './lib.js';

const caseCount = Number(process.env.BENCH_CASES ?? 100_000);
const applicantCount = Number(process.env.BENCH_APPLICANTS ?? 20_000);
const historyDays = 730;
const batchSize = 5_000;

const random = seededRandom(20261203);
const pick = (n: number) => Math.floor(random() * n);
const chance = (p: number) => random() < p;
const choose = <T>(list: readonly T[]): T => {
  const value = list[pick(list.length)];
  if (value === undefined) {
    throw new Error('choose() from an empty list');
  }
  return value;
};
const minutes = (n: number) => n * 60_000;

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenChars =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建文辉力鹏飞宇浩然子涵梓轩欣怡思远嘉琪雨晨俊杰婉婷晓燕志强海燕雪梅佳颖博文家豪';
const personName = () =>
  choose([...surnames]) + choose([...givenChars]) + (chance(0.7) ? choose([...givenChars]) : '');
const mobile = () => `1${choose(['3', '5', '7', '8', '9'])}${String(pick(1e9)).padStart(9, '0')}`;

async function recreateDatabase(url: string): Promise<void> {
  const { adminUrl, database } = maintenanceUrl(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
}

interface ItemRef {
  id: string;
  code: string;
  version: number;
  unitId: string;
  channel: Channel;
  defaultMode: HandlingMode;
  content: ItemContent;
  windowIds: string[];
  participantUnitIds: string[];
  weight: number;
}

interface WindowRef {
  id: string;
  unitId: string;
  campusId: string;
}

interface Person {
  id: string;
  name: string;
}

interface Reference {
  items: ItemRef[];
  windows: Map<string, WindowRef>;
  windowsByUnit: Map<string, string[]>;
  /** Window staff by window id, and by unit for units whose staff have no window. */
  staffByWindow: Map<string, Person[]>;
  staffByUnit: Map<string, (Person & { windowId: string | null })[]>;
  deciderByUnit: Map<string, Person>;
  applicants: Person[];
}

/** Every window of the demo halls gets two clerks, so each unit's cases have real handlers. */
async function addWindowStaff(pool: pg.Pool, passwordHash: string): Promise<void> {
  const { rows } = await pool.query<{ id: string; unit_id: string; staffed: number }>(
    `select w.id, w.unit_id,
            (select count(*)::int from users u where u.window_id = w.id) as staffed
       from windows w order by w.unit_id, w.number`,
  );
  const users: { name: string; unitId: string; windowId: string }[] = [];
  for (const window of rows) {
    for (let index = window.staffed; index < 2; index += 1) {
      users.push({ name: personName(), unitId: window.unit_id, windowId: window.id });
    }
  }
  await pool.query(
    `insert into users (username, display_name, role, unit_id, window_id, email, phone, password_hash)
     select 'bench-staff-' || n, name, 'staff', unit_id, window_id,
            'bench-staff-' || n || '@scut.edu.cn', phone, $5
       from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[])
            with ordinality as t(name, unit_id, window_id, phone, n)`,
    [
      users.map((user) => user.name),
      users.map((user) => user.unitId),
      users.map((user) => user.windowId),
      users.map(() => mobile()),
      passwordHash,
    ],
  );
}

async function addApplicants(pool: pg.Pool, passwordHash: string): Promise<void> {
  const kinds = Array.from({ length: applicantCount }, () =>
    chance(0.75) ? 'student' : chance(0.8) ? 'teacher' : 'visitor',
  );
  await pool.query(
    `insert into users (username, display_name, role, applicant_kind, email, phone, password_hash)
     select 'bench-' || n, name, 'applicant', kind, 'bench-' || n || '@mail.scut.edu.cn', phone, $4
       from unnest($1::text[], $2::text[], $3::text[]) with ordinality as t(name, kind, phone, n)`,
    [kinds.map(() => personName()), kinds, kinds.map(() => mobile()), passwordHash],
  );
}

async function loadReference(pool: pg.Pool): Promise<Reference> {
  const items = await pool.query<{
    id: string;
    code: string;
    version: number;
    unit_id: string;
    channel: Channel;
    default_mode: HandlingMode;
    content: ItemContent;
  }>(
    `select i.id, i.code, i.published_version as version, i.unit_id, i.channel, i.default_mode,
            v.content
       from items i join item_versions v on v.item_id = i.id and v.version = i.published_version
      where i.status = 'published' order by i.code`,
  );
  const itemWindows = await pool.query<{ item_id: string; window_id: string }>(
    'select item_id, window_id from item_windows',
  );
  const participants = await pool.query<{ item_id: string; unit_id: string }>(
    'select item_id, unit_id from item_participants',
  );
  const windows = await pool.query<{ id: string; unit_id: string; campus_id: string }>(
    'select w.id, w.unit_id, h.campus_id from windows w join halls h on h.id = w.hall_id',
  );
  const users = await pool.query<{
    id: string;
    display_name: string;
    role: string;
    unit_id: string | null;
    window_id: string | null;
  }>(`select id, display_name, role, unit_id, window_id from users`);

  const group = <K, V>(pairs: [K, V][]) => {
    const map = new Map<K, V[]>();
    for (const [key, value] of pairs) {
      map.set(key, [...(map.get(key) ?? []), value]);
    }
    return map;
  };
  const windowsOfItem = group(itemWindows.rows.map((row) => [row.item_id, row.window_id]));
  const participantsOfItem = group(participants.rows.map((row) => [row.item_id, row.unit_id]));

  // A few items carry most of the load, as certificates and card services do in real halls;
  // the most asked of all belongs to the unit whose work list the bench reads.
  const [benchStaff] = (
    await pool.query<{ unit_id: string }>('select unit_id from users where username = $1', [
      benchAccounts.staff,
    ])
  ).rows;
  const order = items.rows.map((_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = pick(index + 1);
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  const first = order.findIndex((index) => items.rows[index]?.unit_id === benchStaff?.unit_id);
  if (first > 0) {
    [order[0], order[first]] = [order[first] ?? 0, order[0] ?? 0];
  }
  const rank = new Map(order.map((itemIndex, position) => [itemIndex, position + 1]));

  const person = (row: { id: string; display_name: string }) => ({
    id: row.id,
    name: row.display_name,
  });
  const clerks = users.rows.filter((row) => row.role === 'staff' || row.role === 'window-lead');
  return {
    items: items.rows.map((row, index) => ({
      id: row.id,
      code: row.code,
      version: row.version,
      unitId: row.unit_id,
      channel: row.channel,
      defaultMode: row.default_mode,
      content: row.content,
      windowIds: windowsOfItem.get(row.id) ?? [],
      participantUnitIds: (participantsOfItem.get(row.id) ?? []).filter(
        (unitId) => unitId !== row.unit_id,
      ),
      weight: 1 / Math.pow(rank.get(index) ?? 1, 0.9),
    })),
    windows: new Map(
      windows.rows.map((row) => [
        row.id,
        { id: row.id, unitId: row.unit_id, campusId: row.campus_id },
      ]),
    ),
    windowsByUnit: group(windows.rows.map((row) => [row.unit_id, row.id])),
    staffByWindow: group(
      clerks.filter((row) => row.window_id).map((row) => [row.window_id ?? '', person(row)]),
    ),
    staffByUnit: group(
      clerks
        .filter((row) => row.unit_id)
        .map((row) => [row.unit_id ?? '', { ...person(row), windowId: row.window_id }]),
    ),
    deciderByUnit: new Map(
      users.rows
        .filter((row) => row.unit_id && (row.role === 'unit-admin' || row.role === 'window-lead'))
        .map((row) => [row.unit_id ?? '', person(row)]),
    ),
    applicants: users.rows.filter((row) => row.role === 'applicant').map(person),
  };
}

interface HistoryDay {
  /** Midnight of the Shanghai date, as an instant. */
  startMs: number;
  isWorkingDay: boolean;
}

/** The dates of the history, asked of the calendar once rather than for every case. */
function historyOf(calendar: WorkingCalendar, now: Date): HistoryDay[] {
  const today = dayOf(now);
  return Array.from({ length: historyDays }, (_, daysAgo) => {
    const day = addDays(today, -daysAgo);
    // Days are Shanghai dates; UTC+8 has no daylight saving, so the offset is fixed.
    return {
      startMs: Date.parse(`${day}T00:00:00+08:00`),
      isWorkingDay: calendar.isWorkingDay(day),
    };
  });
}

/** A filing moment: online at any waking hour, at a window in office hours of a working day. */
function filingMoment(history: HistoryDay[], now: Date, isOnline: boolean): Date {
  for (;;) {
    const day = choose(history);
    const minuteOfDay = isOnline
      ? 7 * 60 + pick(16 * 60)
      : chance(4 / 7)
        ? 8 * 60 + pick(4 * 60)
        : 14 * 60 + 30 + pick(3 * 60);
    if (!isOnline && !day.isWorkingDay) {
      continue;
    }
    const at = new Date(day.startMs + minutes(minuteOfDay));
    if (at <= now) {
      return at;
    }
  }
}

interface Generated {
  cases: Record<string, unknown>[];
  events: Record<string, unknown>[];
  participants: Record<string, unknown>[];
  notices: Record<string, unknown>[];
}

const usedTrackingNos = new Set<string>();

const refusals = [
  { reason: '申请人不符合办理条件', rule: '《学生管理规定》第十二条' },
  { reason: '所交材料与事项要求不符', rule: '《服务中心管理办法》第十五条' },
];

/**
 * One case through the same steps the case service would take; each step happens only if its
 * moment has come, so recent cases stay open and older ones are closed.
 */
function generateCase(
  ref: Reference,
  calendar: WorkingCalendar,
  history: HistoryDay[],
  now: Date,
  out: Generated,
) {
  const item = pickItem(ref.items);
  const isOnline = item.channel === 'online' || (item.channel === 'both' && chance(0.6));
  const unitStaff = ref.staffByUnit.get(item.unitId) ?? [];
  const windowIds =
    item.windowIds.length > 0 ? item.windowIds : (ref.windowsByUnit.get(item.unitId) ?? []);
  const windowId = windowIds.length > 0 ? choose(windowIds) : null;
  const clerks = (windowId ? ref.staffByWindow.get(windowId) : undefined) ?? unitStaff;
  const clerk = clerks.length > 0 ? choose(clerks) : null;
  const applicant = choose(ref.applicants);

  const id = randomUUID();
  const filedAt = filingMoment(history, now, isOnline);
  let trackingNo = makeTrackingNo(filedAt);
  while (usedTrackingNos.has(trackingNo)) {
    trackingNo = makeTrackingNo(filedAt);
  }
  usedTrackingNos.add(trackingNo);
  const row: Record<string, unknown> = {
    id,
    trackingNo,
    itemId: item.id,
    itemVersion: item.version,
    unitId: item.unitId,
    windowId: isOnline ? null : windowId,
    handlerId: isOnline ? null : (clerk?.id ?? null),
    applicantId: isOnline ? applicant.id : null,
    applicantName: isOnline ? applicant.name : personName(),
    applicantPhone: chance(0.8) ? mobile() : null,
    channel: isOnline ? 'online' : 'window',
    filedBy: isOnline ? applicant.id : (clerk?.id ?? applicant.id),
    mode: null,
    state: isOnline ? 'submitted' : 'reviewing',
    formData: answersFor(item.content.form, filedAt, pick),
    limit: item.content.limit,
    acceptedAt: null,
    dueAt: null,
    isDueProvisional: false,
    pausedAt: null,
    closedAt: null,
    resultNote: null,
    resultRule: null,
    supplementCount: 0,
    jointWay: null,
    authority: null,
    authorityAnswer: null,
    createdAt: filedAt,
    updatedAt: filedAt,
  };
  out.cases.push(row);

  let state = row.state as CaseState;
  const step = (
    at: Date,
    actor: Person | null,
    action: string,
    to: CaseState,
    extra: { reason?: string; detail?: Record<string, unknown> } = {},
  ): boolean => {
    if (at > now) {
      return false;
    }
    out.events.push({
      caseId: id,
      at,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? '系统',
      action,
      fromState: action.startsWith('filed') ? null : state,
      toState: to,
      reason: extra.reason ?? null,
      detail: extra.detail ?? {},
    });
    state = to;
    row.state = to;
    row.updatedAt = at;
    return true;
  };

  const filer = isOnline ? applicant : clerk;
  step(filedAt, filer, isOnline ? 'filed-online' : 'filed-at-window', state, {
    detail: { materials: isOnline ? 1 + pick(2) : 0 },
  });

  let at = filedAt;
  if (isOnline) {
    if (chance(0.02)) {
      step(new Date(at.getTime() + minutes(30 + pick(3000))), applicant, 'withdraw', 'withdrawn');
      row.closedAt = state === 'withdrawn' ? row.updatedAt : null;
      return;
    }
    at = new Date(at.getTime() + minutes(10 + pick(1440)));
    if (!step(at, clerk, 'take', 'reviewing')) {
      return;
    }
    row.handlerId = clerk?.id ?? null;
    row.windowId = windowId;
  }

  at = new Date(at.getTime() + minutes(3 + pick(60)));
  if (chance(0.04)) {
    const refusal = choose(refusals);
    if (
      step(at, clerk, 'refuse', 'refused', {
        reason: refusal.reason,
        detail: { rule: refusal.rule },
      })
    ) {
      Object.assign(row, { closedAt: at, resultNote: refusal.reason, resultRule: refusal.rule });
    }
    return;
  }
  // A one-time notice goes out for online filings; at a window the applicant is told in person.
  if (isOnline && chance(0.05)) {
    const entries = [{ kind: 'material', text: '请补交加盖公章的证明材料' }];
    if (
      !step(at, clerk, 'request-supplement', 'awaiting-supplement', { detail: { entries, seq: 1 } })
    ) {
      return;
    }
    Object.assign(row, { mode: 'supplement', supplementCount: 1, pausedAt: at });
    out.notices.push({ caseId: id, seq: 1, entries, issuedBy: clerk?.id, issuedAt: at });
    // Those who never came back gave up; the clock of the others is still stopped.
    const gaveUpAt = new Date(at.getTime() + minutes(60 * 24 * (10 + pick(30))));
    if (step(gaveUpAt, applicant, 'withdraw', 'withdrawn')) {
      row.closedAt = gaveUpAt;
    }
    return;
  }

  const mode: HandlingMode =
    item.content.limit.kind === 'on-the-spot' ? 'immediate' : item.defaultMode;
  if (mode === 'immediate') {
    if (step(at, clerk, 'complete-immediately', 'completed')) {
      Object.assign(row, { mode, acceptedAt: at, closedAt: at });
    }
    return;
  }

  const campusId = row.windowId ? ref.windows.get(row.windowId as string)?.campusId : undefined;
  const due = calendar.computeDue(at, item.content.limit, campusId);
  const isJoint = mode === 'joint' && item.participantUnitIds.length > 0;
  const action = isJoint ? 'accept-joint' : mode === 'escalated' ? 'escalate' : 'accept-promised';
  const to: CaseState = isJoint
    ? 'joint-review'
    : mode === 'escalated'
      ? 'escalated'
      : 'in-progress';
  if (!step(at, clerk, action, to)) {
    return;
  }
  Object.assign(row, {
    mode: isJoint ? 'joint' : mode === 'escalated' ? 'escalated' : 'promised',
    acceptedAt: at,
    dueAt: due.dueAt,
    isDueProvisional: due.isProvisional,
    jointWay: isJoint ? 'simple' : null,
    authority: mode === 'escalated' ? '广东省教育厅' : null,
  });

  // Most finish within the limit, a few late, and a very few are still open long after.
  const span = due.dueAt ? due.dueAt.getTime() - at.getTime() : minutes(60 * 24 * (3 + pick(20)));
  const share = chance(0.03) ? 1.05 + random() * 0.6 : 0.1 + random() * 0.85;
  const closeAt = new Date(at.getTime() + Math.max(minutes(20), span * share));
  const isStuck = chance(0.002);
  const isClosed =
    !isStuck && step(closeAt, clerk, 'complete', 'completed', { reason: '已办结，请凭回执领取' });
  if (isClosed) {
    Object.assign(row, {
      closedAt: closeAt,
      resultNote: '已办结，请凭回执领取',
      authorityAnswer: mode === 'escalated' ? '同意' : null,
    });
  }
  if (isJoint) {
    for (const unitId of item.participantUnitIds) {
      const decider = ref.deciderByUnit.get(unitId);
      out.participants.push({
        caseId: id,
        unitId,
        decision: isClosed ? 'approved' : 'pending',
        decidedBy: isClosed ? (decider?.id ?? null) : null,
        decidedAt: isClosed ? closeAt : null,
      });
    }
  }
}

let cumulative: { item: ItemRef; upTo: number }[] = [];
function pickItem(items: ItemRef[]): ItemRef {
  if (cumulative.length === 0) {
    let sum = 0;
    cumulative = items.map((item) => ({ item, upTo: (sum += item.weight) }));
  }
  const total = cumulative[cumulative.length - 1]?.upTo ?? 0;
  const target = random() * total;
  const entry = cumulative.find((candidate) => candidate.upTo >= target) ?? cumulative[0];
  if (!entry) {
    throw new Error('no published items to file cases for');
  }
  return entry.item;
}

/** One INSERT … SELECT FROM unnest(…) per table and batch: one array parameter per column. */
async function insertRows(
  pool: pg.Pool,
  table: string,
  columns: [string, string][],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const names = columns.map(
    ([name]) => `"${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`,
  );
  const arrays = columns.map(([name, type]) =>
    rows.map((row) => {
      const value = row[name];
      if (value === undefined || value === null) {
        return null;
      }
      return type === 'jsonb' ? JSON.stringify(value) : value;
    }),
  );
  const unnest = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await pool.query(
    `insert into ${table} (${names.join(', ')}) select * from unnest(${unnest})`,
    arrays,
  );
}

const caseColumns: [string, string][] = [
  ['id', 'uuid'],
  ['trackingNo', 'text'],
  ['itemId', 'uuid'],
  ['itemVersion', 'int'],
  ['unitId', 'uuid'],
  ['windowId', 'uuid'],
  ['handlerId', 'uuid'],
  ['applicantId', 'uuid'],
  ['applicantName', 'text'],
  ['applicantPhone', 'text'],
  ['channel', 'text'],
  ['filedBy', 'uuid'],
  ['mode', 'text'],
  ['state', 'text'],
  ['formData', 'jsonb'],
  ['limit', 'jsonb'],
  ['acceptedAt', 'timestamptz'],
  ['dueAt', 'timestamptz'],
  ['isDueProvisional', 'boolean'],
  ['pausedAt', 'timestamptz'],
  ['closedAt', 'timestamptz'],
  ['resultNote', 'text'],
  ['resultRule', 'text'],
  ['supplementCount', 'int'],
  ['jointWay', 'text'],
  ['authority', 'text'],
  ['authorityAnswer', 'text'],
  ['createdAt', 'timestamptz'],
  ['updatedAt', 'timestamptz'],
];
const eventColumns: [string, string][] = [
  ['caseId', 'uuid'],
  ['at', 'timestamptz'],
  ['actorId', 'uuid'],
  ['actorName', 'text'],
  ['action', 'text'],
  ['fromState', 'text'],
  ['toState', 'text'],
  ['reason', 'text'],
  ['detail', 'jsonb'],
];
const participantColumns: [string, string][] = [
  ['caseId', 'uuid'],
  ['unitId', 'uuid'],
  ['decision', 'text'],
  ['decidedBy', 'uuid'],
  ['decidedAt', 'timestamptz'],
];
const noticeColumns: [string, string][] = [
  ['caseId', 'uuid'],
  ['seq', 'int'],
  ['entries', 'jsonb'],
  ['issuedBy', 'uuid'],
  ['issuedAt', 'timestamptz'],
];

async function main(): Promise<void> {
  const started = Date.now();
  const lap = (what: string) =>
    console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);

  await recreateDatabase(benchDatabaseUrl);
  rmSync(path.join(benchDataDir, 'files'), { recursive: true, force: true });
  lap(`created ${maintenanceUrl(benchDatabaseUrl).database}`);

  const database = openPostgres(benchDatabaseUrl, 4);
  const pool = new pg.Pool({ connectionString: benchDatabaseUrl, max: 2 });
  try {
    await runMigrations(database);
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: benchDatabaseUrl,
      DATA_DIR: benchDataDir,
      SMTP_URL: undefined,
    });
    const deps: Deps = {
      db: database.db,
      config,
      files: createLocalFileStore(path.join(benchDataDir, 'files')),
      now: () => new Date(),
    };
    await seedDemoIfEmpty(deps);
    lap('migrated and loaded the demo university');

    const passwordHash = await hashPassword(benchAccounts.password);
    await addWindowStaff(pool, passwordHash);
    await addApplicants(pool, passwordHash);
    lap(`added window clerks and ${applicantCount} applicants`);

    const ref = await loadReference(pool);
    const calendar = await loadCalendar(deps);
    const now = new Date();
    const history = historyOf(calendar, now);
    const states = new Map<string, number>();
    let eventCount = 0;
    let generatingMs = 0;
    for (let done = 0; done < caseCount; done += batchSize) {
      const out: Generated = { cases: [], events: [], participants: [], notices: [] };
      const generating = Date.now();
      for (let index = done; index < Math.min(caseCount, done + batchSize); index += 1) {
        generateCase(ref, calendar, history, now, out);
      }
      generatingMs += Date.now() - generating;
      await insertRows(pool, 'cases', caseColumns, out.cases);
      await insertRows(pool, 'case_events', eventColumns, out.events);
      await insertRows(pool, 'case_participants', participantColumns, out.participants);
      await insertRows(pool, 'supplement_notices', noticeColumns, out.notices);
      for (const row of out.cases) {
        states.set(String(row.state), (states.get(String(row.state)) ?? 0) + 1);
      }
      eventCount += out.events.length;
    }
    lap(
      `inserted ${caseCount} cases and ${eventCount} events ` +
        `(${(generatingMs / 1000).toFixed(1)} s of it generating)`,
    );

    // The server's deadline sweep would warn about every overdue case at its first tick; here
    // it runs once so the bench measures the steady state, not that first burst.
    const warned = await sweepDeadlines(deps);
    lap(`deadline sweep: ${warned.yellow} yellow, ${warned.red} red warnings`);

    await pool.query('vacuum analyze');
    lap('vacuum analyze');
    console.log(
      'cases by state:',
      Object.fromEntries([...states].sort((a, b) => b[1] - a[1])),
      `\nevents per case: ${(eventCount / caseCount).toFixed(2)}`,
    );
  } finally {
    await pool.end();
    await database.close();
  }
}

await main();
