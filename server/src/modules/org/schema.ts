import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** 五山, 大学城, 广州国际: the campus ids are fixed names used across the product (Art. 3). */
export const campuses = pgTable('campuses', {
  id: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
});

export const halls = pgTable('halls', {
  id: uuid().primaryKey().defaultRandom(),
  campusId: text()
    .notNull()
    .references(() => campuses.id),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  addressZh: text().notNull().default(''),
  addressEn: text().notNull().default(''),
});

/** A school department that staffs windows or publishes online items (窗口单位). */
export const units = pgTable(
  'units',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    phone: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('units_code_key').on(table.code)],
);

/** One service counter in a hall, owned by one unit (Art. 3, 5). */
export const windows = pgTable(
  'windows',
  {
    id: uuid().primaryKey().defaultRandom(),
    hallId: uuid()
      .notNull()
      .references(() => halls.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    number: integer().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    phone: text().notNull().default(''),
  },
  (table) => [
    uniqueIndex('windows_hall_number_key').on(table.hallId, table.number),
    index('windows_unit_idx').on(table.unitId),
  ],
);
