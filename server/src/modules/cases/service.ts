import { and, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isCenter, isUnitMember } from '../../platform/auth/guards.js';
import type { WorkingCalendar } from '../../platform/calendar/calendar.js';
import { loadCalendar } from '../../platform/calendar/service.js';
import { notify, type Notice } from '../../platform/notifications/service.js';
import {
  AppError,
  invalidInput,
  notFound,
  ruleViolation,
  type FieldIssue,
} from '../../platform/errors/app-error.js';
import { files } from '../../platform/files/schema.js';
import { checkUpload, storeUpload, type Upload } from '../../platform/files/service.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { ItemContent } from '../catalog/content.js';
import { itemParticipants, items, itemVersions } from '../catalog/schema.js';
import { getPublishedItemOrThrow } from '../catalog/service.js';
import { halls, units, windows } from '../org/schema.js';
import { dueStatus, type ShareLeft } from './deadline.js';
import { checkForm, checkMaterials } from './form.js';
import {
  allowedActions,
  nextState,
  transitions,
  type CaseAction,
  type CaseState,
} from './machine.js';
import {
  caseEvents,
  caseMaterials,
  caseParticipants,
  cases,
  jointReviews,
  supplementNotices,
  type NoticeEntry,
} from './schema.js';
import { centerManagers, unitDeciders, unitMembers, windowStaff } from './recipients.js';
import { campusesOfWindows } from './sweep.js';
import { makeTrackingNo } from './tracking-number.js';

type CaseRow = typeof cases.$inferSelect;

export interface FilingInput {
  itemId: string;
  form: Record<string, unknown>;
  /** Required when staff file at a window on the applicant's behalf. */
  applicantName?: string | undefined;
  applicantPhone?: string | undefined;
  materials: (Upload & { materialKey: string })[];
}

export interface ActionInput {
  reason?: string | undefined;
  rule?: string | undefined;
  note?: string | undefined;
  /** accept-joint: the simple way (sign-offs) or the complex way (a center meeting). */
  way?: 'simple' | 'complex' | undefined;
  /** escalate: the outside or higher authority the case is reported to. */
  authority?: string | undefined;
  /** request-supplement: every missing material and step, given at once. */
  entries?: NoticeEntry[] | undefined;
  /** hand-over: the window that should hold the case. */
  toWindowId?: string | undefined;
  /** resubmit: the materials the applicant now supplies. */
  materials?: (Upload & { materialKey: string })[] | undefined;
}

const staffActions: readonly CaseAction[] = [
  'take',
  'complete-immediately',
  'accept-promised',
  'accept-joint',
  'escalate',
  'request-supplement',
  'complete',
  'refuse',
  'hand-over',
];
const applicantActions: readonly CaseAction[] = ['resubmit', 'withdraw'];

/** Whether an actor may see a case at all; a case they may not see does not exist for them. */
export function canSeeCase(
  actor: Actor,
  row: Pick<CaseRow, 'applicantId' | 'unitId'>,
  participantUnitIds: readonly string[] = [],
): boolean {
  if (isCenter(actor)) {
    return true;
  }
  if (actor.role === 'applicant') {
    return row.applicantId === actor.id;
  }
  if (!isUnitMember(actor) || !actor.unitId) {
    return false;
  }
  return row.unitId === actor.unitId || participantUnitIds.includes(actor.unitId);
}

export async function participantUnitsOf(db: DbOrTx, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: caseParticipants.unitId })
    .from(caseParticipants)
    .where(eq(caseParticipants.caseId, caseId));
  return rows.map((row) => row.unitId);
}

/** Loads a case for change, locked to this transaction; 404 when the actor may not see it. */
export async function lockCaseOrThrow(tx: DbOrTx, actor: Actor, caseId: string): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row || !canSeeCase(actor, row, await participantUnitsOf(tx, caseId))) {
    throw notFound('case');
  }
  return row;
}

/** Whether the actor's role and relation to the case let them take this step. */
function mayAct(actor: Actor, row: CaseRow, action: CaseAction): boolean {
  if (applicantActions.includes(action)) {
    return actor.role === 'applicant' && row.applicantId === actor.id;
  }
  if (!staffActions.includes(action)) {
    return false;
  }
  const isWindowWorker = actor.role === 'staff' || actor.role === 'window-lead';
  if (!isWindowWorker || row.unitId !== actor.unitId) {
    return false;
  }
  // Staff act on the cases they took; the window lead may act on any case of the unit; a case
  // nobody has taken yet may be taken or handed on by any window of the unit.
  if (actor.role === 'window-lead' || row.handlerId === actor.id) {
    return true;
  }
  return row.handlerId === null && (action === 'take' || action === 'hand-over');
}

