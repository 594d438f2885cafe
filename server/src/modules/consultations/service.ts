import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/schema.js';
import { isCenter, isUnitMember } from '../../platform/auth/guards.js';
import { AppError, invalidInput, notFound } from '../../platform/errors/app-error.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { notify } from '../../platform/notifications/service.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { cases } from '../cases/schema.js';
import { canSeeCase } from '../cases/service.js';
import type { LocalText } from '../catalog/content.js';
import { items, itemVersions } from '../catalog/schema.js';
import { halls, units, windows } from '../org/schema.js';
import { consultationHandovers, consultations, type ConsultationState } from './schema.js';

type ConsultationRow = typeof consultations.$inferSelect;

export const consultationActions = ['claim', 'answer', 'hand-over', 'mark-filed'] as const;
export type ConsultationAction = (typeof consultationActions)[number];

export interface AskInput {
  question: string;
  /** Required when staff log a question asked at their window. */
  askerName?: string | undefined;
  askerPhone?: string | undefined;
  itemId?: string | undefined;
}

export interface HandOverInput {
  toWindowId: string;
  note: string;
}

export type ConsultationScope = 'queue' | 'handed-away';

export interface ConsultationListQuery {
  state?: ConsultationState | undefined;
  scope?: ConsultationScope | undefined;
  page: number;
  pageSize: number;
}

const article = 'Art. 14';
const workingStates: readonly ConsultationState[] = ['open', 'handed-over'];

const isWindowWorker = (actor: Actor) => actor.role === 'staff' || actor.role === 'window-lead';

/** Waiting online for its first taker: nobody has claimed it yet. */
const isUnclaimed = (row: ConsultationRow) => row.firstTakerId === null;

/**
 * Whether the actor holds the consultation now and so may answer, hand over or file it. Before
 * any hand-over the first taker holds it in person; afterwards the receiving window does, so any
 * of its staff may act. The window lead may act for every window of the unit.
 */
export function isHolder(actor: Actor, row: ConsultationRow): boolean {
  if (!isWindowWorker(actor) || !actor.unitId || row.holderUnitId !== actor.unitId) {
    return false;
  }
  if (isUnclaimed(row)) {
    return false;
  }
  if (actor.role === 'window-lead') {
    return true;
  }
  if (row.holderUserId) {
    return row.holderUserId === actor.id;
  }
  return row.holderWindowId !== null && row.holderWindowId === actor.windowId;
}

function mayClaim(actor: Actor, row: ConsultationRow): boolean {
  return (
    isWindowWorker(actor) &&
    actor.unitId !== null &&
    isUnclaimed(row) &&
    row.state === 'open' &&
    (row.holderUnitId === null || row.holderUnitId === actor.unitId)
  );
}

/** The steps the actor can take on the consultation now. */
export function actionsFor(actor: Actor, row: ConsultationRow): ConsultationAction[] {
  const isWorking = workingStates.includes(row.state) && isHolder(actor, row);
  const allowed: Record<ConsultationAction, boolean> = {
    claim: mayClaim(actor, row),
    answer: isWorking,
    'hand-over': isWorking,
    'mark-filed': row.state !== 'filed' && isHolder(actor, row),
  };
  return consultationActions.filter((action) => allowed[action]);
}

const inCenterQueue = and(isNull(consultations.holderUnitId), isNull(consultations.firstTakerId));

function handedAwayBy(unitId?: string): SQL {
  const handedOn = and(
    eq(consultationHandovers.consultationId, consultations.id),
    unitId ? eq(consultationHandovers.fromUnitId, unitId) : undefined,
  );
  return sql`exists (select 1 from ${consultationHandovers} where ${handedOn})`;
}

