import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHall,
  createPublishedItem,
  createUnit,
  createWindow,
} from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { notifications } from '../../platform/notifications/schema.js';

interface World {
  unitA: { id: string };
  unitB: { id: string };
  windowA1: { id: string };
  windowA2: { id: string };
  windowB: { id: string };
  staffA: TestUser;
  staffA2: TestUser;
  staffB: TestUser;
  leadB: TestUser;
  applicant: TestUser;
}

/** Two units in one hall: A with windows 1 and 2, B with window 3 and a window lead. */
async function buildWorld(t: TestApp): Promise<World> {
  const db = t.deps.db;
  const hall = await createHall(db);
  const unitA = await createUnit(db, { nameEn: 'Academic Affairs' });
  const unitB = await createUnit(db, { nameEn: 'Finance' });
  const windowA1 = await createWindow(db, { hallId: hall.id, unitId: unitA.id, number: 1 });
  const windowA2 = await createWindow(db, { hallId: hall.id, unitId: unitA.id, number: 2 });
  const windowB = await createWindow(db, { hallId: hall.id, unitId: unitB.id, number: 3 });
  return {
    unitA,
    unitB,
    windowA1,
    windowA2,
    windowB,
    staffA: await t.createUser({ role: 'staff', unitId: unitA.id, windowId: windowA1.id }),
    staffA2: await t.createUser({ role: 'staff', unitId: unitA.id, windowId: windowA2.id }),
    staffB: await t.createUser({ role: 'staff', unitId: unitB.id, windowId: windowB.id }),
    leadB: await t.createUser({ role: 'window-lead', unitId: unitB.id }),
    applicant: await t.createUser({ role: 'applicant' }),
  };
}