/** The steps this actor can take on the case now. */
export function actionsFor(actor: Actor, row: CaseRow): CaseAction[] {
  return allowedActions(row.state).filter(
    (action) =>
      mayAct(actor, row, action) &&
      // Art. 15(1): completing on the spot is offered only for items promised on the spot.
      (action !== 'complete-immediately' || row.limit.kind === 'on-the-spot'),
  );
}

function isIntakeOpen(content: ItemContent, at: Date): { isOpen: boolean; why: string } {
  const local = DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' });
  const { months, weekdays } = content.intake;
  if (months.length > 0 && !months.includes(local.month)) {
    return { isOpen: false, why: `this item is taken only in months ${months.join(', ')}` };
  }
  if (weekdays.length > 0 && !weekdays.includes(local.weekday)) {
    return { isOpen: false, why: `this item is taken only on weekdays ${weekdays.join(', ')}` };
  }
  return { isOpen: true, why: '' };
}

export async function insertEvent(
  db: DbOrTx,
  caseId: string,
  actor: Actor,
  event: {
    action: string;
    fromState: CaseState | null;
    toState: CaseState;
    reason?: string | null | undefined;
    detail?: Record<string, unknown>;
  },
  at: Date,
): Promise<void> {
  await db.insert(caseEvents).values({
    caseId,
    at,
    actorId: actor.id,
    actorName: actor.displayName,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    reason: event.reason ?? null,
    detail: event.detail ?? {},
  });
}

/**
 * Files a case (R-CASE-1): online by the applicant, or at a window by staff on the
 * applicant's behalf, in which case the window takes it at once.
 */
