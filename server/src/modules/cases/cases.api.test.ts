import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseEvents, cases } from './schema.js';
import { fakePdfBytes, pdfBytes, pngBytes } from '../../../test/files.js';
import {
  createHall,
  createPublishedItem,
  createUnit,
  createWindow,
} from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';

const materials = [
  {
    key: 'id-card',
    name: { zh: '身份证', en: 'Identity card' },
    isUploadRequired: true,
  },
  { key: 'photo', name: { zh: '照片', en: 'Photo' }, isUploadRequired: false },
];
const form = [{ key: 'purpose', label: { zh: '用途', en: 'Purpose' }, type: 'text' as const }];

async function setUp(t: TestApp) {
  const { db } = t.deps;
  const hall = await createHall(db, 'wushan');
  const unit = await createUnit(db, { nameZh: '教务处', nameEn: 'Academic Affairs' });
  const otherUnit = await createUnit(db);
  const window = await createWindow(db, { hallId: hall.id, unitId: unit.id, number: 3 });
  const otherWindow = await createWindow(db, { hallId: hall.id, unitId: otherUnit.id, number: 4 });
  const staff = await t.createUser({ role: 'staff', unitId: unit.id, windowId: window.id });
  const colleague = await t.createUser({ role: 'staff', unitId: unit.id, windowId: window.id });
  const outsider = await t.createUser({
    role: 'staff',
    unitId: otherUnit.id,
    windowId: otherWindow.id,
  });
  const applicant = await t.createUser({ role: 'applicant', displayName: '李同学' });
  const stranger = await t.createUser({ role: 'applicant' });
  const center = await t.createUser({ role: 'center' });
  const promised = await createPublishedItem(db, {
    unitId: unit.id,
    windowIds: [window.id],
    content: { materials, form },
    limit: { kind: 'working-days', days: 3, isInPrinciple: false },
  });
  const immediate = await createPublishedItem(db, {
    unitId: unit.id,
    windowIds: [window.id],
    defaultMode: 'immediate',
    limit: { kind: 'on-the-spot' },
  });
  return {
    unit,
    window,
    otherWindow,
    promised,
    immediate,
    staff: await t.signIn(staff),
    colleague: await t.signIn(colleague),
    outsider: await t.signIn(outsider),
    applicant: await t.signIn(applicant),
    stranger: await t.signIn(stranger),
    center: await t.signIn(center),
  };
}

function fileOnline(client: Client, itemId: string, extra: Record<string, string> = {}) {
  return client.upload(
    '/api/cases',
    { itemId, form: JSON.stringify({ purpose: '出国留学' }), ...extra },
    [{ field: 'material:id-card', filename: '身份证.pdf', content: pdfBytes }],
  );
}

