import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { dueStatus } from '../../modules/cases/deadline.js';
import { caseEvents, cases } from '../../modules/cases/schema.js';
import { items, itemWindows } from '../../modules/catalog/schema.js';
import { campuses, halls, units, windows } from '../../modules/org/schema.js';
import { users } from '../../platform/auth/schema.js';
import { accountSeeds, demoPassword } from './data/accounts.js';
import { caseSeeds } from './data/cases.js';
import { demoAccounts, itemSeeds, seedDemoIfEmpty } from './demo.js';

async function countRows(t: TestApp) {
  const { db } = t.deps;
  return {
    campuses: await db.$count(campuses),
    halls: await db.$count(halls),
    units: await db.$count(units),
    windows: await db.$count(windows),
    users: await db.$count(users),
    items: await db.$count(items),
    cases: await db.$count(cases),
    events: await db.$count(caseEvents),
  };
}

describe('demo data', () => {
  let t: TestApp;
  let wasSeeded: boolean;

  beforeAll(async () => {
    t = await createTestApp();
    // Monday 2 March 2026, 10:00 in Shanghai: a working day with nine working days behind it.
    t.setNow('2026-03-02T02:00:00Z');
    wasSeeded = await seedDemoIfEmpty(t.deps);
  });
  afterAll(() => t.close());

  it('R-ORG-1 loads three campuses with a hall each, the units and their windows', async () => {
    expect(wasSeeded).toBe(true);
    const rows = await t.deps.db.select().from(campuses).orderBy(asc(campuses.id));
    expect(rows.map((row) => row.id)).toEqual(['gz-international', 'university-town', 'wushan']);
    const counts = await countRows(t);
    expect(counts.halls).toBe(3);
    expect(counts.units).toBeGreaterThanOrEqual(12);

    // Several units keep windows in more than one hall.
    const spread = await t.deps.db
      .select({ unitId: windows.unitId, halls: count(windows.hallId) })
      .from(windows)
      .groupBy(windows.unitId);
    expect(spread.filter((row) => row.halls > 1).length).toBeGreaterThanOrEqual(5);
  });

  it('R-CAT-1 loads at least 30 items, published but for a couple of drafts', async () => {
    const rows = await t.deps.db.select().from(items);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const drafts = rows.filter((row) => row.status === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(rows.length - drafts.length).toBeGreaterThanOrEqual(28);
    expect(rows.every((row) => row.status !== 'published' || row.searchText !== '')).toBe(true);
  });

  it('R-CAT-2 every published item not fully online names a hall window', async () => {
    const rows = await t.deps.db
      .select({ code: items.code, channel: items.channel, windows: count(itemWindows.windowId) })
      .from(items)
      .leftJoin(itemWindows, eq(itemWindows.itemId, items.id))
      .where(eq(items.status, 'published'))
      .groupBy(items.id);
    for (const row of rows) {
      expect(row.channel === 'online' || row.windows > 0, row.code).toBe(true);
    }
  });

  it('R-CAT-5 the public catalogue finds the certificates by a Chinese word', async () => {
    const response = await t.anonymous.get(`/api/items?q=${encodeURIComponent('证明')}`);
    expect(response.statusCode).toBe(200);
    const codes = response.json<{ items: { code: string }[] }>().items.map((item) => item.code);
    expect(codes).toEqual(expect.arrayContaining(['JW-001', 'JW-003', 'CW-001', 'RS-001']));
  });

  it('R-CASE-11 loads cases in every state, each with the events of its steps', async () => {
    const rows = await t.deps.db.select().from(cases);
    expect(rows).toHaveLength(caseSeeds.length);
    const states = new Set(rows.map((row) => row.state));
    for (const state of [
      'submitted',
      'reviewing',
      'in-progress',
      'joint-review',
      'escalated',
      'awaiting-supplement',
      'completed',
      'refused',
      'withdrawn',
    ]) {
      expect(states.has(state as never), state).toBe(true);
    }

    const events = await t.deps.db
      .select({ caseId: caseEvents.caseId, total: count() })
      .from(caseEvents)
      .groupBy(caseEvents.caseId);
    const expected = caseSeeds.reduce((sum, seed) => sum + 1 + seed.steps.length, 0);
    expect(events.reduce((sum, row) => sum + row.total, 0)).toBe(expected);
    expect(events).toHaveLength(rows.length);

    const refused = rows.find((row) => row.state === 'refused');
    expect(refused?.resultNote).toContain('结业');
    expect(refused?.resultRule).toContain('学籍管理规定');
  });

  it('R-CASE-3 one promised case is overdue and one is due at the close of today', async () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const open = await t.deps.db.select().from(cases).where(eq(cases.state, 'in-progress'));

    // Transcript, 3 working days, accepted Friday 13 Feb 15:00, the seventh working day back
    // (the Spring Festival holiday runs 15-23 Feb; Saturdays 14 and 28 Feb are make-up working
    // days). The third working day after it (14, 24, 25 Feb) closes Wednesday 25 Feb 17:30.
    const overdue = open.find((row) => row.dueAt !== null && row.dueAt < now);
    expect(overdue?.dueAt?.toISOString()).toBe('2026-02-25T09:30:00.000Z');

    // Degree certification, 10 working days, accepted Tuesday 10 Feb 10:10, the tenth working
    // day back: the tenth working day after it is today, due at 17:30, with 7.5 of some 480
    // hours left.
    const nearlyDue = open.find((row) => row.applicantName === '黄嘉欣');
    expect(nearlyDue?.dueAt?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(nearlyDue && dueStatus(nearlyDue, now, t.deps.config.warningShare)).toBe('yellow');
    expect(overdue && dueStatus(overdue, now, t.deps.config.warningShare)).toBe('red');
  });

  it('R-PLT-9 every demo account signs in with the demo password', async () => {
    expect(demoAccounts.map((account) => account.username)).toEqual(
      accountSeeds.map((account) => account.username),
    );
    for (const account of demoAccounts) {
      const client = await t.signIn({ username: account.username }, demoPassword);
      const me = await client.get('/api/auth/me');
      expect(me.statusCode, account.username).toBe(200);
    }
  });

  it('R-ORG-1 a second start adds nothing', async () => {
    const before = await countRows(t);
    expect(await seedDemoIfEmpty(t.deps)).toBe(false);
    expect(await countRows(t)).toEqual(before);
    expect(before.items).toBe(itemSeeds.length);
  });
});
