import {
  boolean,
  date,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { campuses } from '../../modules/org/schema.js';
import { users } from '../auth/schema.js';

/**
 * Days the center marks differently from the official calendar: campus closures, and the
 * holidays and make-up working days of years the calendar package does not know yet.
 * A row without a campus applies to every campus.
 */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: uuid().primaryKey().defaultRandom(),
    day: date({ mode: 'string' }).notNull(),
    campusId: text().references(() => campuses.id),
    isWorkingDay: boolean().notNull(),
    note: text().notNull().default(''),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('calendar_overrides_day_campus_key').on(table.day, table.campusId).nullsNotDistinct(),
  ],
);

/** Years whose official arrangement the center has loaded by hand. */
export const calendarYears = pgTable('calendar_years', {
  year: integer().primaryKey(),
  loadedBy: uuid().references(() => users.id),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  note: text().notNull().default(''),
});