/** Whether a unit held the consultation before and handed it on; it may still read it. */
async function hasUnitHeld(db: DbOrTx, consultationId: string, unitId: string) {
  const [row] = await db
    .select({ id: consultationHandovers.id })
    .from(consultationHandovers)
    .where(
      and(
        eq(consultationHandovers.consultationId, consultationId),
        eq(consultationHandovers.fromUnitId, unitId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * The asker, the unit holding it, units that held it before (read-only), the center; window
 * staff also see unclaimed questions in the center's queue so that someone can take them.
 */
async function canSee(db: DbOrTx, actor: Actor, row: ConsultationRow): Promise<boolean> {
  if (isCenter(actor)) {
    return true;
  }
  if (actor.role === 'applicant') {
    return row.askerUserId === actor.id;
  }
  if (!isUnitMember(actor) || !actor.unitId) {
    return false;
  }
  if (row.holderUnitId === actor.unitId) {
    return true;
  }
  if (row.holderUnitId === null && isUnclaimed(row)) {
    return true;
  }
  return hasUnitHeld(db, row.id, actor.unitId);
}

function listFilter(actor: Actor, scope: ConsultationScope | undefined): SQL | undefined {
  const scoped = (unitId?: string) =>
    scope === 'queue' ? inCenterQueue : scope === 'handed-away' ? handedAwayBy(unitId) : undefined;
  if (isCenter(actor)) {
    return scoped();
  }
  if (actor.role === 'applicant') {
    return and(eq(consultations.askerUserId, actor.id), scoped());
  }
  if (!isUnitMember(actor) || !actor.unitId) {
    return sql`false`;
  }
  if (scope === 'queue') {
    return inCenterQueue;
  }
  if (scope === 'handed-away') {
    return and(
      handedAwayBy(actor.unitId),
      sql`${consultations.holderUnitId} is distinct from ${actor.unitId}`,
    );
  }
  return eq(consultations.holderUnitId, actor.unitId);
}

async function lockOrThrow(db: DbOrTx, actor: Actor, id: string): Promise<ConsultationRow> {
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id)).for('update');
  if (!row || !(await canSee(db, actor, row))) {
    throw notFound('consultation');
  }
  return row;
}

/** Answer, hand-over and filing need the consultation in hand, held by the actor. */
function checkHolder(actor: Actor, row: ConsultationRow, action: ConsultationAction): void {
  const states: readonly ConsultationState[] =
    action === 'mark-filed' ? ['open', 'handed-over', 'answered'] : workingStates;
  if (!states.includes(row.state)) {
    throw new AppError('invalid-state', `a consultation that is ${row.state} cannot ${action}`, {
      details: { state: row.state, allowedActions: actionsFor(actor, row) },
    });
  }
  if (isUnclaimed(row)) {
    throw new AppError(
      'invalid-state',
      `claim the consultation first: its first taker owns the answer (${article})`,
    );
  }
  if (!isHolder(actor, row)) {
    throw new AppError(
      'forbidden',
      `only the window holding the consultation may ${action} it (${article})`,
    );
  }
}

async function getPublishedItemUnit(db: DbOrTx, itemId: string): Promise<{ unitId: string }> {
  const [item] = await db
    .select({ unitId: items.unitId, publishedVersion: items.publishedVersion })
    .from(items)
    .where(eq(items.id, itemId));
  if (!item || item.publishedVersion === null) {
    throw invalidInput([{ path: 'itemId', message: 'no published item has this id' }]);
  }
  return { unitId: item.unitId };
}

/**
 * Logs a question (R-CASE-9). Asked at a window, the staff member logging it is its first
 * taker and holds it; asked online, it waits for the item's unit (or the center's queue when
 * no item is named) until someone claims it.
 */
export async function askConsultation(deps: Deps, actor: Actor, input: AskInput) {
  const now = deps.now();
  const isAtWindow = isWindowWorker(actor);
  if (actor.role !== 'applicant' && !isAtWindow) {
    throw new AppError('forbidden', 'only applicants and window staff log consultations');
  }
  if (isAtWindow && !actor.unitId) {
    throw new AppError('forbidden', 'you belong to no unit, so you cannot take consultations');
  }
  if (isAtWindow && !input.askerName?.trim()) {
    throw invalidInput([{ path: 'askerName', message: "the asker's name is required" }]);
  }

  return deps.db.transaction(async (tx) => {
    const item = input.itemId ? await getPublishedItemUnit(tx, input.itemId) : null;
    const [row] = await tx
      .insert(consultations)
      .values(
        isAtWindow
          ? {
              channel: 'window',
              question: input.question,
              askerName: (input.askerName ?? '').trim(),
              askerPhone: input.askerPhone ?? null,
              itemId: input.itemId ?? null,
              firstTakerId: actor.id,
              firstTakenAt: now,
              firstWindowId: actor.windowId,
              holderUnitId: actor.unitId,
              holderWindowId: actor.windowId,
              holderUserId: actor.id,
              createdAt: now,
              updatedAt: now,
            }
          : {
              channel: 'online',
              question: input.question,
              askerName: actor.displayName,
              askerUserId: actor.id,
              askerPhone: input.askerPhone ?? null,
              itemId: input.itemId ?? null,
              holderUnitId: item?.unitId ?? null,
              createdAt: now,
              updatedAt: now,
            },
      )
      .returning();
    if (!row) {
      throw new Error('insert returned no row');
    }

    await recordAudit(tx, {
      actorId: actor.id,
      action: isAtWindow ? 'consultation.logged' : 'consultation.asked',
      entity: 'consultation',
      entityId: row.id,
      detail: { channel: row.channel, itemId: row.itemId, holderUnitId: row.holderUnitId },
    });
    return row.id;
  });
}

/**
 * Takes an online question first. The row is locked, so of two staff claiming at once the
 * second waits, then finds it taken.
 */
export async function claimConsultation(deps: Deps, actor: Actor, id: string) {
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(consultations)
      .where(eq(consultations.id, id))
      .for('update');
    if (!row) {
      throw notFound('consultation');
    }
    // Checked before visibility: a queue question claimed by another unit has left this
    // unit's sight, yet the loser of the race must learn it lost rather than that it vanished.
    if (!isUnclaimed(row)) {
      throw new AppError('conflict', `this consultation has already been taken (${article})`);
    }
    if (!(await canSee(tx, actor, row))) {
      throw notFound('consultation');
    }
    if (!mayClaim(actor, row)) {
      throw new AppError('forbidden', 'only window staff of the unit asked may claim it');
    }

    await tx
      .update(consultations)
      .set({
        firstTakerId: actor.id,
        firstTakenAt: now,
        firstWindowId: actor.windowId,
        holderUnitId: actor.unitId,
        holderWindowId: actor.windowId,
        holderUserId: actor.id,
        updatedAt: now,
      })
      .where(eq(consultations.id, id));

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.claimed',
      entity: 'consultation',
      entityId: id,
      detail: { unitId: actor.unitId, windowId: actor.windowId },
    });
  });
}

