import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/client.js';
import { notifications } from '../../platform/notifications/schema.js';
import { users } from '../../platform/auth/schema.js';
import { createMailer, deliverPendingMail } from '../../platform/notifications/service.js';
import { pdfBytes } from '../../../test/files.js';
import {
  createHall,
  createPublishedItem,
  createUnit,
  createWindow,
} from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { startTestSmtp, type TestSmtp } from '../../../test/smtp.js';
import { caseWarnings } from './schema.js';
import { sweepDeadlines } from './sweep.js';

const longSessions = { sessionIdleMinutes: 60 * 24 * 365 };

async function setUp(t: TestApp) {
  const { db } = t.deps;
  const hall = await createHall(db, 'wushan');
  const lead = await createUnit(db, { nameZh: '国际交流与合作处', nameEn: 'International Office' });
  const [p1, p2, p3] = [await createUnit(db), await createUnit(db), await createUnit(db)];
  if (!p1 || !p2 || !p3) {
    throw new Error('units');
  }
  const leadWindow = await createWindow(db, { hallId: hall.id, unitId: lead.id, number: 8 });
  const otherWindow = await createWindow(db, { hallId: hall.id, unitId: p1.id, number: 9 });

  const user = (role: 'staff' | 'window-lead' | 'unit-admin', unitId: string, windowId?: string) =>
    t.createUser({ role, unitId, windowId: windowId ?? null });
  const accounts = {
    staff: await user('staff', lead.id, leadWindow.id),
    leadLead: await user('window-lead', lead.id, leadWindow.id),
    p1Lead: await user('window-lead', p1.id, otherWindow.id),
    p1Staff: await user('staff', p1.id, otherWindow.id),
    p2Admin: await user('unit-admin', p2.id),
    p3Lead: await user('window-lead', p3.id),
    applicant: await t.createUser({ role: 'applicant', displayName: '陈同学' }),
    center: await t.createUser({ role: 'center' }),
  };
  await t.deps.db
    .update(users)
    .set({ email: 'center@scut.test' })
    .where(eq(users.id, accounts.center.id));

  const joint = await createPublishedItem(db, {
    unitId: lead.id,
    windowIds: [leadWindow.id],
    participantUnitIds: [p1.id, p2.id, p3.id],
    defaultMode: 'joint',
    content: {
      materials: [
        { key: 'passport', name: { zh: '护照', en: 'Passport' }, isUploadRequired: true },
      ],
    },
    limit: { kind: 'working-days', days: 10, isInPrinciple: false },
  });
  const promised = await createPublishedItem(db, {
    unitId: lead.id,
    windowIds: [leadWindow.id],
    content: {
      materials: [
        { key: 'passport', name: { zh: '护照', en: 'Passport' }, isUploadRequired: true },
      ],
    },
    limit: { kind: 'working-days', days: 5, isInPrinciple: false },
  });

  const clients: Record<keyof typeof accounts, Client> = {} as Record<
    keyof typeof accounts,
    Client
  >;
  for (const [name, account] of Object.entries(accounts)) {
    clients[name as keyof typeof accounts] = await t.signIn(account);
  }
  return { lead, p1, p2, p3, leadWindow, otherWindow, joint, promised, accounts, c: clients };
}

type World = Awaited<ReturnType<typeof setUp>>;

async function fileAndTake(t: TestApp, w: World, itemId: string): Promise<string> {
  const filed = await w.c.applicant.upload('/api/cases', { itemId, form: '{}' }, [
    { field: 'material:passport', filename: 'passport.pdf', content: pdfBytes },
  ]);
  if (filed.statusCode !== 201) {
    throw new Error(filed.body);
  }
  const id: string = filed.json().id;
  const taken = await w.c.staff.post(`/api/cases/${id}/actions/take`);
  if (taken.statusCode !== 200) {
    throw new Error(taken.body);
  }
  return id;
}

async function noticesOf(t: TestApp, userId: string) {
  return t.deps.db.select().from(notifications).where(eq(notifications.userId, userId));
}

