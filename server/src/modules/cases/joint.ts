import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { recordAudit } from '../../platform/audit/audit.js';
import { isCenter } from '../../platform/auth/guards.js';
import {
  AppError,
  invalidInput,
  notFound,
  ruleViolation,
} from '../../platform/errors/app-error.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { notify } from '../../platform/notifications/service.js';
import { itemVersions } from '../catalog/schema.js';
import { units } from '../org/schema.js';
import { nextState } from './machine.js';
import { centerManagers, unitDeciders, unitMembers } from './recipients.js';
import {
  caseParticipants,
  cases,
  jointReviewInvitees,
  jointReviews,
  type ParticipantDecision,
} from './schema.js';
import { getCaseRowOrThrow, insertEvent, lockCaseOrThrow, participantUnitsOf } from './service.js';

const deciderRoles = ['window-lead', 'unit-admin'];

function requireJointReview(state: string): void {
  if (state !== 'joint-review') {
    throw new AppError('invalid-state', `the case is ${state}, not in joint review`, {
      details: { state },
    });
  }
}

/** A participating unit's decision on a joint case, taken in parallel with the others. */
export async function signOff(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { decision: Exclude<ParticipantDecision, 'pending'>; reason?: string | undefined },
) {
  const now = deps.now();
  if (input.decision === 'refused' && !input.reason?.trim()) {
    throw invalidInput([{ path: 'reason', message: 'a refusal gives its reason' }]);
  }
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    requireJointReview(row.state);
    const participantIds = await participantUnitsOf(tx, caseId);
    if (
      !actor.unitId ||
      !participantIds.includes(actor.unitId) ||
      !deciderRoles.includes(actor.role)
    ) {
      throw new AppError(
        'forbidden',
        "only a participating unit's window lead or supervisor signs off",
      );
    }

    await tx
      .update(caseParticipants)
      .set({
        decision: input.decision,
        reason: input.reason?.trim() ?? null,
        decidedBy: actor.id,
        decidedAt: now,
      })
      .where(and(eq(caseParticipants.caseId, caseId), eq(caseParticipants.unitId, actor.unitId)));
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action: 'sign-off',
        fromState: row.state,
        toState: row.state,
        reason: input.reason ?? null,
        detail: { unitId: actor.unitId, decision: input.decision },
      },
      now,
    );
    await notify(tx, {
      userIds: [
        ...(row.handlerId ? [row.handlerId] : []),
        ...(await unitMembers(tx, [row.unitId], ['window-lead'])),
      ],
      kind: 'case.signed-off',
      title: `联办单位已${input.decision === 'approved' ? '同意' : '不同意'} A unit ${input.decision}: ${row.trackingNo}`,
      body: input.reason ?? '',
      link: `/cases/${caseId}`,
    });
  });
}

/** The lead's window lead asks the center for a joint review meeting (complex way). */
export async function requestJointReview(deps: Deps, actor: Actor, caseId: string, note: string) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    requireJointReview(row.state);
    if (actor.role !== 'window-lead' || actor.unitId !== row.unitId) {
      throw new AppError('forbidden', "only the lead unit's window lead asks for a joint review");
    }
    const [existing] = await tx.select().from(jointReviews).where(eq(jointReviews.caseId, caseId));
    if (existing) {
      throw new AppError('conflict', 'a joint review has been asked for already');
    }

    await tx
      .insert(jointReviews)
      .values({ caseId, requestedBy: actor.id, requestedAt: now, requestNote: note });
    await tx.update(cases).set({ jointWay: 'complex', updatedAt: now }).where(eq(cases.id, caseId));
    await insertEvent(
      tx,
      caseId,
      actor,
      { action: 'joint-review-requested', fromState: row.state, toState: row.state, reason: note },
      now,
    );
    await notify(tx, {
      userIds: await centerManagers(tx),
      kind: 'case.joint-review-requested',
      title: `申请联合审批会议 Joint review requested: ${row.trackingNo}`,
      body: note,
      link: `/cases/${caseId}`,
    });
  });
}

export interface NoticeInput {
  meetingAt: Date;
  place: string;
  chairName: string;
  invitees: { unitId: string; officialTitle: string }[];
}