export async function fileCase(deps: Deps, actor: Actor, input: FilingInput): Promise<CaseRow> {
  const now = deps.now();
  const isWindowFiling = actor.role === 'staff' || actor.role === 'window-lead';
  if (actor.role !== 'applicant' && !isWindowFiling) {
    throw new AppError('forbidden', 'only applicants and window staff file cases');
  }

  const published = await getPublishedItemOrThrow(deps.db, input.itemId);
  const { item, content } = published;
  const issues: FieldIssue[] = [];

  if (isWindowFiling) {
    if (item.unitId !== actor.unitId) {
      throw new AppError('forbidden', 'a window files cases only for the items of its own unit');
    }
    if (!input.applicantName?.trim()) {
      issues.push({ path: 'applicantName', message: "the applicant's name is required" });
    }
  } else if (item.channel === 'hall') {
    throw ruleViolation('Art. 6', 'this item is handled at a hall window, not online');
  } else if (actor.applicantKind && !content.applicantTypes.includes(actor.applicantKind)) {
    // The sheet names who may apply (Art. 13); the window may still file for others in person.
    throw ruleViolation('Art. 13', `this item is for: ${content.applicantTypes.join(', ')}`, {
      issues: [{ path: 'itemId', message: 'not open to your kind of applicant' }],
    });
  }

  const intake = isIntakeOpen(content, now);
  if (!intake.isOpen) {
    throw new AppError('rule-violation', intake.why, {
      issues: [{ path: 'itemId', message: intake.why }],
    });
  }

  const form = checkForm(content.form, input.form);
  issues.push(...form.issues);
  // At a window the staff see the paper originals; online, the uploads stand in for them.
  if (!isWindowFiling) {
    issues.push(
      ...checkMaterials(
        content,
        input.materials.map((file) => file.materialKey),
      ),
    );
  }
  if (issues.length > 0) {
    throw invalidInput(issues);
  }

  // Every file is checked before anything is written, so a bad one loses nothing.
  const mimes = await Promise.all(input.materials.map((upload) => checkUpload(deps, upload)));

  return deps.db.transaction(async (tx) => {
    const state: CaseState = isWindowFiling ? 'reviewing' : 'submitted';
    const [row] = await tx
      .insert(cases)
      .values({
        trackingNo: makeTrackingNo(now),
        itemId: item.id,
        itemVersion: published.version,
        unitId: item.unitId,
        windowId: isWindowFiling ? actor.windowId : null,
        handlerId: isWindowFiling ? actor.id : null,
        applicantId: isWindowFiling ? null : actor.id,
        // Online, the account's name unless the applicant files for someone else by name.
        applicantName: input.applicantName?.trim() || actor.displayName,
        applicantPhone: input.applicantPhone ?? null,
        channel: isWindowFiling ? 'window' : 'online',
        filedBy: actor.id,
        state,
        formData: form.data,
        limit: content.limit,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) {
      throw new Error('insert returned no row');
    }

    for (const [index, upload] of input.materials.entries()) {
      const stored = await storeUpload(deps, tx, actor.id, upload, mimes[index] ?? '');
      await tx.insert(caseMaterials).values({
        caseId: row.id,
        materialKey: upload.materialKey,
        fileId: stored.id,
        round: 1,
        createdAt: now,
      });
    }
    await insertEvent(
      tx,
      row.id,
      actor,
      {
        action: isWindowFiling ? 'filed-at-window' : 'filed-online',
        fromState: null,
        toState: state,
        detail: { materials: input.materials.length },
      },
      now,
    );
    if (!isWindowFiling) {
      await notify(tx, {
        userIds: await unitMembers(tx, [item.unitId]),
        kind: 'case.filed',
        title: `新的网上申请 New online case: ${row.trackingNo}`,
        body: content.name.zh,
        link: `/cases/${row.id}`,
      });
    }
    return row;
  });
}

async function campusOfWindow(db: DbOrTx, windowId: string | null): Promise<string | undefined> {
  if (!windowId) {
    return undefined;
  }
  const [row] = await db
    .select({ campusId: halls.campusId })
    .from(windows)
    .innerJoin(halls, eq(halls.id, windows.hallId))
    .where(eq(windows.id, windowId));
  return row?.campusId;
}

function checkActionInput(action: CaseAction, input: ActionInput, row: CaseRow): void {
  const issues: FieldIssue[] = [];
  switch (action) {
    case 'refuse':
      // Art. 15(6): a refusal is a clear answer with the reason and the rule it rests on.
      if (!input.reason?.trim()) {
        issues.push({ path: 'reason', message: 'a refusal needs its reason' });
      }
      if (!input.rule?.trim()) {
        issues.push({ path: 'rule', message: 'a refusal names the rule it rests on' });
      }
      if (issues.length > 0) {
        throw ruleViolation(
          'Art. 15(6)',
          'a refusal must give its reason and the rule it rests on',
          {
            issues,
          },
        );
      }
      return;
    case 'complete-immediately':
      // Art. 15(1): only items the sheet promises on the spot are handled in one step.
      if (row.limit.kind !== 'on-the-spot') {
        throw ruleViolation(
          'Art. 15(1)',
          'only an item handled on the spot can be completed immediately; accept it as promised',
        );
      }
      return;
    case 'accept-joint':
      if (!input.way) {
        issues.push({ path: 'way', message: "'simple' or 'complex'" });
      }
      break;
    case 'escalate':
      if (!input.authority?.trim()) {
        issues.push({ path: 'authority', message: 'name the authority the case goes to' });
      }
      break;
    case 'request-supplement':
      if (!input.entries?.length) {
        issues.push({ path: 'entries', message: 'list every missing material and step at once' });
      }
      if (row.supplementCount > 0 && !input.reason?.trim()) {
        // Art. 15(5): the notice is one-time; a second one must say why.
        throw ruleViolation('Art. 15(5)', 'a second one-time notice needs a written reason', {
          issues: [...issues, { path: 'reason', message: 'why a second notice is needed' }],
        });
      }
      break;
    case 'hand-over':
      if (!input.toWindowId) {
        issues.push({ path: 'toWindowId', message: 'the receiving window' });
      }
      break;
    case 'take':
    case 'accept-promised':
    case 'complete':
    case 'withdraw':
    case 'resubmit':
      break;
  }
  if (issues.length > 0) {
    throw invalidInput(issues);
  }
}

/** Art. 15(3) and (4): a joint case closes only when every unit has decided, an escalated one
 * only with the authority's answer. */
async function checkCanComplete(tx: DbOrTx, row: CaseRow): Promise<void> {
  if (row.state === 'escalated' && !row.authorityAnswer) {
    throw ruleViolation('Art. 15(4)', "record the authority's answer before completing the case");
  }
  if (row.state !== 'joint-review') {
    return;
  }

  const participants = await tx
    .select({ decision: caseParticipants.decision, nameZh: units.nameZh, nameEn: units.nameEn })
    .from(caseParticipants)
    .innerJoin(units, eq(units.id, caseParticipants.unitId))
    .where(eq(caseParticipants.caseId, row.id));
  const waiting = participants.filter((participant) => participant.decision !== 'approved');
  if (waiting.length > 0) {
    throw ruleViolation('Art. 15(3)', 'every participating unit must approve a joint case first', {
      details: {
        waiting: waiting.map((participant) => ({
          nameZh: participant.nameZh,
          nameEn: participant.nameEn,
          decision: participant.decision,
        })),
      },
    });
  }
  if (row.jointWay === 'complex') {
    const [review] = await tx.select().from(jointReviews).where(eq(jointReviews.caseId, row.id));
    if (!review?.heldAt) {
      throw ruleViolation(
        'Art. 15(3)',
        'a complex joint case is decided at the joint review meeting',
      );
    }
  }
}

async function dueFrom(
  tx: DbOrTx,
  calendar: WorkingCalendar | null,
  row: CaseRow,
  windowId: string | null,
  now: Date,
): Promise<Pick<CaseRow, 'acceptedAt' | 'dueAt' | 'isDueProvisional' | 'pausedAt'>> {
  const campusId = await campusOfWindow(tx, windowId);
  const due = calendar?.computeDue(now, row.limit, campusId);
  return {
    acceptedAt: now,
    dueAt: due?.dueAt ?? null,
    isDueProvisional: due?.isProvisional ?? false,
    pausedAt: null,
  };
}

const countsTheLimit: readonly CaseAction[] = ['accept-promised', 'accept-joint', 'escalate'];

/**
 * Takes one step of the case lifecycle. The row is locked for the transaction, so two people
 * acting at once are serialised and the second sees the state the first left.
 */
export async function applyCaseAction(
  deps: Deps,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  input: ActionInput,
): Promise<CaseRow> {
  const now = deps.now();
  const calendar = countsTheLimit.includes(action) ? await loadCalendar(deps) : null;
  const mimes = await Promise.all(
    (input.materials ?? []).map((upload) => checkUpload(deps, upload)),
  );

  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);

    const to = nextState(row.state, action);
    if (!to) {
      throw new AppError('invalid-state', `a case that is ${row.state} cannot ${action}`, {
        details: { state: row.state, allowedActions: actionsFor(actor, row) },
      });
    }
    if (!mayAct(actor, row, action)) {
      throw new AppError('forbidden', `your role cannot ${action} this case`);
    }
    checkActionInput(action, input, row);

    const changes: Partial<CaseRow> = { state: to, updatedAt: now };
    const mode = transitions[action].mode;
    if (mode) {
      changes.mode = mode;
    }
    const detail: Record<string, unknown> = {};
    const link = `/cases/${caseId}`;
    const notices: Notice[] = [];

    switch (action) {
      case 'take':
        changes.handlerId = actor.id;
        changes.windowId = actor.windowId;
        break;
      case 'accept-promised':
      case 'escalate':
        Object.assign(
          changes,
          await dueFrom(tx, calendar, row, row.windowId ?? actor.windowId, now),
        );
        if (action === 'escalate') {
          changes.authority = input.authority?.trim() ?? null;
          detail.authority = changes.authority;
        }
        break;
      case 'accept-joint': {
        const participants = await tx
          .select({ unitId: itemParticipants.unitId })
          .from(itemParticipants)
          .where(eq(itemParticipants.itemId, row.itemId));
        const others = participants.filter((participant) => participant.unitId !== row.unitId);
        if (others.length === 0) {
          throw ruleViolation('Art. 15(3)', 'a joint case needs the item to name other units');
        }
        Object.assign(
          changes,
          await dueFrom(tx, calendar, row, row.windowId ?? actor.windowId, now),
        );
        changes.jointWay = input.way ?? 'simple';
        await tx.delete(caseParticipants).where(eq(caseParticipants.caseId, caseId));
        await tx
          .insert(caseParticipants)
          .values(others.map((participant) => ({ caseId, unitId: participant.unitId })));
        detail.way = changes.jointWay;
        detail.participants = others.map((participant) => participant.unitId);
        notices.push({
          userIds: await unitDeciders(
            tx,
            others.map((participant) => participant.unitId),
          ),
          kind: 'case.sign-off-requested',
          title: `联办件待会签 Joint case to sign off: ${row.trackingNo}`,
          link,
        });
        break;
      }
      case 'request-supplement': {
        const seq = row.supplementCount + 1;
        const isFlagged = seq > 1;
        await tx.insert(supplementNotices).values({
          caseId,
          seq,
          entries: input.entries ?? [],
          reason: input.reason?.trim() ?? null,
          isFlagged,
          issuedBy: actor.id,
          issuedAt: now,
        });
        changes.supplementCount = seq;
        changes.pausedAt = now;
        detail.entries = input.entries;
        detail.seq = seq;
        if (isFlagged) {
          detail.isFlagged = true;
        }
        if (row.applicantId) {
          notices.push({
            userIds: [row.applicantId],
            kind: 'case.supplement-requested',
            title: `请补充材料 Please supply what is missing: ${row.trackingNo}`,
            body: (input.entries ?? []).map((entry) => `- ${entry.text}`).join('\n'),
            link,
          });
        }
        if (isFlagged) {
          notices.push({
            userIds: await centerManagers(tx),
            kind: 'case.second-notice',
            title: `第二次一次性告知 Second one-time notice: ${row.trackingNo}`,
            body: input.reason ?? '',
            link,
          });
        }
        break;
      }
      case 'resubmit': {
        const [notice] = await tx
          .select({ entries: supplementNotices.entries })
          .from(supplementNotices)
          .where(and(eq(supplementNotices.caseId, caseId), isNull(supplementNotices.resolvedAt)));
        const supplied = new Set((input.materials ?? []).map((upload) => upload.materialKey));
        const missing = (notice?.entries ?? []).filter(
          (entry) =>
            entry.kind === 'material' && entry.materialKey && !supplied.has(entry.materialKey),
        );
        if (missing.length > 0) {
          throw ruleViolation('Art. 15(5)', 'supply every material the one-time notice lists', {
            issues: missing.map((entry) => ({
              path: `materials.${entry.materialKey ?? ''}`,
              message: entry.text,
            })),
          });
        }
        for (const [index, upload] of (input.materials ?? []).entries()) {
          const stored = await storeUpload(deps, tx, actor.id, upload, mimes[index] ?? '');
          await tx.insert(caseMaterials).values({
            caseId,
            materialKey: upload.materialKey,
            fileId: stored.id,
            round: row.supplementCount + 1,
            createdAt: now,
          });
        }
        await tx
          .update(supplementNotices)
          .set({ resolvedAt: now })
          .where(and(eq(supplementNotices.caseId, caseId), isNull(supplementNotices.resolvedAt)));
        // Back to the window that took it, to be accepted again with the full limit (Art. 15(5)).
        Object.assign(changes, {
          acceptedAt: null,
          dueAt: null,
          isDueProvisional: false,
          pausedAt: null,
        });
        detail.materials = input.materials?.length ?? 0;
        if (row.handlerId) {
          notices.push({
            userIds: [row.handlerId],
            kind: 'case.resubmitted',
            title: `申请人已补正 Supplement received: ${row.trackingNo}`,
            link,
          });
        }
        break;
      }
      case 'hand-over': {
        const [target] = await tx
          .select()
          .from(windows)
          .where(eq(windows.id, input.toWindowId ?? ''));
        if (!target) {
          throw invalidInput([{ path: 'toWindowId', message: 'no such window' }]);
        }
        if (target.id === row.windowId) {
          throw invalidInput([
            { path: 'toWindowId', message: 'the case is at that window already' },
          ]);
        }
        Object.assign(changes, {
          unitId: target.unitId,
          windowId: target.id,
          handlerId: null,
          acceptedAt: null,
          dueAt: null,
          isDueProvisional: false,
        });
        detail.fromWindowId = row.windowId;
        detail.toWindowId = target.id;
        detail.fromUnitId = row.unitId;
        detail.toUnitId = target.unitId;
        notices.push({
          userIds: [
            ...(await windowStaff(tx, target.id)),
            ...(await unitMembers(tx, [target.unitId], ['window-lead'])),
          ],
          kind: 'case.handed-over',
          title: `转来的办件 Case handed to your window: ${row.trackingNo}`,
          body: input.reason ?? '',
          link,
        });
        break;
      }
      case 'complete-immediately':
        changes.acceptedAt = now;
        changes.closedAt = now;
        changes.resultNote = input.note ?? null;
        break;
      case 'complete':
        await checkCanComplete(tx, row);
        changes.closedAt = now;
        changes.resultNote = input.note ?? null;
        break;
      case 'refuse':
        changes.closedAt = now;
        changes.resultNote = input.reason?.trim() ?? null;
        changes.resultRule = input.rule?.trim() ?? null;
        detail.rule = changes.resultRule;
        break;
      case 'withdraw':
        changes.closedAt = now;
        break;
    }

    if (changes.isDueProvisional && changes.dueAt) {
      // The calendar does not know the due date's year yet: the center must load it (once told
      // per year, not per case).
      const year = DateTime.fromJSDate(changes.dueAt, { zone: 'Asia/Shanghai' }).year;
      notices.push({
        userIds: await centerManagers(tx),
        kind: 'calendar.year-unknown',
        title: `请导入 ${year} 年节假日安排 Load the official calendar for ${year}`,
        body: `Due dates in ${year} are provisional until the year's holidays are loaded.`,
        link: '/center/calendar',
        dedupeKey: `calendar-year-unknown:${year}`,
      });
    }

    if (changes.closedAt && row.applicantId && action !== 'withdraw') {
      notices.push({
        userIds: [row.applicantId],
        kind: 'case.closed',
        title: `办件已办结 Your case is closed: ${row.trackingNo}`,
        body: changes.resultNote ?? '',
        link,
      });
    }

    const [updated] = await tx.update(cases).set(changes).where(eq(cases.id, caseId)).returning();
    if (!updated) {
      throw new Error('update returned no row');
    }
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action,
        fromState: row.state,
        toState: to,
        reason: input.reason ?? input.note ?? null,
        detail,
      },
      now,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: `case.${action}`,
      entity: 'case',
      entityId: caseId,
      detail: { from: row.state, to },
    });
    for (const notice of notices) {
      await notify(tx, notice);
    }
    return updated;
  });
}

