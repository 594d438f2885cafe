import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units, windows } from '../../modules/org/schema.js';

export const roles = [
  'applicant',
  'staff',
  'window-lead',
  'unit-admin',
  'center',
  'center-admin',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export const applicantKinds = ['teacher', 'student', 'visitor'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    displayName: text().notNull(),
    role: text().$type<Role>().notNull(),
    applicantKind: text().$type<ApplicantKind>(),
    unitId: uuid().references(() => units.id),
    windowId: uuid().references(() => windows.id),
    email: text(),
    phone: text(),
    idCard: text(),
    passwordHash: text(),
    failedSignIns: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    isDisabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_username_key').on(table.username),
    index('users_unit_idx').on(table.unitId),
  ],
);

/** Server-side sessions: the cookie carries a random token, the table only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);