/** The center issues the joint review notice (联合审批会议通知单) to every unit concerned. */
export async function issueJointNotice(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: NoticeInput,
) {
  const now = deps.now();
  if (!isCenter(actor) || actor.role === 'auditor') {
    throw new AppError('forbidden', 'the center convenes joint reviews');
  }
  if (input.meetingAt <= now) {
    throw invalidInput([{ path: 'meetingAt', message: 'the meeting must be in the future' }]);
  }
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    requireJointReview(row.state);
    const [review] = await tx.select().from(jointReviews).where(eq(jointReviews.caseId, caseId));
    if (!review) {
      throw new AppError('invalid-state', 'the lead has not asked for a joint review');
    }
    if (review.issuedAt) {
      throw new AppError('conflict', 'the notice has been issued already');
    }

    const required = [row.unitId, ...(await participantUnitsOf(tx, caseId))];
    const invited = input.invitees.map((invitee) => invitee.unitId);
    if (new Set(invited).size !== invited.length) {
      throw invalidInput([{ path: 'invitees', message: 'each unit is invited once' }]);
    }
    const missing = required.filter((unitId) => !invited.includes(unitId));
    if (missing.length > 0) {
      throw ruleViolation(
        'Art. 15(3)',
        'the notice goes to the lead and every participating unit',
        {
          issues: missing.map((unitId) => ({
            path: 'invitees',
            message: `unit ${unitId} is missing`,
          })),
        },
      );
    }
    const known = await tx.select({ id: units.id }).from(units).where(inArray(units.id, invited));
    if (known.length !== new Set(invited).size) {
      throw invalidInput([{ path: 'invitees', message: 'an invited unit does not exist' }]);
    }

    const year = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' }).year;
    const [issued] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(jointReviews)
      .where(sql`${jointReviews.noticeNo} like ${`联审〔${year}〕%`}`);
    const noticeNo = `联审〔${year}〕${String((issued?.n ?? 0) + 1).padStart(3, '0')}号`;

    await tx
      .update(jointReviews)
      .set({
        noticeNo,
        issuedBy: actor.id,
        issuedAt: now,
        meetingAt: input.meetingAt,
        place: input.place,
        chairName: input.chairName,
      })
      .where(eq(jointReviews.id, review.id));
    await tx.insert(jointReviewInvitees).values(
      input.invitees.map((invitee) => ({
        reviewId: review.id,
        unitId: invitee.unitId,
        officialTitle: invitee.officialTitle,
      })),
    );
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action: 'joint-notice-issued',
        fromState: row.state,
        toState: row.state,
        detail: { noticeNo, meetingAt: input.meetingAt.toISOString(), place: input.place },
      },
      now,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'joint-review.notice',
      entity: 'case',
      entityId: caseId,
    });
    await notify(tx, {
      userIds: await unitDeciders(tx, invited),
      kind: 'case.joint-notice',
      title: `联合审批会议通知 ${noticeNo}: ${row.trackingNo}`,
      body: `${DateTime.fromJSDate(input.meetingAt, { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM-dd HH:mm')} ${input.place}`,
      link: `/cases/${caseId}/joint-notice`,
    });
    return noticeNo;
  });
}

export interface MeetingInput {
  heldAt: Date;
  minutes: string;
  attendees: {
    unitId: string;
    attendeeName?: string | undefined;
    hasAttended: boolean;
    decision?: 'approved' | 'refused' | undefined;
    reason?: string | undefined;
  }[];
}