interface ColourCalendar {
  loadedAt: number;
  calendar: WorkingCalendar;
  campusOf: Map<string, string>;
}

const colourCalendars = new WeakMap<object, ColourCalendar>();
const colourCalendarSeconds = 30;

/**
 * The share of a limit left in office hours, by the calendar of the window's campus. Lists ask
 * for it on every request, so the calendar is reused for half a minute: a colour may lag a
 * calendar edit that long, while due times are always computed from a fresh one.
 */
async function workingShareLeft(deps: Deps): Promise<(windowId: string | null) => ShareLeft> {
  let cached = colourCalendars.get(deps.db);
  if (!cached || Date.now() - cached.loadedAt > colourCalendarSeconds * 1000) {
    cached = {
      loadedAt: Date.now(),
      calendar: await loadCalendar(deps),
      campusOf: await campusesOfWindows(deps.db),
    };
    colourCalendars.set(deps.db, cached);
  }
  const { calendar, campusOf } = cached;
  return (windowId) => {
    const campusId = windowId ? campusOf.get(windowId) : undefined;
    return (acceptedAt, dueAt, at) => calendar.remainingShare(acceptedAt, dueAt, at, campusId);
  };
}

export interface CaseListQuery {
  state?: CaseState | undefined;
  q?: string | undefined;
  /** Only cases the actor holds (staff) or filed (applicants). */
  isMine?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * The parts of the case table an actor may see: for a unit, the cases it holds and the joint
 * cases it takes part in. Each part is read on its own index; an OR across them would make
 * PostgreSQL scan every case.
 */
interface Scope {
  condition: SQL | undefined;
  isParticipation: boolean;
}

function scopesOf(actor: Actor): Scope[] {
  if (isCenter(actor)) {
    return [{ condition: undefined, isParticipation: false }];
  }
  if (actor.role === 'applicant') {
    return [{ condition: eq(cases.applicantId, actor.id), isParticipation: false }];
  }
  if (isUnitMember(actor) && actor.unitId) {
    return [
      { condition: eq(cases.unitId, actor.unitId), isParticipation: false },
      { condition: eq(caseParticipants.unitId, actor.unitId), isParticipation: true },
    ];
  }
  return [];
}

function selectInScope<T extends Record<string, unknown>>(
  db: DbOrTx,
  fields: T,
  scope: Scope,
  extra: SQL | undefined,
) {
  const query = db
    .select(fields as never)
    .from(cases)
    .$dynamic();
  const joined = scope.isParticipation
    ? query.innerJoin(caseParticipants, eq(caseParticipants.caseId, cases.id))
    : query;
  return joined.where(and(scope.condition, extra));
}

/** The cases an actor may see, newest first, with their deadline colour. */
export async function listCases(deps: Deps, actor: Actor, query: CaseListQuery) {
  const { db } = deps;
  const conditions: (SQL | undefined)[] = [];
  if (query.state) {
    conditions.push(eq(cases.state, query.state));
  }
  if (query.isMine) {
    conditions.push(
      actor.role === 'applicant' ? eq(cases.applicantId, actor.id) : eq(cases.handlerId, actor.id),
    );
  }
  if (query.q?.trim()) {
    const term = `%${query.q.trim()}%`;
    conditions.push(or(ilike(cases.trackingNo, term), ilike(cases.applicantName, term)));
  }
  const extra = and(...conditions);
  const scopes = scopesOf(actor);
  const offset = (query.page - 1) * query.pageSize;

  // The newest page of each part, merged: each part needs only as many rows as the page reaches.
  const heads = await Promise.all(
    scopes.map(
      (scope) =>
        selectInScope(db, { id: cases.id, createdAt: cases.createdAt }, scope, extra)
          .orderBy(desc(cases.createdAt), desc(cases.id))
          .limit(offset + query.pageSize) as unknown as Promise<{ id: string; createdAt: Date }[]>,
    ),
  );
  const pageIds = heads
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(offset, offset + query.pageSize)
    .map((row) => row.id);

  const rows =
    pageIds.length === 0
      ? []
      : await db
          .select({
            case: cases,
            itemCode: items.code,
            itemName: sql<ItemContent['name']>`${itemVersions.content} -> 'name'`,
            unitNameZh: units.nameZh,
            unitNameEn: units.nameEn,
          })
          .from(cases)
          .innerJoin(items, eq(items.id, cases.itemId))
          .innerJoin(
            itemVersions,
            and(eq(itemVersions.itemId, cases.itemId), eq(itemVersions.version, cases.itemVersion)),
          )
          .innerJoin(units, eq(units.id, cases.unitId))
          .where(inArray(cases.id, pageIds));
  rows.sort((a, b) => pageIds.indexOf(a.case.id) - pageIds.indexOf(b.case.id));

  // The counts per state are wanted beside every list; without a search they give the total too.
  const counts = await countCasesByState(deps, actor);
  let total: number;
  if (query.q?.trim() || query.isMine) {
    const totals = await Promise.all(
      scopes.map(
        (scope) =>
          selectInScope(db, { value: count() }, scope, extra) as unknown as Promise<
            { value: number }[]
          >,
      ),
    );
    total = totals.reduce((sum, [row]) => sum + (row?.value ?? 0), 0);
  } else if (query.state) {
    total = counts[query.state] ?? 0;
  } else {
    total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  }

  const now = deps.now();
  const shareLeft = await workingShareLeft(deps);
  return {
    total,
    counts,
    items: rows.map((row) => ({
      ...summarise(row.case, actor),
      itemCode: row.itemCode,
      itemName: row.itemName,
      unit: { nameZh: row.unitNameZh, nameEn: row.unitNameEn },
      dueStatus: dueStatus(row.case, now, deps.config.warningShare, shareLeft(row.case.windowId)),
    })),
  };
}

function summarise(row: CaseRow, actor: Actor) {
  return {
    id: row.id,
    trackingNo: row.trackingNo,
    itemId: row.itemId,
    itemVersion: row.itemVersion,
    applicantName: row.applicantName,
    // Staff of the unit see the phone to reach the applicant; nobody else does in full.
    applicantPhone: isUnitMember(actor) ? row.applicantPhone : maskPhone(row.applicantPhone),
    channel: row.channel,
    mode: row.mode,
    state: row.state,
    acceptedAt: row.acceptedAt,
    dueAt: row.dueAt,
    isDueProvisional: row.isDueProvisional,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
  };
}

/** A case the actor may see; with no actor, any case (for a step the actor has just taken). */
export async function getCaseRowOrThrow(db: DbOrTx, actor: Actor | null, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row || (actor && !canSeeCase(actor, row, await participantUnitsOf(db, caseId)))) {
    throw notFound('case');
  }
  return row;
}