export async function answerConsultation(deps: Deps, actor: Actor, id: string, answer: string) {
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const row = await lockOrThrow(tx, actor, id);
    checkHolder(actor, row, 'answer');

    await tx
      .update(consultations)
      .set({ state: 'answered', answer, answeredBy: actor.id, answeredAt: now, updatedAt: now })
      .where(eq(consultations.id, id));

    if (row.askerUserId) {
      await notify(tx, {
        userIds: [row.askerUserId],
        kind: 'consultation.answered',
        title: 'Your question has been answered / 您的咨询已答复',
        body: answer,
        link: `/consultations/${id}`,
        dedupeKey: `consultation.answered:${id}`,
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.answered',
      entity: 'consultation',
      entityId: id,
      detail: { from: row.state, to: 'answered' },
    });
  });
}

/** Window staff who should see a consultation handed to a window: its staff and the unit lead. */
async function receiversOf(db: DbOrTx, window: { id: string; unitId: string }) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.isDisabled, false),
        or(
          and(eq(users.windowId, window.id), inArray(users.role, ['staff', 'window-lead'])),
          and(eq(users.unitId, window.unitId), eq(users.role, 'window-lead')),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Hands the consultation to a named window, of this unit or another (Art. 14: guide the asker
 * to the right window). The receiving window holds it from this moment and is notified; the
 * hand-over is kept, and the previous holder can only read it from now on.
 */
export async function handOverConsultation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: HandOverInput,
) {
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const row = await lockOrThrow(tx, actor, id);
    checkHolder(actor, row, 'hand-over');
    const [target] = await tx
      .select({ id: windows.id, unitId: windows.unitId, number: windows.number })
      .from(windows)
      .where(eq(windows.id, input.toWindowId));
    if (!target) {
      throw invalidInput([{ path: 'toWindowId', message: 'no window has this id' }]);
    }
    if (target.id === row.holderWindowId) {
      throw invalidInput([{ path: 'toWindowId', message: 'the consultation is at this window' }]);
    }
    // isHolder guarantees a holding unit; the check keeps the type honest.
    if (!row.holderUnitId) {
      throw new Error('a held consultation has a holding unit');
    }

    const [handover] = await tx
      .insert(consultationHandovers)
      .values({
        consultationId: id,
        fromUserId: actor.id,
        fromWindowId: row.holderWindowId ?? actor.windowId,
        fromUnitId: row.holderUnitId,
        toWindowId: target.id,
        toUnitId: target.unitId,
        note: input.note,
        at: now,
      })
      .returning({ id: consultationHandovers.id });
    if (!handover) {
      throw new Error('insert returned no row');
    }
    await tx
      .update(consultations)
      .set({
        state: 'handed-over',
        holderUnitId: target.unitId,
        holderWindowId: target.id,
        holderUserId: null,
        updatedAt: now,
      })
      .where(eq(consultations.id, id));

    await notify(tx, {
      userIds: (await receiversOf(tx, target)).filter((userId) => userId !== actor.id),
      kind: 'consultation.handed-over',
      title: `A consultation was handed to window ${target.number} / 咨询已转交至 ${target.number} 号窗口`,
      body: [row.question, input.note].filter(Boolean).join('\n\n'),
      link: `/consultations/${id}`,
      dedupeKey: `consultation.handed-over:${handover.id}`,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.handed-over',
      entity: 'consultation',
      entityId: id,
      detail: {
        handoverId: handover.id,
        fromUnitId: row.holderUnitId,
        fromWindowId: row.holderWindowId,
        toUnitId: target.unitId,
        toWindowId: target.id,
      },
    });
  });
}

