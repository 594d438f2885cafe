import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cases } from '../cases/schema.js';
import { items } from '../catalog/schema.js';
import { units, windows } from '../org/schema.js';

export const consultationChannels = ['window', 'online'] as const;
export type ConsultationChannel = (typeof consultationChannels)[number];

export const consultationStates = ['open', 'answered', 'handed-over', 'filed'] as const;
/** 'filed': the consultation became a case. */
export type ConsultationState = (typeof consultationStates)[number];

/**
 * A question asked at a window or online, owned by whoever took it first (首问负责制, Art. 14)
 * until it is answered, filed as a case, or handed to another window.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid().primaryKey().defaultRandom(),
    channel: text().$type<ConsultationChannel>().notNull(),
    question: text().notNull(),
    askerName: text().notNull(),
    /** The signed-in applicant who asked online; null for a visitor at a window. */
    askerUserId: uuid().references(() => users.id),
    askerPhone: text(),
    itemId: uuid().references(() => items.id),
    /** Who took it first: the staff member who logged it, or who claimed it from online. */
    firstTakerId: uuid().references(() => users.id),
    firstTakenAt: timestamp({ withTimezone: true }),
    firstWindowId: uuid().references(() => windows.id),
    /** The unit holding it now; null while an online question waits in the center's queue. */
    holderUnitId: uuid().references(() => units.id),
    holderWindowId: uuid().references(() => windows.id),
    /**
     * The person holding it: the first taker until a hand-over, after which the receiving
     * window as a whole holds it (null).
     */
    holderUserId: uuid().references(() => users.id),
    state: text().$type<ConsultationState>().notNull().default('open'),
    answer: text(),
    answeredBy: uuid().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    caseId: uuid().references(() => cases.id),
    filedBy: uuid().references(() => users.id),
    filedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('consultations_holder_unit_idx').on(table.holderUnitId, table.state, table.createdAt),
    index('consultations_holder_window_idx').on(table.holderWindowId),
    index('consultations_asker_idx').on(table.askerUserId, table.createdAt),
  ],
);

/**
 * Every hand-over of a consultation. The units are kept as they were at the time, so a unit
 * that once held a consultation can still read it after a window changes hands.
 */
export const consultationHandovers = pgTable(
  'consultation_handovers',
  {
    id: uuid().primaryKey().defaultRandom(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    fromUserId: uuid()
      .notNull()
      .references(() => users.id),
    fromWindowId: uuid().references(() => windows.id),
    fromUnitId: uuid()
      .notNull()
      .references(() => units.id),
    toWindowId: uuid()
      .notNull()
      .references(() => windows.id),
    toUnitId: uuid()
      .notNull()
      .references(() => units.id),
    note: text().notNull().default(''),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    index('consultation_handovers_consultation_idx').on(table.consultationId, table.at),
    index('consultation_handovers_from_unit_idx').on(table.fromUnitId),
  ],
);
