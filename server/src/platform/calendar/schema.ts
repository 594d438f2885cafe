import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { campuses } from '../../modules/org/schema.js';
import { users } from '../auth/schema.js';

/** Years whose official arrangement the center has loaded by hand. */
export const calendarYears = pgTable('calendar_years', {
  year: integer().primaryKey(),
  loadedBy: uuid().references(() => users.id),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  note: text().notNull().default(''),
});

/**
 * Days the center marks differently from the official calendar: campus closures, and the
 * holidays and make-up working days of years the calendar package does not know yet.
 * A row without a campus applies to every campus. Rows of a loaded year carry that year, so
 * loading the year again replaces them without touching the center's own overrides.
 */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: uuid().primaryKey().defaultRandom(),
    day: date({ mode: 'string' }).notNull(),
    campusId: text().references(() => campuses.id),
    isWorkingDay: boolean().notNull(),
    note: text().notNull().default(''),
    loadedYear: integer().references(() => calendarYears.year, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('calendar_overrides_day_campus_key')
      .on(table.day, table.campusId, table.loadedYear)
      .nullsNotDistinct(),
    index('calendar_overrides_loaded_year_idx').on(table.loadedYear),
    // An official arrangement holds for every campus, and only within its own year.
    check(
      'calendar_overrides_loaded_day_check',
      sql`${table.loadedYear} is null or (${table.campusId} is null and extract(year from ${table.day}) = ${table.loadedYear})`,
    ),
  ],
);