/** Records that the consultation became a case, linking the case when there is one. */
export async function markConsultationFiled(
  deps: Deps,
  actor: Actor,
  id: string,
  caseId: string | undefined,
) {
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const row = await lockOrThrow(tx, actor, id);
    checkHolder(actor, row, 'mark-filed');
    if (caseId) {
      const [found] = await tx
        .select({ id: cases.id, applicantId: cases.applicantId, unitId: cases.unitId })
        .from(cases)
        .where(eq(cases.id, caseId));
      // A case the actor may not see is, for them, no case at all.
      if (!found || !canSeeCase(actor, found)) {
        throw invalidInput([{ path: 'caseId', message: 'no case has this id' }]);
      }
    }

    await tx
      .update(consultations)
      .set({
        state: 'filed',
        caseId: caseId ?? null,
        filedBy: actor.id,
        filedAt: now,
        updatedAt: now,
      })
      .where(eq(consultations.id, id));

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.filed',
      entity: 'consultation',
      entityId: id,
      detail: { from: row.state, to: 'filed', caseId: caseId ?? null },
    });
  });
}

/** Loads the rows named once, then answers id → row (null for no id or a missing row). */
async function lookUp<T extends { id: string }>(
  ids: (string | null)[],
  load: (wanted: string[]) => Promise<T[]>,
) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = wanted.length === 0 ? [] : await load(wanted);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (id: string | null) => (id ? (byId.get(id) ?? null) : null);
}

const loadPeople = (db: DbOrTx, ids: (string | null)[]) =>
  lookUp(ids, async (wanted) =>
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, wanted)),
  );

const loadUnits = (db: DbOrTx, ids: (string | null)[]) =>
  lookUp(ids, async (wanted) =>
    db
      .select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn })
      .from(units)
      .where(inArray(units.id, wanted)),
  );

const loadWindows = (db: DbOrTx, ids: (string | null)[]) =>
  lookUp(ids, async (wanted) =>
    db
      .select({
        id: windows.id,
        number: windows.number,
        nameZh: windows.nameZh,
        nameEn: windows.nameEn,
        hallNameZh: halls.nameZh,
        hallNameEn: halls.nameEn,
        unit: { id: units.id, nameZh: units.nameZh, nameEn: units.nameEn },
      })
      .from(windows)
      .innerJoin(halls, eq(halls.id, windows.hallId))
      .innerJoin(units, eq(units.id, windows.unitId))
      .where(inArray(windows.id, wanted)),
  );

