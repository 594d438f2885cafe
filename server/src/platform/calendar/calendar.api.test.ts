import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { campuses } from '../../modules/org/schema.js';
import type { Role } from '../auth/schema.js';
import { auditLog } from '../audit/schema.js';

interface Day {
  day: string;
  isWorkingDay: boolean;
  kind: string;
  name: string | null;
  isProvisional: boolean;
}

const issuePaths = (body: { issues?: { path: string }[] }) =>
  (body.issues ?? []).map((issue) => issue.path);

const dueUrl = (query: Record<string, string>) =>
  `/api/calendar/due?${new URLSearchParams(query).toString()}`;

const arrangement2027 = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
  ],
  workdays: ['2027-01-09'],
  note: '2027年部分节假日安排',
};

describe('the working-day calendar API', () => {
  let t: TestApp;
  const signInAs = async (role: Role): Promise<Client> => t.signIn(await t.createUser({ role }));

  beforeEach(async () => {
    t = await createTestApp();
    await t.deps.db.insert(campuses).values([
      { id: 'wushan', nameZh: '五山校区', nameEn: 'Wushan' },
      { id: 'university-town', nameZh: '大学城校区', nameEn: 'University Town' },
    ]);
  });
  afterEach(async () => {
    await t.close();
  });

  describe('GET /api/calendar/working-days', () => {
    it('R-CASE-3 tells anyone which days count and why', async () => {
      const response = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-02-13&to=2026-02-16',
      );
      expect(response.statusCode).toBe(200);
      const days = response.json<Day[]>();
      expect(days.map((day) => [day.day, day.isWorkingDay, day.kind, day.name])).toEqual([
        ['2026-02-13', true, 'workday', null],
        ['2026-02-14', true, 'make-up-workday', '春节'],
        ['2026-02-15', false, 'holiday', '春节'],
        ['2026-02-16', false, 'holiday', '春节'],
      ]);
      expect(days.every((day) => !day.isProvisional)).toBe(true);
    });

    it('R-CASE-3 lists a whole year at once but no more than 366 days', async () => {
      const year = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-01-01&to=2026-12-31',
      );
      expect(year.statusCode).toBe(200);
      expect(year.json<Day[]>()).toHaveLength(365);

      const tooLong = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-01-01&to=2027-01-02',
      );
      expect(tooLong.statusCode).toBe(422);
      expect(issuePaths(tooLong.json())).toEqual(['querystring.to']);
    });

    it('R-CASE-3 refuses a reversed range, an impossible date and an unknown campus', async () => {
      const reversed = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-03-10&to=2026-03-01',
      );
      expect(reversed.statusCode).toBe(422);
      expect(issuePaths(reversed.json())).toEqual(['querystring.to']);

      const impossible = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-02-30&to=2026-03-01',
      );
      expect(impossible.statusCode).toBe(422);
      expect(issuePaths(impossible.json())).toEqual(['querystring.from']);

      const missing = await t.anonymous.get('/api/calendar/working-days');
      expect(missing.statusCode).toBe(422);

      const campus = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-03-01&to=2026-03-02&campusId=mars',
      );
      expect(campus.statusCode).toBe(422);
      expect(issuePaths(campus.json())).toEqual(['querystring.campusId']);
    });
  });

  describe('GET /api/calendar/due', () => {
    it('R-CASE-3 3 working days from Fri 2026-02-13 10:00 are due at 17:30 on Wed 02-25', async () => {
      const response = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-02-13T10:00:00+08:00', limitKind: 'working-days', days: '3' }),
      );
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        dueAt: '2026-02-25T09:30:00.000Z',
        isProvisional: false,
      });
    });

    it('R-CASE-3 answers for working hours, ranges and limits without a due time', async () => {
      const hours = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-03-09T09:00:00Z', limitKind: 'working-hours', hours: '4' }),
      );
      // 17:00 in Shanghai: half an hour that day, 3.5 h from 08:00 the next.
      expect(hours.json().dueAt).toBe('2026-03-10T03:30:00.000Z');

      const range = await t.anonymous.get(
        dueUrl({
          acceptedAt: '2026-02-13T10:00:00+08:00',
          limitKind: 'working-days-range',
          maxDays: '5',
        }),
      );
      expect(range.json().dueAt).toBe('2026-02-27T09:30:00.000Z');

      const none = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-03-09T10:00:00+08:00', limitKind: 'none' }),
      );
      expect(none.json()).toEqual({ dueAt: null, isProvisional: false });
    });

    it('R-CASE-3 a due time in 2027 is provisional until the center loads 2027', async () => {
      const response = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-12-31T10:00:00+08:00', limitKind: 'working-days', days: '1' }),
      );
      expect(response.json()).toEqual({
        dueAt: '2027-01-01T09:30:00.000Z',
        isProvisional: true,
      });
    });

    it('R-CASE-3 refuses a limit without its number, with every field named', async () => {
      const response = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-03-09T10:00', limitKind: 'working-days' }),
      );
      expect(response.statusCode).toBe(422);
      expect(issuePaths(response.json()).sort()).toEqual([
        'querystring.acceptedAt',
        'querystring.days',
      ]);

      const tooMany = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-03-09T10:00:00Z', limitKind: 'working-days', days: '400' }),
      );
      expect(tooMany.statusCode).toBe(422);
      expect(issuePaths(tooMany.json())).toEqual(['querystring.days']);

      const kind = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-03-09T10:00:00Z', limitKind: 'fortnight' }),
      );
      expect(kind.statusCode).toBe(422);
      expect(issuePaths(kind.json())).toEqual(['querystring.limitKind']);
    });
  });

  describe('overrides', () => {
    it('R-CASE-3 a campus closure entered by the center moves that campus’s due times', async () => {
      const center = await signInAs('center');
      const created = await center.post('/api/calendar/overrides', {
        day: '2026-03-10',
        campusId: 'wushan',
        isWorkingDay: false,
        note: '停电检修',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        day: '2026-03-10',
        campusId: 'wushan',
        isWorkingDay: false,
        note: '停电检修',
      });

      const query = { acceptedAt: '2026-03-09T10:00:00+08:00', limitKind: 'working-days' };
      const atWushan = await t.anonymous.get(dueUrl({ ...query, days: '1', campusId: 'wushan' }));
      expect(atWushan.json().dueAt).toBe('2026-03-11T09:30:00.000Z');
      const elsewhere = await t.anonymous.get(
        dueUrl({ ...query, days: '1', campusId: 'university-town' }),
      );
      expect(elsewhere.json().dueAt).toBe('2026-03-10T09:30:00.000Z');

      const days = await t.anonymous.get(
        '/api/calendar/working-days?from=2026-03-10&to=2026-03-10&campusId=wushan',
      );
      expect(days.json()).toEqual([
        {
          day: '2026-03-10',
          isWorkingDay: false,
          kind: 'override',
          name: '停电检修',
          campusId: 'wushan',
          isProvisional: false,
        },
      ]);

      const [audit] = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, created.json().id));
      expect(audit?.action).toBe('calendar.override-created');
    });

    it('R-CASE-3 lists and removes the center’s overrides; a removed one counts no more', async () => {
      const admin = await signInAs('center-admin');
      const everywhere = await admin.post('/api/calendar/overrides', {
        day: '2026-03-10',
        isWorkingDay: false,
        note: '台风停课',
      });
      expect(everywhere.json().campusId).toBeNull();
      await admin.post('/api/calendar/overrides', {
        day: '2026-03-14',
        campusId: 'wushan',
        isWorkingDay: true,
      });

      const listed = await admin.get('/api/calendar/overrides?from=2026-03-01&to=2026-03-31');
      expect(listed.json().map((row: { day: string }) => row.day)).toEqual([
        '2026-03-10',
        '2026-03-14',
      ]);
      const atWushan = await admin.get('/api/calendar/overrides?campusId=wushan');
      expect(atWushan.json()).toHaveLength(1);

      const removed = await admin.delete(`/api/calendar/overrides/${everywhere.json().id}`);
      expect(removed.statusCode).toBe(204);
      const day = await t.anonymous.get('/api/calendar/working-days?from=2026-03-10&to=2026-03-10');
      expect(day.json()[0]).toMatchObject({ isWorkingDay: true, kind: 'workday' });

      const again = await admin.delete(`/api/calendar/overrides/${everywhere.json().id}`);
      expect(again.statusCode).toBe(404);
    });

    it('R-CASE-3 refuses a second override of the same day and campus', async () => {
      const center = await signInAs('center');
      const override = { day: '2026-03-10', campusId: 'wushan', isWorkingDay: false };
      expect((await center.post('/api/calendar/overrides', override)).statusCode).toBe(201);
      expect((await center.post('/api/calendar/overrides', override)).statusCode).toBe(409);
      const everywhere = { ...override, campusId: null };
      expect((await center.post('/api/calendar/overrides', everywhere)).statusCode).toBe(201);
    });

    it('R-CASE-3 refuses an override with a bad day, no decision or an unknown campus', async () => {
      const center = await signInAs('center');
      const bad = await center.post('/api/calendar/overrides', { day: '2026-02-30' });
      expect(bad.statusCode).toBe(422);
      expect(issuePaths(bad.json()).sort()).toEqual(['body.day', 'body.isWorkingDay']);

      const campus = await center.post('/api/calendar/overrides', {
        day: '2026-03-10',
        campusId: 'mars',
        isWorkingDay: false,
      });
      expect(campus.statusCode).toBe(422);
      expect(issuePaths(campus.json())).toEqual(['body.campusId']);

      expect((await center.delete('/api/calendar/overrides/not-a-uuid')).statusCode).toBe(422);
    });

    it('R-CASE-3 lets only the center edit overrides: 401 without sign-in, 403 for others', async () => {
      const override = { day: '2026-03-10', isWorkingDay: false };
      expect((await t.anonymous.get('/api/calendar/overrides')).statusCode).toBe(401);
      expect((await t.anonymous.post('/api/calendar/overrides', override)).statusCode).toBe(401);
      // Checked before the input, which tells a stranger nothing.
      expect((await t.anonymous.post('/api/calendar/overrides', {})).statusCode).toBe(401);

      for (const role of ['staff', 'applicant', 'unit-admin', 'auditor'] as const) {
        const client = await signInAs(role);
        expect((await client.get('/api/calendar/overrides')).statusCode).toBe(403);
        expect((await client.post('/api/calendar/overrides', override)).statusCode).toBe(403);
      }

      const center = await signInAs('center');
      const { id } = (await center.post('/api/calendar/overrides', override)).json<{
        id: string;
      }>();
      const staff = await signInAs('staff');
      expect((await staff.delete(`/api/calendar/overrides/${id}`)).statusCode).toBe(403);
      expect((await t.anonymous.delete(`/api/calendar/overrides/${id}`)).statusCode).toBe(401);
    });
  });

  describe('years', () => {
    it('R-CASE-3 names the years the package knows and those the center loaded', async () => {
      t.setNow('2026-12-01T02:00:00Z');
      const center = await signInAs('center');
      const before = await center.get('/api/calendar/years');
      expect(before.statusCode).toBe(200);
      const years = before.json<{ year: number; source: string }[]>();
      expect(years.find((year) => year.year === 2026)).toMatchObject({
        source: 'package',
        isInPackage: true,
        loadedAt: null,
      });
      expect(years.some((year) => year.year === 2027)).toBe(false);

      const loaded = await center.put('/api/calendar/years/2027', arrangement2027);
      expect(loaded.statusCode).toBe(200);
      expect(loaded.json()).toEqual({
        year: 2027,
        source: 'center',
        isInPackage: false,
        loadedAt: '2026-12-01T02:00:00.000Z',
        note: arrangement2027.note,
      });
      const after = (await center.get('/api/calendar/years')).json<{ year: number }[]>();
      expect(after.find((year) => year.year === 2027)).toMatchObject({ source: 'center' });
    });

    it('R-CASE-3 once 2027 is loaded its holidays count and its due times are firm', async () => {
      const admin = await signInAs('center-admin');
      expect((await admin.put('/api/calendar/years/2027', arrangement2027)).statusCode).toBe(200);

      const due = await t.anonymous.get(
        dueUrl({ acceptedAt: '2026-12-31T10:00:00+08:00', limitKind: 'working-days', days: '1' }),
      );
      // 01-01..01-03 off, Mon 2027-01-04 is the first working day.
      expect(due.json()).toEqual({ dueAt: '2027-01-04T09:30:00.000Z', isProvisional: false });

      const days = await t.anonymous.get(
        '/api/calendar/working-days?from=2027-01-01&to=2027-01-09',
      );
      const byDay = new Map(days.json<Day[]>().map((day) => [day.day, day]));
      expect(byDay.get('2027-01-01')).toMatchObject({
        isWorkingDay: false,
        kind: 'holiday',
        name: '元旦',
        isProvisional: false,
      });
      expect(byDay.get('2027-01-08')).toMatchObject({ isWorkingDay: true, kind: 'workday' });
      expect(byDay.get('2027-01-09')).toMatchObject({
        isWorkingDay: true,
        kind: 'make-up-workday',
      });
    });

    it('R-CASE-3 loading a year again replaces its days but keeps the center’s own overrides', async () => {
      const center = await signInAs('center');
      await center.put('/api/calendar/years/2027', arrangement2027);
      await center.post('/api/calendar/overrides', {
        day: '2027-01-05',
        campusId: 'wushan',
        isWorkingDay: false,
      });
      const corrected = await center.put('/api/calendar/years/2027', {
        holidays: [{ date: '2027-01-01', name: '元旦' }],
      });
      expect(corrected.statusCode).toBe(200);

      const days = await t.anonymous.get(
        '/api/calendar/working-days?from=2027-01-01&to=2027-01-09&campusId=wushan',
      );
      const byDay = new Map(days.json<Day[]>().map((day) => [day.day, day]));
      expect(byDay.get('2027-01-01')?.kind).toBe('holiday');
      expect(byDay.get('2027-01-02')?.kind).toBe('weekend');
      expect(byDay.get('2027-01-05')?.kind).toBe('override');
      expect(byDay.get('2027-01-09')?.kind).toBe('weekend');

      const audits = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'calendar.year-loaded'));
      expect(audits).toHaveLength(2);
    });

    it('R-CASE-3 refuses an arrangement with days of another year, twice, or a weekday make-up', async () => {
      const center = await signInAs('center');
      const response = await center.put('/api/calendar/years/2027', {
        holidays: [
          { date: '2026-12-31', name: '元旦' },
          { date: '2027-01-02', name: '元旦' },
        ],
        workdays: ['2027-01-02', '2027-01-06'],
      });
      expect(response.statusCode).toBe(422);
      expect(issuePaths(response.json())).toEqual([
        'body.holidays.0.date',
        'body.workdays.0',
        'body.workdays.1',
      ]);

      const empty = await center.put('/api/calendar/years/2027', { holidays: [] });
      expect(empty.statusCode).toBe(422);
      expect(issuePaths(empty.json())).toEqual(['body.holidays']);

      const year = await center.put('/api/calendar/years/1999', arrangement2027);
      expect(year.statusCode).toBe(422);
      expect(issuePaths(year.json())).toEqual(['params.year']);

      const listed = (await center.get('/api/calendar/years')).json<{ year: number }[]>();
      expect(listed.some((known) => known.year === 2027)).toBe(false);
    });

    it('R-CASE-3 lets only the center load a year: 401 without sign-in, 403 for others', async () => {
      expect((await t.anonymous.get('/api/calendar/years')).statusCode).toBe(401);
      expect((await t.anonymous.put('/api/calendar/years/2027', {})).statusCode).toBe(401);
      for (const role of ['staff', 'window-lead', 'auditor'] as const) {
        const client = await signInAs(role);
        expect((await client.get('/api/calendar/years')).statusCode).toBe(403);
        expect((await client.put('/api/calendar/years/2027', arrangement2027)).statusCode).toBe(
          403,
        );
      }
    });
  });

  it('R-PLT-7 describes the calendar routes in the OpenAPI document', async () => {
    const response = await t.anonymous.get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/calendar/working-days',
        '/api/calendar/due',
        '/api/calendar/overrides',
        '/api/calendar/overrides/{id}',
        '/api/calendar/years',
        '/api/calendar/years/{year}',
      ]),
    );
  });
});