describe('the six ways of handling', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp(longSessions);
    t.setNow('2026-03-02T02:00:00Z'); // Mon 10:00 in Shanghai
    w = await setUp(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('R-CASE-4 a joint case with three units: two sign-offs leave it open, the third lets it complete', async () => {
    const id = await fileAndTake(t, w, w.joint.itemId);
    const accepted = await w.c.staff.post(`/api/cases/${id}/actions/accept-joint`, {
      way: 'simple',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      state: 'joint-review',
      mode: 'joint',
      jointWay: 'simple',
    });
    expect(accepted.json().participants).toHaveLength(3);
    // Each participating unit is asked to sign off.
    expect(await noticesOf(t, w.accounts.p2Admin.id)).toHaveLength(1);

    // Participants see the case, in their work list too, beside their own cases.
    expect((await w.c.p1Lead.get(`/api/cases/${id}`)).statusCode).toBe(200);
    t.setNow('2026-03-02T03:00:00Z');
    const own = await fileAndTake(t, w, w.promised.itemId);
    const list = (await w.c.p1Lead.get('/api/cases?pageSize=1')).json();
    expect(list.total).toBe(1);
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const leadList = (await w.c.leadLead.get('/api/cases?pageSize=1&page=2')).json();
    expect(leadList.total).toBe(2);
    expect(leadList.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await w.c.leadLead.get('/api/cases')).json().counts).toEqual({
      'joint-review': 1,
      reviewing: 1,
    });
    expect(own).not.toBe(id);

    // They sign off in parallel.
    const signs = await Promise.all([
      w.c.p1Lead.post(`/api/cases/${id}/sign-off`, { decision: 'approved' }),
      w.c.p2Admin.post(`/api/cases/${id}/sign-off`, { decision: 'approved' }),
    ]);
    expect(signs.map((sign) => sign.statusCode)).toEqual([204, 204]);

    const early = await w.c.staff.post(`/api/cases/${id}/actions/complete`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().article).toBe('Art. 15(3)');
    expect(early.json().details.waiting).toHaveLength(1);

    expect(
      (await w.c.p3Lead.post(`/api/cases/${id}/sign-off`, { decision: 'approved' })).statusCode,
    ).toBe(204);
    const done = await w.c.staff.post(`/api/cases/${id}/actions/complete`, {
      note: '联合审批通过',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().state).toBe('completed');
  });

  it('R-CASE-4 a refusal by one participant is shown with its reason and blocks completion', async () => {
    const id = await fileAndTake(t, w, w.joint.itemId);
    await w.c.staff.post(`/api/cases/${id}/actions/accept-joint`, { way: 'simple' });
    const bare = await w.c.p1Lead.post(`/api/cases/${id}/sign-off`, { decision: 'refused' });
    expect(bare.statusCode).toBe(422);
    await w.c.p1Lead.post(`/api/cases/${id}/sign-off`, {
      decision: 'refused',
      reason: '缺少导师意见',
    });
    const detail = (await w.c.applicant.get(`/api/cases/${id}`)).json();
    expect(detail.participants).toContainEqual(
      expect.objectContaining({ unitId: w.p1.id, decision: 'refused', reason: '缺少导师意见' }),
    );
    expect((await w.c.staff.post(`/api/cases/${id}/actions/complete`, {})).statusCode).toBe(422);
  });

  it('R-CASE-4 only a participating unit’s lead or supervisor signs off', async () => {
    const id = await fileAndTake(t, w, w.joint.itemId);
    await w.c.staff.post(`/api/cases/${id}/actions/accept-joint`, { way: 'simple' });
    expect(
      (await w.c.p1Staff.post(`/api/cases/${id}/sign-off`, { decision: 'approved' })).statusCode,
    ).toBe(403);
    expect(
      (await w.c.staff.post(`/api/cases/${id}/sign-off`, { decision: 'approved' })).statusCode,
    ).toBe(403);
    expect(
      (await w.c.p1Lead.post(`/api/cases/${id}/sign-off`, { decision: 'maybe' })).statusCode,
    ).toBe(422);
  });

  it('R-CASE-4 a complex joint case: the center issues a printable notice, chairs, records each decision', async () => {
    const id = await fileAndTake(t, w, w.joint.itemId);
    await w.c.staff.post(`/api/cases/${id}/actions/accept-joint`, { way: 'complex' });
    expect(
      (await w.c.staff.post(`/api/cases/${id}/joint-review`, { note: '涉及多部门' })).statusCode,
    ).toBe(403);
    expect(
      (await w.c.leadLead.post(`/api/cases/${id}/joint-review`, { note: '涉及多部门，需会审' }))
        .statusCode,
    ).toBe(204);
    expect(await noticesOf(t, w.accounts.center.id)).toHaveLength(1);

    const notice = {
      meetingAt: '2026-03-05T02:00:00Z',
      place: '五山校区行政楼 301 会议室',
      chairName: '张主任',
      invitees: [
        { unitId: w.lead.id, officialTitle: '分管副处长' },
        { unitId: w.p1.id, officialTitle: '分管副院长' },
        { unitId: w.p2.id, officialTitle: '科长' },
      ],
    };
    const incomplete = await w.c.center.post(`/api/cases/${id}/joint-review/notice`, notice);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().article).toBe('Art. 15(3)');
    expect((await w.c.staff.post(`/api/cases/${id}/joint-review/notice`, notice)).statusCode).toBe(
      403,
    );

    const twice = await w.c.center.post(`/api/cases/${id}/joint-review/notice`, {
      ...notice,
      invitees: [
        ...notice.invitees,
        { unitId: w.p3.id, officialTitle: '主任' },
        notice.invitees[1],
      ],
    });
    expect(twice.statusCode).toBe(422);
    notice.invitees.push({ unitId: w.p3.id, officialTitle: '主任' });
    const issued = await w.c.center.post(`/api/cases/${id}/joint-review/notice`, notice);
    expect(issued.statusCode).toBe(201);
    expect(issued.json().noticeNo).toBe('联审〔2026〕001号');
    expect(await noticesOf(t, w.accounts.p3Lead.id)).toContainEqual(
      expect.objectContaining({ kind: 'case.joint-notice' }),
    );

    const pdf = await w.c.p2Admin.get(`/api/cases/${id}/joint-review/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const review = (await w.c.p1Lead.get(`/api/cases/${id}/joint-review`)).json();
    expect(review).toMatchObject({ place: '五山校区行政楼 301 会议室', chairName: '张主任' });
    expect(review.invitees).toHaveLength(4);

    expect((await w.c.staff.post(`/api/cases/${id}/actions/complete`, {})).statusCode).toBe(422);
    const meeting = {
      heldAt: '2026-03-05T02:00:00Z',
      minutes: '各单位同意办理。',
      attendees: [{ unitId: w.lead.id, hasAttended: true }],
    };
    const beforeHeld = await w.c.center.post(`/api/cases/${id}/joint-review/meeting`, meeting);
    expect(beforeHeld.json().issues).toEqual([
      { path: 'heldAt', message: 'a meeting is recorded after it is held' },
    ]);
    t.setNow('2026-03-05T04:00:00Z');
    const recorded = await w.c.center.post(`/api/cases/${id}/joint-review/meeting`, {
      heldAt: '2026-03-05T02:00:00Z',
      minutes: '各单位同意办理。',
      attendees: [w.lead, w.p1, w.p2, w.p3].map((unit) => ({
        unitId: unit.id,
        attendeeName: '代表',
        hasAttended: true,
        decision: 'approved',
      })),
    });
    expect(recorded.statusCode).toBe(204);
    const done = await w.c.staff.post(`/api/cases/${id}/actions/complete`, {});
    expect(done.json().state).toBe('completed');
  });

  it('R-CASE-4 the center settles a disputed lead, and the case moves to that unit', async () => {
    const id = await fileAndTake(t, w, w.joint.itemId);
    expect(
      (await w.c.staff.post(`/api/cases/${id}/lead`, { unitId: w.p1.id, reason: 'x' })).statusCode,
    ).toBe(403);
    const decided = await w.c.center.post(`/api/cases/${id}/lead`, {
      unitId: w.p1.id,
      reason: '业务主要归属研究生院',
    });
    expect(decided.statusCode).toBe(204);
    expect((await w.c.staff.get(`/api/cases/${id}`)).statusCode).toBe(404);
    const atNewLead = await w.c.p1Staff.get(`/api/cases/${id}`);
    expect(atNewLead.json()).toMatchObject({ state: 'submitted', unitId: w.p1.id });
  });

  it('R-CASE-5 an escalated case logs its contacts and passes the authority’s answer on', async () => {
    const id = await fileAndTake(t, w, w.promised.itemId);
    expect((await w.c.staff.post(`/api/cases/${id}/actions/escalate`, {})).json().issues).toEqual([
      { path: 'authority', message: 'name the authority the case goes to' },
    ]);
    const escalated = await w.c.staff.post(`/api/cases/${id}/actions/escalate`, {
      authority: '广州市公安局出入境管理支队',
    });
    expect(escalated.json()).toMatchObject({ state: 'escalated', mode: 'escalated' });

    expect(
      (
        await w.c.staff.post(`/api/cases/${id}/contacts`, {
          channel: 'phone',
          summary: '电话确认已收件',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await w.c.p1Staff.post(`/api/cases/${id}/contacts`, { channel: 'phone', summary: 'x' }))
        .statusCode,
    ).toBe(404);
    const contacts = (await w.c.staff.get(`/api/cases/${id}/contacts`)).json();
    expect(contacts).toMatchObject([{ channel: 'phone', summary: '电话确认已收件' }]);

    const early = await w.c.staff.post(`/api/cases/${id}/actions/complete`, {});
    expect(early.json().article).toBe('Art. 15(4)');
    await w.c.staff.post(`/api/cases/${id}/authority-answer`, { answer: '同意办理居留许可' });
    expect(await noticesOf(t, w.accounts.applicant.id)).toContainEqual(
      expect.objectContaining({ kind: 'case.authority-answered', body: '同意办理居留许可' }),
    );
    const done = await w.c.staff.post(`/api/cases/${id}/actions/complete`, {
      note: '居留许可已办妥',
    });
    expect(done.json().state).toBe('completed');
  });

  it('R-CASE-6 one notice lists everything missing; the clock stops; the case returns to its window with its full limit', async () => {
    const id = await fileAndTake(t, w, w.promised.itemId);
    const accepted = await w.c.staff.post(`/api/cases/${id}/actions/accept-promised`, {});
    // Accepted Mon 03-02: 5 working days → Mon 03-09 17:30.
    expect(accepted.json().dueAt).toBe('2026-03-09T09:30:00.000Z');

    t.setNow('2026-03-03T02:00:00Z');
    const notice = await w.c.staff.post(`/api/cases/${id}/actions/request-supplement`, {
      entries: [
        { kind: 'material', text: '护照复印件（含签证页）', materialKey: 'passport' },
        { kind: 'step', text: '请导师在申请表上签字' },
      ],
    });
    expect(notice.statusCode).toBe(200);
    expect(notice.json()).toMatchObject({ state: 'awaiting-supplement', dueStatus: 'green' });
    expect(await noticesOf(t, w.accounts.applicant.id)).toContainEqual(
      expect.objectContaining({ kind: 'case.supplement-requested' }),
    );

    // Ten working days of waiting: 03-03 … 03-17. The old due date passes; the case stays green.
    t.setNow('2026-03-17T02:00:00Z');
    expect((await w.c.staff.get(`/api/cases/${id}`)).json().dueStatus).toBe('green');
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 0, red: 0 });

    const empty = await w.c.applicant.upload(`/api/cases/${id}/resubmit`, {}, []);
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({
      article: 'Art. 15(5)',
      issues: [{ path: 'materials.passport', message: '护照复印件（含签证页）' }],
    });
    const resubmitted = await w.c.applicant.upload(`/api/cases/${id}/resubmit`, {}, [
      { field: 'material:passport', filename: 'passport-visa.pdf', content: pdfBytes },
    ]);
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json()).toMatchObject({
      state: 'reviewing',
      windowId: w.leadWindow.id,
      handlerId: w.accounts.staff.id,
      dueAt: null,
    });
    expect(resubmitted.json().materials).toHaveLength(2);

    const again = await w.c.staff.post(`/api/cases/${id}/actions/accept-promised`, {});
    // Accepted Tue 03-17: the full 5 working days again → Tue 03-24 17:30, not 03-09.
    expect(again.json().dueAt).toBe('2026-03-24T09:30:00.000Z');
  });

  it('R-CASE-6 a second one-time notice needs a written reason and is flagged to the center', async () => {
    const id = await fileAndTake(t, w, w.promised.itemId);
    const entries = [{ kind: 'material', text: '护照复印件' }];
    await w.c.staff.post(`/api/cases/${id}/actions/request-supplement`, { entries });
    const resubmitted = await w.c.applicant.upload(`/api/cases/${id}/resubmit`, {}, []);
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);

    const bare = await w.c.staff.post(`/api/cases/${id}/actions/request-supplement`, { entries });
    expect(bare.statusCode, bare.body).toBe(422);
    expect(bare.json().article).toBe('Art. 15(5)');
    const empty = await w.c.staff.post(`/api/cases/${id}/actions/request-supplement`, {
      entries: [],
      reason: '复核',
    });
    expect(empty.json().issues).toEqual([
      { path: 'entries', message: 'list every missing material and step at once' },
    ]);

    const second = await w.c.staff.post(`/api/cases/${id}/actions/request-supplement`, {
      entries,
      reason: '申请人提交的复印件不清晰',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().supplementNotices).toMatchObject([
      { seq: 1, isFlagged: false },
      { seq: 2, isFlagged: true, reason: '申请人提交的复印件不清晰' },
    ]);
    expect(await noticesOf(t, w.accounts.center.id)).toContainEqual(
      expect.objectContaining({ kind: 'case.second-notice' }),
    );
  });

  it('R-CASE-6 only the applicant resubmits, and only while the case waits', async () => {
    const id = await fileAndTake(t, w, w.promised.itemId);
    expect((await w.c.applicant.upload(`/api/cases/${id}/resubmit`, {}, [])).statusCode).toBe(409);
    await w.c.staff.post(`/api/cases/${id}/actions/request-supplement`, {
      entries: [{ kind: 'step', text: '签字' }],
    });
    expect((await w.c.staff.upload(`/api/cases/${id}/resubmit`, {}, [])).statusCode).toBe(403);
  });

  it('R-CASE-8 the applicant sees who holds the case, objects, the window answers, the center takes it up', async () => {
    const id = await fileAndTake(t, w, w.promised.itemId);
    const held = (await w.c.applicant.get(`/api/cases/${id}`)).json();
    expect(held.holder.window).toMatchObject({ number: 8 });
    expect(
      (await w.c.applicant.post(`/api/cases/${id}/objections`, { text: '为何还没办' })).statusCode,
    ).toBe(409);

    await w.c.staff.post(`/api/cases/${id}/actions/refuse`, { reason: '材料不全', rule: '第五条' });
    const raised = await w.c.applicant.post(`/api/cases/${id}/objections`, {
      text: '材料已齐全，请复核',
    });
    expect(raised.statusCode).toBe(201);
    const objectionId = raised.json().id;
    expect(await noticesOf(t, w.accounts.staff.id)).toContainEqual(
      expect.objectContaining({ kind: 'objection.raised' }),
    );
    expect(
      (await w.c.p1Staff.post(`/api/objections/${objectionId}/answer`, { answer: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (
        await w.c.staff.post(`/api/objections/${objectionId}/answer`, {
          answer: '经复核，缺少护照原件',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await w.c.applicant.post(`/api/objections/${objectionId}/to-center`, { note: '不服' }))
        .statusCode,
    ).toBe(204);

    const open = (await w.c.center.get('/api/objections?state=with-center')).json();
    expect(open).toMatchObject([{ id: objectionId, windowAnswer: '经复核，缺少护照原件' }]);
    expect((await w.c.staff.get('/api/objections')).json()).toHaveLength(1);
    expect((await w.c.p1Staff.get('/api/objections')).json()).toHaveLength(0);
    expect(
      (await w.c.center.post(`/api/objections/${objectionId}/center-answer`, { answer: '维持' }))
        .statusCode,
    ).toBe(204);
    const events = (await w.c.applicant.get(`/api/cases/${id}`)).json().events;
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'filed-online',
      'take',
      'refuse',
      'objection-raised',
      'objection-answered',
      'objection-to-center',
      'objection-center-answered',
    ]);
  });

  it('R-CASE-9 a case handed to another unit’s window is held by the receiver only, with its history whole', async () => {
    const id = await fileAndTake(t, w, w.promised.itemId);
    const missing = await w.c.staff.post(`/api/cases/${id}/actions/hand-over`, {});
    expect(missing.statusCode).toBe(422);
    const handed = await w.c.staff.post(`/api/cases/${id}/actions/hand-over`, {
      toWindowId: w.otherWindow.id,
      reason: '属研究生院业务',
    });
    // The sender sees once where the case went, and can do nothing more with it.
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({ state: 'submitted', allowedActions: [] });
    expect(handed.json().holder.window.number).toBe(9);
    expect((await w.c.staff.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await w.c.staff.get('/api/cases')).json().total).toBe(0);

    const received = await w.c.p1Staff.get('/api/cases');
    expect(received.json().items).toMatchObject([{ id, state: 'submitted' }]);
    const detail = (await w.c.p1Staff.get(`/api/cases/${id}`)).json();
    expect(detail.events.map((event: { action: string }) => event.action)).toEqual([
      'filed-online',
      'take',
      'hand-over',
    ]);
    expect(detail.holder.window.number).toBe(9);
    expect(await noticesOf(t, w.accounts.p1Staff.id)).toContainEqual(
      expect.objectContaining({ kind: 'case.handed-over' }),
    );
  });
});

describe('deadline warnings', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ ...longSessions, smtpUrl: smtp.url });
    t.setNow('2026-03-02T02:00:00Z');
    w = await setUp(t);
  });
  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  async function acceptedCase(): Promise<string> {
    const id = await fileAndTake(t, w, w.promised.itemId);
    await w.c.staff.post(`/api/cases/${id}/actions/accept-promised`, {});
    return id; // accepted Mon 03-02 10:00, due Mon 03-09 17:30 (Shanghai)
  }

  it('R-CASE-3 warns the window, its lead and the center once when yellow and once when red, by e-mail too', async () => {
    const id = await acceptedCase();
    // The limit in office hours (7 a day): Mon 10:00–17:30 is 5 h, Tue–Fri 28 h, Mon 03-09 7 h,
    // 40 h in all. Yellow with a quarter (10 h) left: 7 h on 03-09 plus Fri 03-06 afternoon's
    // 3 h, so from the end of Friday morning, 12:00 in Shanghai (04:00 UTC).
    t.setNow('2026-03-06T03:59:00Z');
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 0, red: 0 });
    t.setNow('2026-03-06T04:00:00Z');
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 1, red: 0 });
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 0, red: 0 });
    expect((await w.c.staff.get(`/api/cases/${id}`)).json().dueStatus).toBe('yellow');

    t.setNow('2026-03-09T09:30:01Z');
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 0, red: 1 });
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 0, red: 0 });

    for (const account of [w.accounts.staff, w.accounts.leadLead, w.accounts.center]) {
      const kinds = (await noticesOf(t, account.id)).map((notice) => notice.kind).sort();
      expect(
        kinds.filter((kind) => kind.startsWith('case.due') || kind === 'case.overdue'),
      ).toEqual(['case.due-soon', 'case.overdue']);
    }
    const mailer = createMailer(smtp.url);
    if (!mailer) {
      throw new Error('no mailer');
    }
    await deliverPendingMail(t.deps, mailer);
    const subjects = smtp.messages.map((message) => message.subject ?? '');
    expect(subjects.filter((subject) => subject.includes('Case overdue'))).toHaveLength(1);
    expect(subjects.filter((subject) => subject.includes('Case due soon'))).toHaveLength(1);
  });

  it('R-CASE-3 a restart between a warning and the next sweep neither repeats nor loses a warning', async () => {
    await acceptedCase();
    t.setNow('2026-03-08T02:00:00Z');
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 1, red: 0 });

    // A restarted server holds nothing in memory: only what the database says.
    const restarted = { ...t.deps, now: () => new Date('2026-03-10T02:00:00Z') };
    expect(await sweepDeadlines(restarted)).toEqual({ yellow: 0, red: 1 });
    expect(await sweepDeadlines(restarted)).toEqual({ yellow: 0, red: 0 });
    expect(await t.deps.db.select().from(caseWarnings)).toHaveLength(2);
  });

  it('R-CASE-3 a case found already overdue gets its red warning, not a late yellow one', async () => {
    await acceptedCase();
    t.setNow('2026-03-12T02:00:00Z');
    expect(await sweepDeadlines(t.deps)).toEqual({ yellow: 0, red: 1 });
    const kinds = (await noticesOf(t, w.accounts.staff.id)).map((notice) => notice.kind);
    expect(kinds).not.toContain('case.due-soon');
  });

  it.runIf(process.env.TEST_DB === 'postgres')(
    'R-CASE-3 two server processes on one PostgreSQL send each warning once',
    async () => {
      await acceptedCase();
      const url = t.database.url;
      if (!url) {
        throw new Error('no database url');
      }
      const second = openPostgres(url, 4);
      const third = openPostgres(url, 4);
      try {
        const at = () => new Date('2026-03-10T02:00:00Z');
        const results = await Promise.all([
          sweepDeadlines({ ...t.deps, db: second.db, now: at }),
          sweepDeadlines({ ...t.deps, db: third.db, now: at }),
        ]);
        expect(results[0].red + results[1].red).toBe(1);
        const overdue = (await noticesOf(t, w.accounts.center.id)).filter(
          (notice) => notice.kind === 'case.overdue',
        );
        expect(overdue).toHaveLength(1);
      } finally {
        await second.close();
        await third.close();
      }
    },
  );
});

describe('due dates in a year the calendar does not know', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp(longSessions);
    t.setNow('2026-12-24T02:00:00Z'); // Thu 10:00 in Shanghai
    w = await setUp(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('R-CASE-3 are marked provisional and the center is told once to load the year', async () => {
    const first = await fileAndTake(t, w, w.promised.itemId);
    const second = await fileAndTake(t, w, w.promised.itemId);
    const accepted = await w.c.staff.post(`/api/cases/${first}/actions/accept-promised`, {});
    await w.c.staff.post(`/api/cases/${second}/actions/accept-promised`, {});
    // 5 working days after Thu 12-24: 25, 28, 29, 30, 31 → Thu 2026-12-31, known: not provisional.
    expect(accepted.json()).toMatchObject({
      dueAt: '2026-12-31T09:30:00.000Z',
      isDueProvisional: false,
    });

    const late = await fileAndTake(t, w, w.joint.itemId);
    const joint = await w.c.staff.post(`/api/cases/${late}/actions/accept-joint`, {
      way: 'simple',
    });
    // 10 working days reach into 2027, which the calendar does not know yet.
    expect(joint.json().isDueProvisional).toBe(true);
    const later = await fileAndTake(t, w, w.joint.itemId);
    await w.c.staff.post(`/api/cases/${later}/actions/accept-joint`, { way: 'simple' });
    const told = (await noticesOf(t, w.accounts.center.id)).filter(
      (notice) => notice.kind === 'calendar.year-unknown',
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.title).toContain('2027');
  });
});