const listedIds = async (client: Client, query = '') => {
  const response = await client.get(`/api/consultations${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
};

describe('consultations: first-ask responsibility (Art. 14)', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterEach(async () => {
    await t.close();
  });

  /** Staff member A logs a question at window 1. */
  async function logAtWindowA(client: Client) {
    const response = await client.post('/api/consultations', {
      question: 'How do I get a transcript in English?',
      askerName: '张三',
      askerPhone: '13812345678',
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('R-CASE-9 a window consultation records the staff member who took it first', async () => {
    t.setNow('2026-03-02T02:00:00Z');
    const staffA = await t.signIn(w.staffA);

    const logged = await logAtWindowA(staffA);

    expect(logged).toMatchObject({
      channel: 'window',
      state: 'open',
      askerName: '张三',
      askerPhone: '13812345678',
      firstTaker: { id: w.staffA.id },
      firstTakenAt: '2026-03-02T02:00:00.000Z',
      firstWindow: { id: w.windowA1.id, number: 1 },
      holderUnit: { id: w.unitA.id },
      holderWindow: { id: w.windowA1.id },
      holderUser: { id: w.staffA.id },
      handovers: [],
    });
    expect(logged.allowedActions).toEqual(['answer', 'hand-over', 'mark-filed']);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'consultation'), eq(auditLog.entityId, logged.id)));
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([
      ['consultation.logged', w.staffA.id],
    ]);

    // Another unit does not see it; the center sees it with the phone masked.
    expect(
      (await (await t.signIn(w.staffB)).get(`/api/consultations/${logged.id}`)).statusCode,
    ).toBe(404);
    const center = await t.signIn(await t.createUser({ role: 'center' }));
    const seen = await center.get(`/api/consultations/${logged.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().askerPhone).toBe('138****5678');
    expect(seen.json().allowedActions).toEqual([]);
  });

  it('R-CASE-9 an online consultation is claimed by exactly one of two staff claiming at once', async () => {
    const item = await createPublishedItem(t.deps.db, { unitId: w.unitA.id });
    const applicant = await t.signIn(w.applicant);
    const asked = await applicant.post('/api/consultations', {
      question: 'Can I apply for this certificate online?',
      itemId: item.itemId,
    });
    expect(asked.statusCode).toBe(201);
    const { id } = asked.json();
    expect(asked.json()).toMatchObject({
      channel: 'online',
      state: 'open',
      firstTaker: null,
      holderUnit: { id: w.unitA.id },
      holderWindow: null,
      item: { id: item.itemId, name: { zh: '在读证明开具' } },
    });
    expect(await listedIds(applicant)).toEqual([id]);

    const staffA = await t.signIn(w.staffA);
    const staffA2 = await t.signIn(w.staffA2);
    expect(await listedIds(staffA2)).toEqual([id]);
    expect((await staffA.get(`/api/consultations/${id}`)).json().allowedActions).toEqual(['claim']);
    // Answering before anyone has taken it first is refused.
    expect(
      (await staffA.post(`/api/consultations/${id}/answer`, { answer: 'Yes' })).statusCode,
    ).toBe(409);

    const claims = await Promise.all([
      staffA.post(`/api/consultations/${id}/claim`),
      staffA2.post(`/api/consultations/${id}/claim`),
    ]);

    expect(claims.map((claim) => claim.statusCode).sort()).toEqual([200, 409]);
    const winnerIndex = claims.findIndex((claim) => claim.statusCode === 200);
    const winner = [w.staffA, w.staffA2][winnerIndex];
    const winnerWindow = [w.windowA1, w.windowA2][winnerIndex];
    const detail = await staffA.get(`/api/consultations/${id}`);
    expect(detail.json()).toMatchObject({
      firstTaker: { id: winner?.id },
      firstWindow: { id: winnerWindow?.id },
      holderWindow: { id: winnerWindow?.id },
      holderUser: { id: winner?.id },
    });
    const claimAudits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'consultation.claimed')));
    expect(claimAudits).toHaveLength(1);

    // A third claim later is a conflict too.
    const late = await (await t.signIn(w.staffA)).post(`/api/consultations/${id}/claim`);
    expect(late.statusCode).toBe(409);
  });

  it('R-CASE-9 an online question without an item waits in the center queue until claimed', async () => {
    const applicant = await t.signIn(w.applicant);
    const { id } = (
      await applicant.post('/api/consultations', { question: 'Where is the lost-and-found?' })
    ).json();
    const staffB = await t.signIn(w.staffB);
    const staffA = await t.signIn(w.staffA);
    expect(await listedIds(staffB)).toEqual([]);
    expect(await listedIds(staffB, '?scope=queue')).toEqual([id]);

    const claimed = await staffB.post(`/api/consultations/${id}/claim`);

    expect(claimed.statusCode).toBe(200);
    expect(claimed.json().holderUnit.id).toBe(w.unitB.id);
    expect(await listedIds(staffB)).toEqual([id]);
    expect(await listedIds(staffA, '?scope=queue')).toEqual([]);
    expect((await staffA.post(`/api/consultations/${id}/claim`)).statusCode).toBe(409);
  });

  it("R-CASE-9 a hand-over to another unit's window reaches it at once and stays on record", async () => {
    const staffA = await t.signIn(w.staffA);
    const staffB = await t.signIn(w.staffB);
    const logged = await logAtWindowA(staffA);
    expect(await listedIds(staffB)).toEqual([]);
    t.setNow('2026-03-02T02:10:00Z');

    const handed = await staffA.post(`/api/consultations/${logged.id}/hand-over`, {
      toWindowId: w.windowB.id,
      note: 'Fees are paid at Finance',
    });

    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({
      state: 'handed-over',
      firstTaker: { id: w.staffA.id },
      holderUnit: { id: w.unitB.id },
      holderWindow: { id: w.windowB.id, number: 3 },
      holderUser: null,
      allowedActions: [],
    });
    expect(await listedIds(staffB)).toEqual([logged.id]);
    expect(await listedIds(staffA)).toEqual([]);
    expect(await listedIds(staffA, '?scope=handed-away')).toEqual([logged.id]);

    const trail = await staffA.get(`/api/consultations/${logged.id}`);
    expect(trail.statusCode).toBe(200);
    expect(trail.json().askerPhone).toBe('138****5678');
    expect(trail.json().handovers).toEqual([
      expect.objectContaining({
        at: '2026-03-02T02:10:00.000Z',
        by: { id: w.staffA.id, displayName: w.staffA.displayName },
        fromUnit: expect.objectContaining({ id: w.unitA.id }),
        fromWindow: expect.objectContaining({ id: w.windowA1.id }),
        toUnit: expect.objectContaining({ id: w.unitB.id }),
        toWindow: expect.objectContaining({ id: w.windowB.id }),
        note: 'Fees are paid at Finance',
      }),
    ]);
    const atB = await staffB.get(`/api/consultations/${logged.id}`);
    expect(atB.json().askerPhone).toBe('13812345678');
    expect(atB.json().allowedActions).toEqual(['answer', 'hand-over', 'mark-filed']);

    const noticed = await t.deps.db
      .select({ userId: notifications.userId, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.kind, 'consultation.handed-over'));
    expect(noticed.map((row) => row.userId).sort()).toEqual([w.staffB.id, w.leadB.id].sort());
    expect(noticed[0]?.link).toBe(`/consultations/${logged.id}`);
  });

  it('R-CASE-9 after a hand-over the previous holder may not answer; the receiving window may', async () => {
    const staffA = await t.signIn(w.staffA);
    const staffB = await t.signIn(w.staffB);
    const logged = await logAtWindowA(staffA);
    await staffA.post(`/api/consultations/${logged.id}/hand-over`, { toWindowId: w.windowB.id });

    const refused = await staffA.post(`/api/consultations/${logged.id}/answer`, {
      answer: 'Come back tomorrow',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('Art. 14');
    expect(
      (
        await staffA.post(`/api/consultations/${logged.id}/hand-over`, {
          toWindowId: w.windowA2.id,
        })
      ).statusCode,
    ).toBe(403);

    t.setNow('2026-03-02T02:20:00Z');
    const answered = await staffB.post(`/api/consultations/${logged.id}/answer`, {
      answer: 'Pay at window 3 with your student card',
    });

    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      state: 'answered',
      answer: 'Pay at window 3 with your student card',
      answeredBy: { id: w.staffB.id },
      answeredAt: '2026-03-02T02:20:00.000Z',
    });
    expect(
      (await staffB.post(`/api/consultations/${logged.id}/answer`, { answer: 'again' })).statusCode,
    ).toBe(409);
  });

  it('R-CASE-9 the asker online is told of the answer and the consultation can become a case', async () => {
    const item = await createPublishedItem(t.deps.db, { unitId: w.unitA.id });
    const applicant = await t.signIn(w.applicant);
    const { id } = (
      await applicant.post('/api/consultations', { question: 'Which forms?', itemId: item.itemId })
    ).json();
    const staffA = await t.signIn(w.staffA);
    await staffA.post(`/api/consultations/${id}/claim`);

    expect(
      (await staffA.post(`/api/consultations/${id}/answer`, { answer: 'Form 3' })).statusCode,
    ).toBe(200);
    const told = await t.deps.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.applicant.id),
          eq(notifications.kind, 'consultation.answered'),
        ),
      );
    expect(told).toHaveLength(1);

    const unknownCase = await staffA.post(`/api/consultations/${id}/mark-filed`, {
      caseId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownCase.statusCode).toBe(422);
    expect(unknownCase.json().issues).toEqual([{ path: 'caseId', message: 'no case has this id' }]);
    const filed = await staffA.post(`/api/consultations/${id}/mark-filed`, {});
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ state: 'filed', caseId: null, allowedActions: [] });
    expect((await staffA.post(`/api/consultations/${id}/mark-filed`, {})).statusCode).toBe(409);
  });

  it('R-CASE-9 refuses the anonymous (401) and roles that may not write (403)', async () => {
    const staffA = await t.signIn(w.staffA);
    const logged = await logAtWindowA(staffA);
    const auditor = await t.signIn(await t.createUser({ role: 'auditor' }));
    const unitAdmin = await t.signIn(
      await t.createUser({ role: 'unit-admin', unitId: w.unitA.id }),
    );
    const applicant = await t.signIn(w.applicant);

    expect((await t.anonymous.get('/api/consultations')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/consultations', { question: 'Hi' })).statusCode).toBe(401);
    expect((await auditor.post('/api/consultations', { question: 'Hi' })).statusCode).toBe(403);
    expect(
      (await auditor.post(`/api/consultations/${logged.id}/answer`, { answer: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (
        await unitAdmin.post(`/api/consultations/${logged.id}/hand-over`, {
          toWindowId: w.windowB.id,
        })
      ).statusCode,
    ).toBe(403);
    expect((await applicant.post(`/api/consultations/${logged.id}/claim`)).statusCode).toBe(403);
    // Another staff member at the same unit did not take it first.
    const staffA2 = await t.signIn(w.staffA2);
    expect(
      (await staffA2.post(`/api/consultations/${logged.id}/answer`, { answer: 'x' })).statusCode,
    ).toBe(403);
    // Reading stays open to the auditor and the unit's supervisor; not to other applicants.
    expect(await listedIds(auditor)).toEqual([logged.id]);
    expect(await listedIds(unitAdmin)).toEqual([logged.id]);
    expect((await applicant.get(`/api/consultations/${logged.id}`)).statusCode).toBe(404);
  });

  it('R-CASE-9 rejects bad input with 422 and every field named', async () => {
    const staffA = await t.signIn(w.staffA);
    const applicant = await t.signIn(w.applicant);

    const missing = await staffA.post('/api/consultations', { askerName: '李四' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().issues.map((issue: { path: string }) => issue.path)).toEqual([
      'body.question',
    ]);
    const noName = await staffA.post('/api/consultations', { question: 'Hours?' });
    expect(noName.statusCode).toBe(422);
    expect(noName.json().issues[0].path).toBe('askerName');
    const noItem = await applicant.post('/api/consultations', {
      question: 'Hours?',
      itemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noItem.statusCode).toBe(422);
    expect(noItem.json().issues[0].path).toBe('itemId');

    const logged = await logAtWindowA(staffA);
    const unknownWindow = await staffA.post(`/api/consultations/${logged.id}/hand-over`, {
      toWindowId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownWindow.statusCode).toBe(422);
    expect(unknownWindow.json().issues[0].path).toBe('toWindowId');
    const notAnId = await staffA.post(`/api/consultations/${logged.id}/hand-over`, {
      toWindowId: 'window-3',
    });
    expect(notAnId.statusCode).toBe(422);
    const emptyAnswer = await staffA.post(`/api/consultations/${logged.id}/answer`, {
      answer: ' ',
    });
    expect(emptyAnswer.statusCode).toBe(422);
    expect((await staffA.get('/api/consultations/not-a-uuid')).statusCode).toBe(422);
    expect(
      (await staffA.get('/api/consultations/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});