describe('cases', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    // These stories span days; sessions must outlive them.
    t = await createTestApp({ sessionIdleMinutes: 60 * 24 * 365 });
    s = await setUp(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('R-CASE-1 files online with materials and gives a tracking number anyone can look up with the name', async () => {
    t.setNow('2026-03-02T02:00:00Z');
    const filed = await fileOnline(s.applicant, s.promised.itemId);
    expect(filed.statusCode).toBe(201);
    const { trackingNo, state, id } = filed.json();
    expect(trackingNo).toMatch(/^OS260302-[2-9A-Z]{6}$/);
    expect(state).toBe('submitted');

    const tracked = await t.anonymous.get(
      `/api/track?trackingNo=${trackingNo}&name=${encodeURIComponent('李同学')}`,
    );
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ trackingNo, state: 'submitted' });
    const wrongName = await t.anonymous.get(
      `/api/track?trackingNo=${trackingNo}&name=${encodeURIComponent('王同学')}`,
    );
    expect(wrongName.statusCode).toBe(404);

    const detail = await s.applicant.get(`/api/cases/${id}`);
    expect(detail.json().materials).toMatchObject([
      { materialKey: 'id-card', originalName: '身份证.pdf', mime: 'application/pdf' },
    ]);
  });

  it('R-CASE-1 public tracking slows down anyone guessing numbers', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      const response = await t.anonymous.get(
        `/api/track?trackingNo=OS260302-AAAA${attempt}&name=x`,
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('R-CASE-1 refuses a filing without a required material, listing every missing field', async () => {
    const response = await s.applicant.upload(
      '/api/cases',
      { itemId: s.promised.itemId, form: '{}' },
      [],
    );
    expect(response.statusCode).toBe(422);
    const paths = response.json().issues.map((issue: { path: string }) => issue.path);
    expect(paths.sort()).toEqual(['form.purpose', 'materials.id-card']);
    expect(await t.deps.db.select().from(cases)).toHaveLength(0);
  });

  it('R-CASE-1 judges an upload by its content, not its name, and keeps nothing of a refused filing', async () => {
    const response = await s.applicant.upload(
      '/api/cases',
      { itemId: s.promised.itemId, form: JSON.stringify({ purpose: 'x' }) },
      [{ field: 'material:id-card', filename: 'id.pdf', content: fakePdfBytes }],
    );
    expect(response.statusCode).toBe(415);
    expect(await t.deps.db.select().from(cases)).toHaveLength(0);
  });

  it('R-CASE-1 refuses an upload above the size limit', async () => {
    await t.close();
    t = await createTestApp({ uploadMaxBytes: 100, sessionIdleMinutes: 60 * 24 * 365 });
    s = await setUp(t);
    const response = await fileOnline(s.applicant, s.promised.itemId);
    expect(response.statusCode).toBe(413);
  });

  it('R-CASE-1 an applicant may file for someone else by name, and track it under that name', async () => {
    const filed = await fileOnline(s.applicant, s.promised.itemId, { applicantName: '李小妹' });
    expect(filed.json().applicantName).toBe('李小妹');
    const tracked = await t.anonymous.get(
      `/api/track?trackingNo=${filed.json().trackingNo}&name=${encodeURIComponent('李小妹')}`,
    );
    expect(tracked.statusCode).toBe(200);
  });

  it('R-CAT-1 only the applicants the item sheet names may file online (Art. 13)', async () => {
    const teacher = await t.signIn(
      await t.createUser({ role: 'applicant', applicantKind: 'teacher' }),
    );
    const response = await fileOnline(teacher, s.promised.itemId);
    expect(response.statusCode).toBe(422);
    expect(response.json().article).toBe('Art. 13');
  });

  it('R-CASE-1 window staff file on the applicant’s behalf and hold the case at once', async () => {
    const response = await s.staff.upload(
      '/api/cases',
      {
        itemId: s.promised.itemId,
        applicantName: '王老师',
        form: JSON.stringify({ purpose: '评审' }),
      },
      [{ field: 'material:photo', filename: 'photo.png', content: pngBytes }],
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ state: 'reviewing', channel: 'window' });
    const detail = await s.staff.get(`/api/cases/${response.json().id}`);
    expect(detail.json().holder.window).toMatchObject({ number: 3 });
  });

  it('R-CASE-1 staff cannot file for another unit’s item', async () => {
    const response = await s.outsider.upload(
      '/api/cases',
      {
        itemId: s.promised.itemId,
        applicantName: '王老师',
        form: JSON.stringify({ purpose: 'x' }),
      },
      [],
    );
    expect(response.statusCode).toBe(403);
  });

  it('R-CASE-2 an immediate item is handled and closed at the window in one step', async () => {
    const filed = await s.applicant.upload(
      '/api/cases',
      { itemId: s.immediate.itemId, form: '{}' },
      [],
    );
    const id = filed.json().id;
    expect((await s.staff.post(`/api/cases/${id}/actions/take`)).statusCode).toBe(200);
    const done = await s.staff.post(`/api/cases/${id}/actions/complete-immediately`, {
      note: '已当场开具',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'completed', mode: 'immediate' });
  });

  it('R-CASE-2 an item with a promised limit cannot be completed as immediate (Art. 15(1))', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    await s.staff.post(`/api/cases/${id}/actions/take`);
    const response = await s.staff.post(`/api/cases/${id}/actions/complete-immediately`, {});
    expect(response.statusCode).toBe(422);
    expect(response.json().article).toBe('Art. 15(1)');
  });

  it('R-CASE-3 a promised case accepted Fri 2026-02-13 with 3 working days is due at the close of Wed 02-25', async () => {
    t.setNow('2026-02-13T02:00:00Z'); // 10:00 in Shanghai
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    await s.staff.post(`/api/cases/${id}/actions/take`);
    const accepted = await s.staff.post(`/api/cases/${id}/actions/accept-promised`, {});
    expect(accepted.statusCode).toBe(200);
    // 02-14 (Sat) is a make-up working day: 1; 02-15…02-23 holidays; 02-24: 2; 02-25: 3.
    expect(accepted.json()).toMatchObject({
      state: 'in-progress',
      mode: 'promised',
      acceptedAt: '2026-02-13T02:00:00.000Z',
      dueAt: '2026-02-25T09:30:00.000Z',
      isDueProvisional: false,
    });

    const done = await s.staff.post(`/api/cases/${id}/actions/complete`, { note: '已办结' });
    expect(done.json().state).toBe('completed');
  });

  it('R-CASE-3 the clock starts at the window’s acceptance, not at the online filing', async () => {
    t.setNow('2026-03-02T02:00:00Z'); // Mon 10:00: filed
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    t.setNow('2026-03-04T06:00:00Z'); // Wed 14:00 (lunch break): accepted, counts from 14:30
    await s.staff.post(`/api/cases/${id}/actions/take`);
    const accepted = await s.staff.post(`/api/cases/${id}/actions/accept-promised`, {});
    // Wed not counted; Thu 1, Fri 2, Mon 03-09 3 → 17:30 Shanghai.
    expect(accepted.json().dueAt).toBe('2026-03-09T09:30:00.000Z');
  });

  it('R-CASE-7 a refusal answers with the reason and the rule, or is refused with 422', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    await s.staff.post(`/api/cases/${id}/actions/take`);
    const bare = await s.staff.post(`/api/cases/${id}/actions/refuse`, { reason: '不符合条件' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({
      article: 'Art. 15(6)',
      issues: [{ path: 'rule' }],
    });

    const refused = await s.staff.post(`/api/cases/${id}/actions/refuse`, {
      reason: '申请人已毕业，不属在读学生',
      rule: '《学籍管理规定》第十条',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({
      state: 'refused',
      resultNote: '申请人已毕业，不属在读学生',
      resultRule: '《学籍管理规定》第十条',
    });
    const tracked = await s.applicant.get(`/api/cases/${id}`);
    expect(tracked.json().resultRule).toBe('《学籍管理规定》第十条');
  });

  it('R-CASE-7 a request too complex to decide at once is accepted as promised and refused within the limit', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    await s.staff.post(`/api/cases/${id}/actions/take`);
    await s.staff.post(`/api/cases/${id}/actions/accept-promised`, {});
    const refused = await s.staff.post(`/api/cases/${id}/actions/refuse`, {
      reason: '经会同审议，不予办理',
      rule: '《学位授予工作细则》第五条',
    });
    expect(refused.json()).toMatchObject({ state: 'refused', mode: 'promised' });
  });

  it('R-CASE-11 records every state change with who, when, from, to and why', async () => {
    t.setNow('2026-03-02T02:00:00Z');
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    t.setNow('2026-03-02T03:00:00Z');
    await s.staff.post(`/api/cases/${id}/actions/take`);
    t.setNow('2026-03-02T04:00:00Z');
    await s.staff.post(`/api/cases/${id}/actions/refuse`, { reason: '材料不实', rule: '第三条' });

    const events = await t.deps.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, id))
      .orderBy(caseEvents.id);
    expect(
      events.map((event) => [event.action, event.fromState, event.toState, event.at.toISOString()]),
    ).toEqual([
      ['filed-online', null, 'submitted', '2026-03-02T02:00:00.000Z'],
      ['take', 'submitted', 'reviewing', '2026-03-02T03:00:00.000Z'],
      ['refuse', 'reviewing', 'refused', '2026-03-02T04:00:00.000Z'],
    ]);
    expect(events[2]?.reason).toBe('材料不实');
    const shown = await s.applicant.get(`/api/cases/${id}`);
    expect(shown.json().events).toHaveLength(3);
  });

  it('answers an illegal step with 409, the current state and the allowed steps', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    const response = await s.staff.post(`/api/cases/${id}/actions/complete`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().details).toEqual({
      state: 'submitted',
      allowedActions: ['take', 'hand-over'],
    });
  });

  it('two staff taking the same case at once: one takes it, the other gets 409', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    const results = await Promise.all([
      s.staff.post(`/api/cases/${id}/actions/take`),
      s.colleague.post(`/api/cases/${id}/actions/take`),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
  });

  it('staff act only on the cases they took', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    await s.staff.post(`/api/cases/${id}/actions/take`);
    const response = await s.colleague.post(`/api/cases/${id}/actions/accept-promised`, {});
    expect(response.statusCode).toBe(403);
  });

  it('a unit sees only its cases, an applicant only theirs, the center all', async () => {
    const id = (await fileOnline(s.applicant, s.promised.itemId)).json().id;
    expect((await s.staff.get('/api/cases')).json().total).toBe(1);
    expect((await s.outsider.get('/api/cases')).json().total).toBe(0);
    expect((await s.outsider.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await s.stranger.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await s.stranger.get('/api/cases')).json().total).toBe(0);
    expect((await s.center.get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await t.anonymous.get('/api/cases')).statusCode).toBe(401);
    expect((await s.center.post(`/api/cases/${id}/actions/take`)).statusCode).toBe(403);
  });

  it('the center cannot file cases and anonymous callers cannot file', async () => {
    expect((await fileOnline(s.center, s.promised.itemId)).statusCode).toBe(403);
    expect((await fileOnline(t.anonymous, s.promised.itemId)).statusCode).toBe(401);
  });

  it('answers bad input with 422, never 500', async () => {
    const noItem = await s.applicant.upload('/api/cases', { form: 'not json' }, []);
    expect(noItem.statusCode).toBe(422);
    expect(
      noItem
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['form', 'itemId']);
    const badId = await s.staff.post('/api/cases/not-a-uuid/actions/take');
    expect(badId.statusCode).toBe(422);
    const badAction = await s.staff.post(
      '/api/cases/00000000-0000-4000-8000-000000000000/actions/explode',
    );
    expect(badAction.statusCode).toBe(422);
    const unknown = await s.staff.post(
      '/api/cases/00000000-0000-4000-8000-000000000000/actions/take',
    );
    expect(unknown.statusCode).toBe(404);
    const json = await s.applicant.post('/api/cases', { itemId: s.promised.itemId });
    expect(json.statusCode).toBe(415);
  });

  it('R-PLT-8 masks the applicant’s phone for everyone but the unit’s staff', async () => {
    const filed = await fileOnline(s.applicant, s.promised.itemId, {
      applicantPhone: '13912345678',
    });
    const id = filed.json().id;
    expect((await s.staff.get(`/api/cases/${id}`)).json().applicantPhone).toBe('13912345678');
    expect((await s.center.get(`/api/cases/${id}`)).json().applicantPhone).toBe('139****5678');
  });
});
