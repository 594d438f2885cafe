import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { units, windows } from '../org/schema.js';
import type { ItemContent } from './content.js';

export const itemStatuses = ['draft', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const channels = ['online', 'hall', 'both'] as const;
/** Where an item is handled: fully online, only at a hall window, or either. */
export type Channel = (typeof channels)[number];

export const handlingModes = [
  'immediate',
  'promised',
  'joint',
  'escalated',
  'supplement',
  'reply',
] as const;
/** The six ways of handling of Art. 15. */
export type HandlingMode = (typeof handlingModes)[number];

/** A service the center offers; its public content lives in versions (R-CAT-6). */
export const items = pgTable(
  'items',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    status: text().$type<ItemStatus>().notNull().default('draft'),
    /** The version the public sees and new cases are filed under; null until published. */
    publishedVersion: integer(),
    /** The newest version, possibly a draft ahead of the published one. */
    latestVersion: integer().notNull().default(1),
    isForeignFacing: boolean().notNull().default(false),
    channel: text().$type<Channel>().notNull(),
    defaultMode: text().$type<HandlingMode>().notNull(),
    audiences: text().array().notNull().default([]),
    campusIds: text().array().notNull().default([]),
    /** Lower-cased Chinese and English text of the published version, for search. */
    searchText: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('items_code_key').on(table.code),
    index('items_unit_idx').on(table.unitId),
  ],
);

/**
 * Where and how a version of an item is handled. The item row holds the settings of the version
 * in force; a draft keeps its own here until it is published (R-CAT-6).
 */
export interface ItemSettings {
  unitId: string;
  channel: Channel;
  defaultMode: HandlingMode;
  isForeignFacing: boolean;
  campusIds: string[];
  windowIds: string[];
  participantUnitIds: string[];
}

export const itemVersions = pgTable(
  'item_versions',
  {
    itemId: uuid()
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    content: jsonb().$type<ItemContent>().notNull(),
    settings: jsonb().$type<ItemSettings>().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the version went public; a version once public stays readable. */
    publishedAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.version] })],
);

/** The hall windows where an item is handled (R-CAT-2). */
export const itemWindows = pgTable(
  'item_windows',
  {
    itemId: uuid()
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    windowId: uuid()
      .notNull()
      .references(() => windows.id),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.windowId] })],
);

/** Units that take part in a joint item besides the owning (lead) unit (Art. 15(3)). */
export const itemParticipants = pgTable(
  'item_participants',
  {
    itemId: uuid()
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.unitId] })],
);
