import { bigint, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';

/** An uploaded file; its bytes live in the file store under its SHA-256. */
export const files = pgTable('files', {
  id: uuid().primaryKey().defaultRandom(),
  sha256: text().notNull(),
  mime: text().notNull(),
  sizeBytes: bigint({ mode: 'number' }).notNull(),
  originalName: text().notNull(),
  uploadedBy: uuid()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