/** The center records the meeting it chaired: who came and each unit's decision. */
export async function recordJointMeeting(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: MeetingInput,
) {
  const now = deps.now();
  if (!isCenter(actor) || actor.role === 'auditor') {
    throw new AppError('forbidden', 'the center records joint reviews');
  }
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    requireJointReview(row.state);
    const [review] = await tx.select().from(jointReviews).where(eq(jointReviews.caseId, caseId));
    if (!review?.issuedAt) {
      throw new AppError('invalid-state', 'no joint review notice was issued');
    }
    if (review.heldAt) {
      throw new AppError('conflict', 'the meeting has been recorded already');
    }
    if (input.heldAt > now) {
      throw invalidInput([{ path: 'heldAt', message: 'a meeting is recorded after it is held' }]);
    }

    const participantIds = await participantUnitsOf(tx, caseId);
    for (const attendee of input.attendees) {
      await tx
        .update(jointReviewInvitees)
        .set({ attendeeName: attendee.attendeeName ?? null, hasAttended: attendee.hasAttended })
        .where(
          and(
            eq(jointReviewInvitees.reviewId, review.id),
            eq(jointReviewInvitees.unitId, attendee.unitId),
          ),
        );
      if (attendee.decision && participantIds.includes(attendee.unitId)) {
        await tx
          .update(caseParticipants)
          .set({
            decision: attendee.decision,
            reason: attendee.reason ?? null,
            decidedBy: actor.id,
            decidedAt: input.heldAt,
          })
          .where(
            and(eq(caseParticipants.caseId, caseId), eq(caseParticipants.unitId, attendee.unitId)),
          );
      }
    }
    await tx
      .update(jointReviews)
      .set({ heldAt: input.heldAt, minutes: input.minutes })
      .where(eq(jointReviews.id, review.id));
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action: 'joint-meeting-recorded',
        fromState: row.state,
        toState: row.state,
        detail: {
          decisions: input.attendees.map((attendee) => ({
            unitId: attendee.unitId,
            hasAttended: attendee.hasAttended,
            decision: attendee.decision ?? null,
          })),
        },
      },
      now,
    );
    await notify(tx, {
      userIds: [
        ...(row.handlerId ? [row.handlerId] : []),
        ...(await unitMembers(tx, [row.unitId], ['window-lead'])),
      ],
      kind: 'case.joint-meeting',
      title: `联合审批会议已记录 Joint review recorded: ${row.trackingNo}`,
      link: `/cases/${caseId}`,
    });
  });
}

/** When the lead is disputed, the center decides which unit leads (Art. 15(3)). */
export async function decideLead(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { unitId: string; reason: string },
) {
  const now = deps.now();
  if (!isCenter(actor) || actor.role === 'auditor') {
    throw new AppError('forbidden', 'the center decides a disputed lead');
  }
  return deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    const to = nextState(row.state, 'hand-over');
    if (!to) {
      throw new AppError('invalid-state', `the lead of a case that is ${row.state} cannot change`, {
        details: { state: row.state },
      });
    }
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) {
      throw invalidInput([{ path: 'unitId', message: 'no such unit' }]);
    }

    await tx
      .update(cases)
      .set({ unitId: unit.id, windowId: null, handlerId: null, state: to, updatedAt: now })
      .where(eq(cases.id, caseId));
    await tx
      .delete(caseParticipants)
      .where(and(eq(caseParticipants.caseId, caseId), eq(caseParticipants.unitId, unit.id)));
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action: 'lead-decided',
        fromState: row.state,
        toState: to,
        reason: input.reason,
        detail: { fromUnitId: row.unitId, toUnitId: unit.id },
      },
      now,
    );
    await notify(tx, {
      userIds: await unitMembers(tx, [unit.id]),
      kind: 'case.lead-decided',
      title: `中心确定由贵单位牵头 Your unit leads: ${row.trackingNo}`,
      body: input.reason,
      link: `/cases/${caseId}`,
    });
  });
}

/** The joint review of a case with its notice and invitees, for the page and the PDF. */
export async function getJointReview(deps: Deps, actor: Actor, caseId: string) {
  const { db } = deps;
  const row = await getCaseRowOrThrow(db, actor, caseId);
  const [review] = await db.select().from(jointReviews).where(eq(jointReviews.caseId, caseId));
  if (!review) {
    throw notFound('joint review');
  }
  const invitees = await db
    .select({
      unitId: jointReviewInvitees.unitId,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      officialTitle: jointReviewInvitees.officialTitle,
      attendeeName: jointReviewInvitees.attendeeName,
      hasAttended: jointReviewInvitees.hasAttended,
    })
    .from(jointReviewInvitees)
    .innerJoin(units, eq(units.id, jointReviewInvitees.unitId))
    .where(eq(jointReviewInvitees.reviewId, review.id));
  const [version] = await db
    .select({ content: itemVersions.content })
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, row.itemId), eq(itemVersions.version, row.itemVersion)));
  const [lead] = await db.select().from(units).where(eq(units.id, row.unitId));
  return {
    caseId,
    trackingNo: row.trackingNo,
    applicantName: row.applicantName,
    itemName: version?.content.name ?? { zh: '' },
    leadUnit: { nameZh: lead?.nameZh ?? '', nameEn: lead?.nameEn ?? '' },
    noticeNo: review.noticeNo,
    requestedAt: review.requestedAt,
    requestNote: review.requestNote,
    issuedAt: review.issuedAt,
    meetingAt: review.meetingAt,
    place: review.place,
    chairName: review.chairName,
    heldAt: review.heldAt,
    minutes: review.minutes,
    invitees,
  };
}