async function describeConsultations(db: DbOrTx, actor: Actor, rows: ConsultationRow[]) {
  const windowOf = await loadWindows(
    db,
    rows.flatMap((row) => [row.holderWindowId, row.firstWindowId]),
  );
  const unitOf = await loadUnits(
    db,
    rows.map((row) => row.holderUnitId),
  );
  const personOf = await loadPeople(
    db,
    rows.flatMap((row) => [row.firstTakerId, row.holderUserId, row.answeredBy]),
  );
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    question: row.question,
    askerName: row.askerName,
    // Only the unit that must reach the asker sees the number in full.
    askerPhone:
      isUnitMember(actor) && actor.unitId !== null && actor.unitId === row.holderUnitId
        ? row.askerPhone
        : maskPhone(row.askerPhone),
    itemId: row.itemId,
    state: row.state,
    firstTaker: personOf(row.firstTakerId),
    firstTakenAt: row.firstTakenAt,
    firstWindow: windowOf(row.firstWindowId),
    holderUnit: unitOf(row.holderUnitId),
    holderWindow: windowOf(row.holderWindowId),
    holderUser: personOf(row.holderUserId),
    answer: row.answer,
    answeredBy: personOf(row.answeredBy),
    answeredAt: row.answeredAt,
    caseId: row.caseId,
    filedAt: row.filedAt,
    createdAt: row.createdAt,
    allowedActions: actionsFor(actor, row),
  }));
}

/** The consultations an actor may see, newest first (R-CASE-9). */
export async function listConsultations(deps: Deps, actor: Actor, query: ConsultationListQuery) {
  const where = and(
    listFilter(actor, query.scope),
    query.state ? eq(consultations.state, query.state) : undefined,
  );
  const rows = await deps.db
    .select()
    .from(consultations)
    .where(where)
    .orderBy(desc(consultations.createdAt), desc(consultations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await deps.db.select({ value: count() }).from(consultations).where(where);
  return { total: total?.value ?? 0, items: await describeConsultations(deps.db, actor, rows) };
}

/** A consultation with the item asked about and its hand-over trail. */
export async function getConsultationDetail(deps: Deps, actor: Actor, id: string) {
  const { db } = deps;
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id));
  if (!row || !(await canSee(db, actor, row))) {
    throw notFound('consultation');
  }

  const [item] = row.itemId
    ? await db
        .select({ id: items.id, code: items.code, content: itemVersions.content })
        .from(items)
        .leftJoin(
          itemVersions,
          and(eq(itemVersions.itemId, items.id), eq(itemVersions.version, items.publishedVersion)),
        )
        .where(eq(items.id, row.itemId))
    : [];
  const handovers = await db
    .select()
    .from(consultationHandovers)
    .where(eq(consultationHandovers.consultationId, id))
    .orderBy(consultationHandovers.at, consultationHandovers.id);
  const windowOf = await loadWindows(
    db,
    handovers.flatMap((handover) => [handover.fromWindowId, handover.toWindowId]),
  );
  const unitOf = await loadUnits(
    db,
    handovers.flatMap((handover) => [handover.fromUnitId, handover.toUnitId]),
  );
  const personOf = await loadPeople(
    db,
    handovers.map((handover) => handover.fromUserId),
  );
  const [summary] = await describeConsultations(db, actor, [row]);
  if (!summary) {
    throw new Error('describe returned nothing');
  }

  const itemName: LocalText | null = item?.content?.name ?? null;
  return {
    ...summary,
    item: item ? { id: item.id, code: item.code, name: itemName } : null,
    handovers: handovers.map((handover) => ({
      id: handover.id,
      at: handover.at,
      by: personOf(handover.fromUserId),
      fromUnit: unitOf(handover.fromUnitId),
      fromWindow: windowOf(handover.fromWindowId),
      toUnit: unitOf(handover.toUnitId),
      toWindow: windowOf(handover.toWindowId),
      note: handover.note,
    })),
  };
}

/** Consultations per state in the actor's view, for the work list's tabs. */
export async function countConsultationsByState(deps: Deps, actor: Actor) {
  const rows = await deps.db
    .select({ state: consultations.state, value: count() })
    .from(consultations)
    .where(listFilter(actor, undefined))
    .groupBy(consultations.state);
  return Object.fromEntries(rows.map((row) => [row.state, row.value]));
}
