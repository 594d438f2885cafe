import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { isCenter, isUnitMember } from '../../platform/auth/guards.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { notify } from '../../platform/notifications/service.js';
import type { DbOrTx } from '../../db/client.js';
import { centerManagers, unitMembers } from './recipients.js';
import { cases, objections, type ObjectionState } from './schema.js';
import { insertEvent, lockCaseOrThrow } from './service.js';

type ObjectionRow = typeof objections.$inferSelect;

/** The applicant objects to the result of their closed case (Art. 16). */
export async function raiseObjection(deps: Deps, actor: Actor, caseId: string, text: string) {
  const now = deps.now();
  if (actor.role !== 'applicant') {
    throw new AppError('forbidden', 'the applicant raises objections');
  }
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    if (row.state !== 'completed' && row.state !== 'refused') {
      throw new AppError(
        'invalid-state',
        'an objection is to a result: the case is not closed yet',
        {
          details: { state: row.state },
        },
      );
    }
    const [open] = await tx
      .select({ id: objections.id })
      .from(objections)
      .where(
        and(eq(objections.caseId, caseId), inArray(objections.state, ['open', 'with-center'])),
      );
    if (open) {
      throw new AppError('conflict', 'an objection to this case is still open');
    }

    const [objection] = await tx
      .insert(objections)
      .values({ caseId, raisedBy: actor.id, text, raisedAt: now })
      .returning();
    await insertEvent(
      tx,
      caseId,
      actor,
      { action: 'objection-raised', fromState: row.state, toState: row.state, reason: text },
      now,
    );
    await notify(tx, {
      userIds: [
        ...(row.handlerId ? [row.handlerId] : []),
        ...(await unitMembers(tx, [row.unitId], ['window-lead'])),
      ],
      kind: 'objection.raised',
      title: `申请人对结果有异议 Objection to answer: ${row.trackingNo}`,
      body: text,
      link: `/cases/${caseId}`,
    });
    return objection;
  });
}

async function lockObjection(tx: DbOrTx, id: string): Promise<ObjectionRow> {
  const [row] = await tx.select().from(objections).where(eq(objections.id, id)).for('update');
  if (!row) {
    throw notFound('objection');
  }
  return row;
}

function requireState(objection: ObjectionRow, allowed: ObjectionState[]): void {
  if (!allowed.includes(objection.state)) {
    throw new AppError('invalid-state', `the objection is ${objection.state}`, {
      details: { state: objection.state },
    });
  }
}

/** The window that took the case must answer an objection with an explanation. */
export async function answerObjection(deps: Deps, actor: Actor, id: string, answer: string) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const objection = await lockObjection(tx, id);
    const row = await lockCaseOrThrow(tx, actor, objection.caseId);
    const isWindow =
      (actor.role === 'staff' || actor.role === 'window-lead') && actor.unitId === row.unitId;
    if (!isWindow) {
      throw new AppError('forbidden', 'the window that handled the case answers');
    }
    requireState(objection, ['open']);

    await tx
      .update(objections)
      .set({ state: 'answered', windowAnswer: answer, answeredBy: actor.id, answeredAt: now })
      .where(eq(objections.id, id));
    await insertEvent(
      tx,
      row.id,
      actor,
      { action: 'objection-answered', fromState: row.state, toState: row.state, reason: answer },
      now,
    );
    await notify(tx, {
      userIds: [objection.raisedBy],
      kind: 'objection.answered',
      title: `窗口已答复您的异议 The window answered: ${row.trackingNo}`,
      body: answer,
      link: `/cases/${row.id}`,
    });
  });
}

/** The applicant, not satisfied, takes the objection to the center. */
export async function takeObjectionToCenter(deps: Deps, actor: Actor, id: string, note: string) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const objection = await lockObjection(tx, id);
    if (actor.role !== 'applicant' || objection.raisedBy !== actor.id) {
      throw new AppError('forbidden', 'the applicant who objected takes it to the center');
    }
    requireState(objection, ['open', 'answered']);
    const row = await lockCaseOrThrow(tx, actor, objection.caseId);

    await tx
      .update(objections)
      .set({ state: 'with-center', takenToCenterAt: now })
      .where(eq(objections.id, id));
    await insertEvent(
      tx,
      row.id,
      actor,
      { action: 'objection-to-center', fromState: row.state, toState: row.state, reason: note },
      now,
    );
    await notify(tx, {
      userIds: await centerManagers(tx),
      kind: 'objection.to-center',
      title: `异议提交中心 Objection taken to the center: ${row.trackingNo}`,
      body: note || objection.text,
      link: `/cases/${row.id}`,
    });
  });
}

/** The center answers an objection brought to it, which closes it. */
export async function answerObjectionAsCenter(
  deps: Deps,
  actor: Actor,
  id: string,
  answer: string,
) {
  const now = deps.now();
  if (actor.role !== 'center') {
    throw new AppError('forbidden', 'the center answers here');
  }
  return deps.db.transaction(async (tx) => {
    const objection = await lockObjection(tx, id);
    requireState(objection, ['with-center']);
    const row = await lockCaseOrThrow(tx, actor, objection.caseId);
    await tx
      .update(objections)
      .set({
        state: 'closed',
        centerAnswer: answer,
        centerAnsweredBy: actor.id,
        centerAnsweredAt: now,
      })
      .where(eq(objections.id, id));
    await insertEvent(
      tx,
      row.id,
      actor,
      {
        action: 'objection-center-answered',
        fromState: row.state,
        toState: row.state,
        reason: answer,
      },
      now,
    );
    await notify(tx, {
      userIds: [objection.raisedBy],
      kind: 'objection.center-answered',
      title: `中心已答复您的异议 The center answered: ${row.trackingNo}`,
      body: answer,
      link: `/cases/${row.id}`,
    });
  });
}

/** Objections the actor may see: the center all, a unit its own cases', an applicant theirs. */
export async function listObjections(
  deps: Deps,
  actor: Actor,
  query: { state?: ObjectionState | undefined; caseId?: string | undefined },
) {
  const conditions: (SQL | undefined)[] = [
    query.state ? eq(objections.state, query.state) : undefined,
    query.caseId ? eq(objections.caseId, query.caseId) : undefined,
  ];
  if (!isCenter(actor)) {
    if (actor.role === 'applicant') {
      conditions.push(eq(objections.raisedBy, actor.id));
    } else if (isUnitMember(actor) && actor.unitId) {
      conditions.push(eq(cases.unitId, actor.unitId));
    } else {
      throw new AppError('forbidden', 'not allowed for your role');
    }
  }
  return deps.db
    .select({
      id: objections.id,
      caseId: objections.caseId,
      trackingNo: cases.trackingNo,
      text: objections.text,
      raisedAt: objections.raisedAt,
      state: objections.state,
      windowAnswer: objections.windowAnswer,
      answeredAt: objections.answeredAt,
      takenToCenterAt: objections.takenToCenterAt,
      centerAnswer: objections.centerAnswer,
      centerAnsweredAt: objections.centerAnsweredAt,
    })
    .from(objections)
    .innerJoin(cases, eq(cases.id, objections.caseId))
    .where(and(...conditions))
    .orderBy(desc(objections.raisedAt));
}