async function describeHolder(db: DbOrTx, row: CaseRow) {
  const [unit] = await db.select().from(units).where(eq(units.id, row.unitId));
  const [window] = row.windowId
    ? await db
        .select({ window: windows, hall: halls })
        .from(windows)
        .innerJoin(halls, eq(halls.id, windows.hallId))
        .where(eq(windows.id, row.windowId))
    : [];
  return {
    unit: { id: row.unitId, nameZh: unit?.nameZh ?? '', nameEn: unit?.nameEn ?? '' },
    window: window
      ? {
          id: window.window.id,
          number: window.window.number,
          nameZh: window.window.nameZh,
          nameEn: window.window.nameEn,
          hallNameZh: window.hall.nameZh,
          hallNameEn: window.hall.nameEn,
        }
      : null,
  };
}

/** A case with its progress, materials, holder and the steps the actor may take (R-CASE-8). */
export async function getCaseDetail(
  deps: Deps,
  actor: Actor,
  caseId: string,
  options: { isJustHandedOver?: boolean } = {},
) {
  const { db } = deps;
  // Right after handing a case on, the sender sees once where it went; after that it is gone.
  const row = options.isJustHandedOver
    ? await getCaseRowOrThrow(db, null, caseId)
    : await getCaseRowOrThrow(db, actor, caseId);
  const [version] = await db
    .select({ content: itemVersions.content })
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, row.itemId), eq(itemVersions.version, row.itemVersion)));
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(caseEvents.id);
  const materials = await db
    .select({
      id: caseMaterials.id,
      materialKey: caseMaterials.materialKey,
      round: caseMaterials.round,
      originalName: files.originalName,
      mime: files.mime,
      sizeBytes: files.sizeBytes,
      createdAt: caseMaterials.createdAt,
    })
    .from(caseMaterials)
    .innerJoin(files, eq(files.id, caseMaterials.fileId))
    .where(eq(caseMaterials.caseId, caseId))
    .orderBy(caseMaterials.createdAt);

  const participants = await db
    .select({
      unitId: caseParticipants.unitId,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      decision: caseParticipants.decision,
      reason: caseParticipants.reason,
      decidedAt: caseParticipants.decidedAt,
    })
    .from(caseParticipants)
    .innerJoin(units, eq(units.id, caseParticipants.unitId))
    .where(eq(caseParticipants.caseId, caseId));
  const notices = await db
    .select({
      id: supplementNotices.id,
      seq: supplementNotices.seq,
      entries: supplementNotices.entries,
      reason: supplementNotices.reason,
      isFlagged: supplementNotices.isFlagged,
      issuedAt: supplementNotices.issuedAt,
      resolvedAt: supplementNotices.resolvedAt,
    })
    .from(supplementNotices)
    .where(eq(supplementNotices.caseId, caseId))
    .orderBy(supplementNotices.seq);
  const [review] = await db
    .select({
      noticeNo: jointReviews.noticeNo,
      requestedAt: jointReviews.requestedAt,
      issuedAt: jointReviews.issuedAt,
      meetingAt: jointReviews.meetingAt,
      place: jointReviews.place,
      heldAt: jointReviews.heldAt,
    })
    .from(jointReviews)
    .where(eq(jointReviews.caseId, caseId));

  return {
    ...summarise(row, actor),
    itemName: version?.content.name ?? { zh: '' },
    formData: row.formData,
    unitId: row.unitId,
    windowId: row.windowId,
    jointWay: row.jointWay,
    authority: row.authority,
    authorityAnswer: row.authorityAnswer,
    supplementCount: row.supplementCount,
    pausedAt: row.pausedAt,
    participants,
    supplementNotices: notices,
    jointReview: review ?? null,
    limit: row.limit,
    resultNote: row.resultNote,
    resultRule: row.resultRule,
    handlerId: row.handlerId,
    dueStatus: dueStatus(
      row,
      deps.now(),
      deps.config.warningShare,
      (await workingShareLeft(deps))(row.windowId),
    ),
    holder: await describeHolder(db, row),
    materials,
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorName: event.actorName,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      reason: event.reason,
      detail: event.detail,
    })),
    allowedActions: actionsFor(actor, row),
  };
}

