import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../src/db/client.js';
import {
  itemContent,
  type ItemContent,
  type ItemContentInput,
  type PromisedLimit,
} from '../src/modules/catalog/content.js';
import { buildSearchText } from '../src/modules/catalog/publication.js';
import {
  itemParticipants,
  items,
  itemVersions,
  itemWindows,
  type Channel,
  type HandlingMode,
  type ItemSettings,
} from '../src/modules/catalog/schema.js';
import { campuses, halls, units, windows } from '../src/modules/org/schema.js';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

export const campusIds = ['wushan', 'university-town', 'gz-international'] as const;
export type CampusId = (typeof campusIds)[number];

/** The three campuses of Art. 3; safe to call any number of times. */
export async function ensureCampuses(db: DbOrTx): Promise<void> {
  await db
    .insert(campuses)
    .values([
      { id: 'wushan', nameZh: '五山校区', nameEn: 'Wushan Campus' },
      { id: 'university-town', nameZh: '大学城校区', nameEn: 'University Town Campus' },
      { id: 'gz-international', nameZh: '广州国际校区', nameEn: 'Guangzhou International Campus' },
    ])
    .onConflictDoNothing();
}

export type UnitRow = typeof units.$inferSelect;
export type HallRow = typeof halls.$inferSelect;
export type WindowRow = typeof windows.$inferSelect;

export async function createUnit(
  db: DbOrTx,
  overrides: Partial<typeof units.$inferInsert> = {},
): Promise<UnitRow> {
  const n = next();
  const [row] = await db
    .insert(units)
    .values({
      code: `U${process.pid}-${n}`,
      nameZh: `测试单位${n}`,
      nameEn: `Test Unit ${n}`,
      phone: '020-87110000',
      ...overrides,
    })
    .returning();
  if (!row) {
    throw new Error('no unit row');
  }
  return row;
}

/** A hall on a campus (五山 unless named); the campuses are created when missing. */
export async function createHall(
  db: DbOrTx,
  campusId: CampusId = 'wushan',
  overrides: Partial<typeof halls.$inferInsert> = {},
): Promise<HallRow> {
  await ensureCampuses(db);
  const n = next();
  const [row] = await db
    .insert(halls)
    .values({
      campusId,
      nameZh: `师生服务中心${n}`,
      nameEn: `Service Hall ${n}`,
      addressZh: '行政楼一楼',
      addressEn: 'Ground floor, Administration Building',
      ...overrides,
    })
    .returning();
  if (!row) {
    throw new Error('no hall row');
  }
  return row;
}

export async function createWindow(
  db: DbOrTx,
  input: { hallId: string; unitId: string; number?: number; nameZh?: string; nameEn?: string },
): Promise<WindowRow> {
  const number = input.number ?? next();
  const [row] = await db
    .insert(windows)
    .values({
      hallId: input.hallId,
      unitId: input.unitId,
      number,
      nameZh: input.nameZh ?? `${number}号窗口`,
      nameEn: input.nameEn ?? `Window ${number}`,
      phone: '020-87110001',
    })
    .returning();
  if (!row) {
    throw new Error('no window row');
  }
  return row;
}

/** A complete, plain item sheet: every required field in Chinese and English. */
export function sampleContent(overrides: Partial<ItemContentInput> = {}): ItemContentInput {
  return {
    name: { zh: '在读证明开具', en: 'Certificate of enrolment' },
    summary: { zh: '为在读学生开具在读证明。', en: 'A certificate that a student is enrolled.' },
    basis: [{ zh: '《学籍管理规定》第十条', en: 'Student Status Rules, Art. 10' }],
    eligibility: { zh: '在籍学生', en: 'Enrolled students' },
    applicantTypes: ['student'],
    steps: [
      { title: { zh: '提交申请', en: 'Apply' } },
      { title: { zh: '领取证明', en: 'Collect the certificate' } },
    ],
    materials: [
      {
        key: 'student-card',
        name: { zh: '学生证', en: 'Student card' },
        format: 'paper',
        originals: 1,
        copies: 0,
      },
    ],
    limit: { kind: 'working-days', days: 3, isInPrinciple: false },
    ...overrides,
  };
}

export interface PublishedItemOptions {
  unitId: string;
  windowIds?: string[];
  participantUnitIds?: string[];
  campusIds?: string[];
  code?: string;
  /** Defaults to 'both' when windows are given, else 'online' (so the item could be published). */
  channel?: Channel;
  defaultMode?: HandlingMode;
  isForeignFacing?: boolean;
  content?: Partial<ItemContentInput>;
  limit?: PromisedLimit;
}

export interface PublishedItem {
  itemId: string;
  code: string;
  version: number;
  content: ItemContent;
}

/** An item published at version 1, written straight to the database. */
export async function createPublishedItem(
  db: DbOrTx,
  options: PublishedItemOptions,
): Promise<PublishedItem> {
  const code = options.code ?? `ITEM-${process.pid}-${next()}`;
  const windowIds = options.windowIds ?? [];
  const content = itemContent.parse(
    sampleContent({ ...options.content, ...(options.limit ? { limit: options.limit } : {}) }),
  );
  const settings: ItemSettings = {
    unitId: options.unitId,
    channel: options.channel ?? (windowIds.length > 0 ? 'both' : 'online'),
    defaultMode: options.defaultMode ?? 'promised',
    isForeignFacing: options.isForeignFacing ?? false,
    campusIds: options.campusIds ?? [],
    windowIds,
    participantUnitIds: options.participantUnitIds ?? [],
  };
  const [unit] = await db.select().from(units).where(eq(units.id, options.unitId));

  const [row] = await db
    .insert(items)
    .values({
      code,
      unitId: settings.unitId,
      status: 'published',
      publishedVersion: 1,
      latestVersion: 1,
      isForeignFacing: settings.isForeignFacing,
      channel: settings.channel,
      defaultMode: settings.defaultMode,
      audiences: [...content.applicantTypes],
      campusIds: settings.campusIds,
      searchText: buildSearchText(code, content, unit ?? { nameZh: '', nameEn: '' }),
    })
    .returning();
  if (!row) {
    throw new Error('no item row');
  }
  await db
    .insert(itemVersions)
    .values({ itemId: row.id, version: 1, content, settings, publishedAt: new Date() });
  if (windowIds.length > 0) {
    await db
      .insert(itemWindows)
      .values(windowIds.map((windowId) => ({ itemId: row.id, windowId })));
  }
  if (settings.participantUnitIds.length > 0) {
    await db
      .insert(itemParticipants)
      .values(settings.participantUnitIds.map((unitId) => ({ itemId: row.id, unitId })));
  }
  return { itemId: row.id, code, version: 1, content };
}
