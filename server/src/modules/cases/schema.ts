import {
  bigserial,
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('cases_tracking_no_key').on(table.trackingNo),
    index('cases_unit_state_idx').on(table.unitId, table.state, table.createdAt),
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