/** The bytes of one uploaded material, for those who may see the case. */
export async function getCaseMaterialFile(
  deps: Deps,
  actor: Actor,
  caseId: string,
  materialId: string,
) {
  await getCaseRowOrThrow(deps.db, actor, caseId);
  const [row] = await deps.db
    .select({ file: files })
    .from(caseMaterials)
    .innerJoin(files, eq(files.id, caseMaterials.fileId))
    .where(and(eq(caseMaterials.id, materialId), eq(caseMaterials.caseId, caseId)));
  if (!row) {
    throw notFound('material');
  }
  return { ...row.file, bytes: await deps.files.get(row.file.sha256) };
}

/**
 * Public progress by tracking number and the applicant's name (Art. 16): the states and steps,
 * and which window holds the case, without staff names or the applicant's details.
 */
export async function trackCase(deps: Deps, trackingNo: string, applicantName: string) {
  const { db } = deps;
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.trackingNo, trackingNo.trim().toUpperCase())));
  if (!row || row.applicantName.trim() !== applicantName.trim()) {
    throw notFound('no case with that tracking number and name');
  }
  const [version] = await db
    .select({ content: itemVersions.content })
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, row.itemId), eq(itemVersions.version, row.itemVersion)));
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(caseEvents.id);
  return {
    trackingNo: row.trackingNo,
    itemName: version?.content.name ?? { zh: '' },
    state: row.state,
    mode: row.mode,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
    dueAt: row.dueAt,
    isDueProvisional: row.isDueProvisional,
    closedAt: row.closedAt,
    resultNote: row.resultNote,
    resultRule: row.resultRule,
    holder: await describeHolder(db, row),
    events: events.map((event) => ({
      at: event.at,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      reason: event.reason,
    })),
  };
}

/** Counts per state for the actor's view, for dashboards and the work list's tabs. */
export async function countCasesByState(deps: Deps, actor: Actor) {
  const counts: Record<string, number> = {};
  for (const scope of scopesOf(actor)) {
    const rows = (await selectInScope(
      deps.db,
      { state: cases.state, value: count() },
      scope,
      undefined,
    ).groupBy(cases.state)) as unknown as { state: CaseState; value: number }[];
    for (const row of rows) {
      counts[row.state] = (counts[row.state] ?? 0) + row.value;
    }
  }
  return counts;
}
