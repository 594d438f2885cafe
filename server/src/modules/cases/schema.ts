import {
  bigserial,
  primaryKey,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { files } from '../../platform/files/schema.js';
import type { HandlingMode } from '../catalog/schema.js';
import { items } from '../catalog/schema.js';
import type { PromisedLimit } from '../catalog/content.js';
import { units, windows } from '../org/schema.js';
import type { CaseState } from './machine.js';

/** One application for one item (办件). */
export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    trackingNo: text().notNull(),
    itemId: uuid()
      .notNull()
      .references(() => items.id),
    /** The item version the case was filed under (R-CAT-6). */
    itemVersion: integer().notNull(),
    /** The unit that holds the case now; only it (and the center) sees it. */
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    /** The window holding the case; a supplement returns to it (Art. 15(5)). */
    windowId: uuid().references(() => windows.id),
    /** The staff member who took the case at the window. */
    handlerId: uuid().references(() => users.id),
    applicantId: uuid().references(() => users.id),
    applicantName: text().notNull(),
    applicantPhone: text(),
    channel: text().$type<'online' | 'window'>().notNull(),
    filedBy: uuid()
      .notNull()
      .references(() => users.id),
    mode: text().$type<HandlingMode>(),
    state: text().$type<CaseState>().notNull(),
    formData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** The limit of the item version, kept with the case. */
    limit: jsonb().$type<PromisedLimit>().notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    /** The due time falls in a year whose official calendar is not loaded yet. */
    isDueProvisional: boolean().notNull().default(false),
    /** While a case waits for the applicant its clock is stopped from this moment. */
    pausedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** A refusal's reason and the rule it rests on (Art. 15(6)); a completion's note. */
    resultNote: text(),
    resultRule: text(),
    supplementCount: integer().notNull().default(0),
    /** Joint cases: 'simple' collects sign-offs, 'complex' goes to a center meeting. */
    jointWay: text().$type<'simple' | 'complex'>(),
    /** Escalated cases: the outside or higher authority, and its answer (Art. 15(4)). */
    authority: text(),
    authorityAnswer: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('cases_tracking_no_key').on(table.trackingNo),
    index('cases_unit_state_idx').on(table.unitId, table.state, table.createdAt),
    index('cases_unit_created_idx').on(table.unitId, table.createdAt),
    index('cases_created_idx').on(table.createdAt),
    index('cases_applicant_idx').on(table.applicantId, table.createdAt),
    index('cases_due_idx').on(table.state, table.dueAt),
  ],
);

/** Every state change and step of a case: who, when, from, to, why (R-CASE-11). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id),
    actorName: text().notNull(),
    action: text().notNull(),
    fromState: text().$type<CaseState>(),
    toState: text().$type<CaseState>().notNull(),
    reason: text(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('case_events_case_idx').on(table.caseId, table.id)],
);

/** Materials uploaded for a case; round 1 at filing, later rounds after a supplement. */
export const caseMaterials = pgTable(
  'case_materials',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    materialKey: text().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    round: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('case_materials_case_idx').on(table.caseId)],
);

export const participantDecisions = ['pending', 'approved', 'refused'] as const;
export type ParticipantDecision = (typeof participantDecisions)[number];

/** The units besides the lead that must decide a joint case (Art. 15(3)). */
export const caseParticipants = pgTable(
  'case_participants',
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    decision: text().$type<ParticipantDecision>().notNull().default('pending'),
    reason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.unitId] }),
    index('case_participants_unit_idx').on(table.unitId),
  ],
);

/**
 * A complex joint case's meeting: requested by the lead, convened and chaired by the center
 * with a joint review notice (联合审批会议通知单), and its record.
 */
export const jointReviews = pgTable(
  'joint_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    requestNote: text().notNull().default(''),
    noticeNo: text(),
    issuedBy: uuid().references(() => users.id),
    issuedAt: timestamp({ withTimezone: true }),
    meetingAt: timestamp({ withTimezone: true }),
    place: text(),
    chairName: text(),
    heldAt: timestamp({ withTimezone: true }),
    minutes: text(),
  },
  (table) => [uniqueIndex('joint_reviews_case_key').on(table.caseId)],
);

/** Each unit called to a joint review: the official it must send, who came, what it decided. */
export const jointReviewInvitees = pgTable(
  'joint_review_invitees',
  {
    reviewId: uuid()
      .notNull()
      .references(() => jointReviews.id, { onDelete: 'cascade' }),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    officialTitle: text().notNull(),
    attendeeName: text(),
    hasAttended: boolean(),
  },
  (table) => [primaryKey({ columns: [table.reviewId, table.unitId] })],
);

/** Contacts with the authority an escalated case was reported to (Art. 15(4)). */
export const caseContacts = pgTable(
  'case_contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    channel: text().notNull(),
    summary: text().notNull(),
  },
  (table) => [index('case_contacts_case_idx').on(table.caseId)],
);

export interface NoticeEntry {
  kind: 'material' | 'step';
  text: string;
  materialKey?: string | undefined;
}

/** One-time notices (一次性告知) of what a case lacks; a second one needs a reason and is flagged. */
export const supplementNotices = pgTable(
  'supplement_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    entries: jsonb().$type<NoticeEntry[]>().notNull(),
    reason: text(),
    isFlagged: boolean().notNull().default(false),
    issuedBy: uuid()
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (table) => [uniqueIndex('supplement_notices_case_seq_key').on(table.caseId, table.seq)],
);

export const objectionStates = ['open', 'answered', 'with-center', 'closed'] as const;
export type ObjectionState = (typeof objectionStates)[number];

/** An applicant's objection to a result; the window answers, the center may be asked (Art. 16). */
export const objections = pgTable(
  'objections',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    raisedBy: uuid()
      .notNull()
      .references(() => users.id),
    text: text().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    state: text().$type<ObjectionState>().notNull().default('open'),
    windowAnswer: text(),
    answeredBy: uuid().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    takenToCenterAt: timestamp({ withTimezone: true }),
    centerAnswer: text(),
    centerAnsweredBy: uuid().references(() => users.id),
    centerAnsweredAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('objections_case_idx').on(table.caseId),
    index('objections_state_idx').on(table.state),
  ],
);

/**
 * Deadline warnings sent, one per case, kind and due time: the key makes the sweep idempotent
 * across restarts and server processes, and a new due time after a supplement warns anew.
 */
export const caseWarnings = pgTable(
  'case_warnings',
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text().$type<'yellow' | 'red'>().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.kind, table.dueAt] })],
);
