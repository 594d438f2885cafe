import {
  and,
  arrayContains,
  asc,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isCenter } from '../../platform/auth/guards.js';
import {
  AppError,
  invalidInput,
  notFound,
  ruleViolation,
  type FieldIssue,
} from '../../platform/errors/app-error.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { campuses, halls, units, windows } from '../org/schema.js';
import {
  applicantTypes,
  itemContent,
  type ItemContent,
  type LocalText,
  type PromisedLimit,
} from './content.js';
import {
  buildSearchText,
  containsPattern,
  findPublicationProblems,
  splitSearchTerms,
} from './publication.js';
import {
  channels,
  handlingModes,
  itemParticipants,
  items,
  itemStatuses,
  itemVersions,
  itemWindows,
  type Channel,
  type HandlingMode,
  type ItemSettings,
  type ItemStatus,
} from './schema.js';

export type ItemRow = typeof items.$inferSelect;

/** What the center writes to create or edit an item: its settings and its sheet. */
export const itemInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'letters, digits, dot, hyphen or underscore'),
  unitId: z.string().uuid(),
  channel: z.enum(channels),
  defaultMode: z.enum(handlingModes),
  isForeignFacing: z.boolean().default(false),
  campusIds: z.array(z.string().min(1)).default([]),
  windowIds: z.array(z.string().uuid()).default([]),
  participantUnitIds: z.array(z.string().uuid()).default([]),
  content: itemContent,
});
export type ItemInput = z.infer<typeof itemInput>;

export const itemListQuery = z.object({
  q: z.string().max(200).optional(),
  campusId: z.string().max(40).optional(),
  unitId: z.string().uuid().optional(),
  audience: z.enum(applicantTypes).optional(),
  status: z.enum([...itemStatuses, 'all']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ItemListQuery = z.infer<typeof itemListQuery>;

export interface ItemSummary {
  id: string;
  code: string;
  name: LocalText;
  unit: { id: string; nameZh: string; nameEn: string };
  channel: Channel;
  limit: PromisedLimit;
  audiences: string[];
  campusIds: string[];
  isForeignFacing: boolean;
  defaultMode: HandlingMode;
  status: ItemStatus;
  /** The version the summary shows: the published one, else the newest draft. */
  version: number;
  /** A draft newer than the published version is waiting. */
  hasDraft: boolean;
}

export interface ItemSheetWindow {
  id: string;
  number: number;
  nameZh: string;
  nameEn: string;
  phone: string;
  hall: {
    id: string;
    nameZh: string;
    nameEn: string;
    addressZh: string;
    addressEn: string;
    campus: { id: string; nameZh: string; nameEn: string };
  };
}

/** One version of an item as the item sheet shows it (R-CAT-1, R-CAT-3). */
export interface ItemSheet {
  id: string;
  code: string;
  status: ItemStatus;
  version: number;
  publishedVersion: number | null;
  latestVersion: number;
  /** Whether this version is the one the public sees. */
  isPublishedVersion: boolean;
  versionCreatedAt: Date;
  versionPublishedAt: Date | null;
  unit: { id: string; code: string; nameZh: string; nameEn: string; phone: string };
  channel: Channel;
  defaultMode: HandlingMode;
  isForeignFacing: boolean;
  audiences: string[];
  campusIds: string[];
  windows: ItemSheetWindow[];
  participants: { id: string; code: string; nameZh: string; nameEn: string }[];
  content: ItemContent;
}

export interface ItemVersion {
  item: ItemRow;
  version: number;
  content: ItemContent;
  settings: ItemSettings;
  publishedAt: Date | null;
}

/** The center sees every draft; a unit's administrator sees the drafts of its own unit. */
export function canSeeUnpublished(actor: Actor | null, unitId: string): boolean {
  if (!actor) {
    return false;
  }
  return isCenter(actor) || (actor.role === 'unit-admin' && actor.unitId === unitId);
}

const canWriteCatalogue = (actor: Actor) =>
  actor.role === 'center' || actor.role === 'center-admin';

function requireWriter(actor: Actor): void {
  if (!canWriteCatalogue(actor)) {
    throw new AppError('forbidden', 'only the center edits the catalogue');
  }
}

export async function getItemOrThrow(db: DbOrTx, itemId: string): Promise<ItemRow> {
  const [item] = await db.select().from(items).where(eq(items.id, itemId));
  if (!item) {
    throw notFound('item');
  }
  return item;
}

/** Any version of an item, published or not; cases read the version they were filed under. */
export async function getItemVersionOrThrow(
  db: DbOrTx,
  itemId: string,
  version: number,
): Promise<ItemVersion> {
  const item = await getItemOrThrow(db, itemId);
  const [row] = await db
    .select()
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.version, version)));
  if (!row) {
    throw notFound(`version ${version} of the item`);
  }
  return {
    item,
    version: row.version,
    content: row.content,
    settings: row.settings,
    publishedAt: row.publishedAt,
  };
}

/** The version the public sees and new cases are filed under (R-CAT-6); 404 unless published. */
export async function getPublishedItemOrThrow(db: DbOrTx, itemId: string): Promise<ItemVersion> {
  const item = await getItemOrThrow(db, itemId);
  if (item.status !== 'published' || item.publishedVersion === null) {
    throw notFound('published item');
  }
  return getItemVersionOrThrow(db, itemId, item.publishedVersion);
}

const statusFilters: Record<ItemStatus | 'all', SQL | undefined> = {
  published: eq(items.status, 'published'),
  draft: or(
    eq(items.status, 'draft'),
    gt(items.latestVersion, sql`coalesce(${items.publishedVersion}, 0)`),
  ),
  withdrawn: eq(items.status, 'withdrawn'),
  all: undefined,
};

/** The catalogue, searched and filtered (R-CAT-5); the public sees published items only. */
export async function listItems(
  deps: Deps,
  actor: Actor | null,
  query: ItemListQuery,
): Promise<{ items: ItemSummary[]; total: number; page: number; pageSize: number }> {
  const { db } = deps;
  const status = query.status ?? 'published';
  const filters: (SQL | undefined)[] = [statusFilters[status]];

  if (status !== 'published') {
    if (!actor || !(isCenter(actor) || actor.role === 'unit-admin')) {
      throw new AppError('forbidden', 'unpublished items are for the center and their own unit');
    }
    if (!isCenter(actor)) {
      const ownUnit = eq(items.unitId, actor.unitId ?? '00000000-0000-0000-0000-000000000000');
      filters.push(status === 'all' ? or(eq(items.status, 'published'), ownUnit) : ownUnit);
    }
  }

  for (const term of splitSearchTerms(query.q)) {
    filters.push(ilike(items.searchText, containsPattern(term)));
  }
  if (query.unitId) {
    filters.push(eq(items.unitId, query.unitId));
  }
  if (query.audience) {
    filters.push(arrayContains(items.audiences, [query.audience]));
  }
  if (query.campusId) {
    // An item is on a campus when it says so, or when one of its windows is in a hall there.
    const windowOnCampus = db
      .select({ one: sql`1` })
      .from(itemWindows)
      .innerJoin(windows, eq(windows.id, itemWindows.windowId))
      .innerJoin(halls, eq(halls.id, windows.hallId))
      .where(and(eq(itemWindows.itemId, items.id), eq(halls.campusId, query.campusId)));
    filters.push(or(arrayContains(items.campusIds, [query.campusId]), exists(windowOnCampus)));
  }
  const where = and(...filters);

  const shownVersion = sql`coalesce(${items.publishedVersion}, ${items.latestVersion})`;
  const rows = await db
    .select({
      item: items,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      name: sql<LocalText>`${itemVersions.content} -> 'name'`,
      limit: sql<PromisedLimit>`${itemVersions.content} -> 'limit'`,
    })
    .from(items)
    .innerJoin(units, eq(units.id, items.unitId))
    .innerJoin(
      itemVersions,
      and(eq(itemVersions.itemId, items.id), eq(itemVersions.version, shownVersion)),
    )
    .where(where)
    .orderBy(asc(items.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = await db.$count(items, where);

  return {
    items: rows.map(({ item, unitNameZh, unitNameEn, name, limit }) => ({
      id: item.id,
      code: item.code,
      name,
      unit: { id: item.unitId, nameZh: unitNameZh, nameEn: unitNameEn },
      channel: item.channel,
      limit,
      audiences: item.audiences,
      campusIds: item.campusIds,
      isForeignFacing: item.isForeignFacing,
      defaultMode: item.defaultMode,
      status: item.status,
      version: item.publishedVersion ?? item.latestVersion,
      hasDraft: item.latestVersion > (item.publishedVersion ?? 0),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Puts one version together with its unit, windows, halls and participants. */
async function assembleSheet(db: DbOrTx, version: ItemVersion): Promise<ItemSheet> {
  const { item, settings } = version;
  const [unit] = await db
    .select({
      id: units.id,
      code: units.code,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      phone: units.phone,
    })
    .from(units)
    .where(eq(units.id, settings.unitId));
  if (!unit) {
    throw notFound('unit of the item');
  }

  const windowRows =
    settings.windowIds.length === 0
      ? []
      : await db
          .select({ window: windows, hall: halls, campus: campuses })
          .from(windows)
          .innerJoin(halls, eq(halls.id, windows.hallId))
          .innerJoin(campuses, eq(campuses.id, halls.campusId))
          .where(inArray(windows.id, settings.windowIds))
          .orderBy(asc(campuses.id), asc(halls.nameZh), asc(windows.number));
  const participants =
    settings.participantUnitIds.length === 0
      ? []
      : await db
          .select({ id: units.id, code: units.code, nameZh: units.nameZh, nameEn: units.nameEn })
          .from(units)
          .where(inArray(units.id, settings.participantUnitIds))
          .orderBy(asc(units.code));

  return {
    id: item.id,
    code: item.code,
    status: item.status,
    version: version.version,
    publishedVersion: item.publishedVersion,
    latestVersion: item.latestVersion,
    isPublishedVersion: item.status === 'published' && item.publishedVersion === version.version,
    versionCreatedAt: await versionCreatedAt(db, item.id, version.version),
    versionPublishedAt: version.publishedAt,
    unit,
    channel: settings.channel,
    defaultMode: settings.defaultMode,
    isForeignFacing: settings.isForeignFacing,
    audiences: [...version.content.applicantTypes],
    campusIds: settings.campusIds,
    windows: windowRows.map(({ window, hall, campus }) => ({
      id: window.id,
      number: window.number,
      nameZh: window.nameZh,
      nameEn: window.nameEn,
      phone: window.phone,
      hall: {
        id: hall.id,
        nameZh: hall.nameZh,
        nameEn: hall.nameEn,
        addressZh: hall.addressZh,
        addressEn: hall.addressEn,
        campus,
      },
    })),
    participants,
    content: version.content,
  };
}

async function versionCreatedAt(db: DbOrTx, itemId: string, version: number): Promise<Date> {
  const [row] = await db
    .select({ createdAt: itemVersions.createdAt })
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.version, version)));
  if (!row) {
    throw notFound(`version ${version} of the item`);
  }
  return row.createdAt;
}

/**
 * The item sheet as a reader may see it: the published version for everyone; a draft or an
 * older version for the center and the owning unit; any version that was once public for all.
 */
export async function getItemSheet(
  deps: Deps,
  actor: Actor | null,
  itemId: string,
  version?: number,
): Promise<ItemSheet> {
  const { db } = deps;
  const item = await getItemOrThrow(db, itemId);
  const isInsider = canSeeUnpublished(actor, item.unitId);
  const isPublic = item.status === 'published' && item.publishedVersion !== null;

  if (version === undefined) {
    if (isPublic && item.publishedVersion !== null) {
      return assembleSheet(db, await getItemVersionOrThrow(db, itemId, item.publishedVersion));
    }
    if (!isInsider) {
      throw notFound('item');
    }
    return assembleSheet(db, await getItemVersionOrThrow(db, itemId, item.latestVersion));
  }

  const found = await getItemVersionOrThrow(db, itemId, version);
  if (!isInsider && !(isPublic && found.publishedAt !== null)) {
    throw notFound(`version ${version} of the item`);
  }
  return assembleSheet(db, found);
}

export interface ItemVersionEntry {
  version: number;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
}

/** The history of an item's versions, for the center and the owning unit (R-CAT-6). */
export async function listItemVersions(
  deps: Deps,
  actor: Actor,
  itemId: string,
): Promise<ItemVersionEntry[]> {
  const item = await getItemOrThrow(deps.db, itemId);
  if (!canSeeUnpublished(actor, item.unitId)) {
    throw new AppError('forbidden', 'versions are for the center and the owning unit');
  }
  return deps.db
    .select({
      version: itemVersions.version,
      createdAt: itemVersions.createdAt,
      createdBy: itemVersions.createdBy,
      publishedAt: itemVersions.publishedAt,
    })
    .from(itemVersions)
    .where(eq(itemVersions.itemId, itemId))
    .orderBy(asc(itemVersions.version));
}

export const settingsOf = (input: ItemInput): ItemSettings => ({
  unitId: input.unitId,
  channel: input.channel,
  defaultMode: input.defaultMode,
  isForeignFacing: input.isForeignFacing,
  campusIds: [...new Set(input.campusIds)],
  windowIds: [...new Set(input.windowIds)],
  participantUnitIds: [...new Set(input.participantUnitIds)],
});

/** Every reference of the settings that does not exist, each with its field path. */
export async function findMissingReferences(
  db: DbOrTx,
  settings: ItemSettings,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const unitIds = [settings.unitId, ...settings.participantUnitIds];
  const knownUnits = new Set(
    (await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))).map(
      (row) => row.id,
    ),
  );
  if (!knownUnits.has(settings.unitId)) {
    issues.push({ path: 'unitId', message: 'no such unit' });
  }
  settings.participantUnitIds.forEach((id, index) => {
    if (!knownUnits.has(id)) {
      issues.push({ path: `participantUnitIds.${index}`, message: 'no such unit' });
    } else if (id === settings.unitId) {
      issues.push({
        path: `participantUnitIds.${index}`,
        message: 'the owning unit leads the item; it is not also a participant',
      });
    }
  });

  if (settings.windowIds.length > 0) {
    const knownWindows = new Set(
      (
        await db
          .select({ id: windows.id })
          .from(windows)
          .where(inArray(windows.id, settings.windowIds))
      ).map((row) => row.id),
    );
    settings.windowIds.forEach((id, index) => {
      if (!knownWindows.has(id)) {
        issues.push({ path: `windowIds.${index}`, message: 'no such window' });
      }
    });
  }
  if (settings.campusIds.length > 0) {
    const knownCampuses = new Set(
      (await db.select({ id: campuses.id }).from(campuses)).map((row) => row.id),
    );
    settings.campusIds.forEach((id, index) => {
      if (!knownCampuses.has(id)) {
        issues.push({ path: `campusIds.${index}`, message: 'no such campus' });
      }
    });
  }
  return issues;
}

/** The item row and its window and participant links follow the version in force. */
async function applySettings(
  tx: Tx,
  item: ItemRow,
  settings: ItemSettings,
  content: ItemContent,
  changes: Partial<ItemRow>,
): Promise<void> {
  const [unit] = await tx
    .select({ nameZh: units.nameZh, nameEn: units.nameEn })
    .from(units)
    .where(eq(units.id, settings.unitId));
  const code = changes.code ?? item.code;
  await tx
    .update(items)
    .set({
      ...changes,
      unitId: settings.unitId,
      channel: settings.channel,
      defaultMode: settings.defaultMode,
      isForeignFacing: settings.isForeignFacing,
      campusIds: settings.campusIds,
      audiences: [...content.applicantTypes],
      searchText: buildSearchText(code, content, unit ?? { nameZh: '', nameEn: '' }),
    })
    .where(eq(items.id, item.id));

  await tx.delete(itemWindows).where(eq(itemWindows.itemId, item.id));
  if (settings.windowIds.length > 0) {
    await tx
      .insert(itemWindows)
      .values(settings.windowIds.map((windowId) => ({ itemId: item.id, windowId })));
  }
  await tx.delete(itemParticipants).where(eq(itemParticipants.itemId, item.id));
  if (settings.participantUnitIds.length > 0) {
    await tx
      .insert(itemParticipants)
      .values(settings.participantUnitIds.map((unitId) => ({ itemId: item.id, unitId })));
  }
}

async function assertCodeFree(db: DbOrTx, code: string, exceptItemId?: string): Promise<void> {
  const [taken] = await db.select({ id: items.id }).from(items).where(eq(items.code, code));
  if (taken && taken.id !== exceptItemId) {
    throw new AppError('conflict', `the item code ${code} is taken`, {
      issues: [{ path: 'code', message: 'taken' }],
    });
  }
}

/** Writes a new draft item, version 1, inside the caller's transaction. */
export async function insertDraftItem(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  input: ItemInput,
  source: 'api' | 'import',
): Promise<string> {
  const now = deps.now();
  const settings = settingsOf(input);
  await assertCodeFree(tx, input.code);

  const [row] = await tx
    .insert(items)
    .values({
      code: input.code,
      unitId: settings.unitId,
      status: 'draft',
      latestVersion: 1,
      channel: settings.channel,
      defaultMode: settings.defaultMode,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) {
    throw new Error('insert returned no row');
  }
  await tx.insert(itemVersions).values({
    itemId: row.id,
    version: 1,
    content: input.content,
    settings,
    createdBy: actor.id,
    createdAt: now,
  });
  await applySettings(tx, row, settings, input.content, {});

  await recordAudit(tx, {
    actorId: actor.id,
    action: 'item.created',
    entity: 'item',
    entityId: row.id,
    detail: { code: input.code, version: 1, source },
  });
  return row.id;
}

/** Creates an item as a draft; the public sees nothing until it is published. */
export async function createItem(deps: Deps, actor: Actor, input: ItemInput): Promise<ItemSheet> {
  requireWriter(actor);
  const issues = await findMissingReferences(deps.db, settingsOf(input));
  if (issues.length > 0) {
    throw invalidInput(issues);
  }

  const itemId = await deps.db.transaction((tx) => insertDraftItem(tx, deps, actor, input, 'api'));
  return getItemSheet(deps, actor, itemId);
}

async function lockItemOrThrow(tx: Tx, itemId: string): Promise<ItemRow> {
  const [item] = await tx.select().from(items).where(eq(items.id, itemId)).for('update');
  if (!item) {
    throw notFound('item');
  }
  return item;
}

/**
 * Edits an item. A draft changes in place; a published item gets a new draft version and the
 * published one stays what the public sees and cases are filed under (R-CAT-6).
 */
export async function updateItem(
  deps: Deps,
  actor: Actor,
  itemId: string,
  input: ItemInput,
): Promise<ItemSheet> {
  requireWriter(actor);
  const settings = settingsOf(input);
  const issues = await findMissingReferences(deps.db, settings);
  if (issues.length > 0) {
    throw invalidInput(issues);
  }
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const item = await lockItemOrThrow(tx, itemId);
    const wasEverPublished = item.publishedVersion !== null;
    if (input.code !== item.code) {
      if (wasEverPublished) {
        throw new AppError('invalid-state', 'the code of an item is fixed once it is published', {
          issues: [{ path: 'code', message: 'fixed once published' }],
        });
      }
      await assertCodeFree(tx, input.code, item.id);
    }

    const isDraftAhead = item.latestVersion !== item.publishedVersion;
    const version = isDraftAhead ? item.latestVersion : item.latestVersion + 1;
    if (isDraftAhead) {
      await tx
        .update(itemVersions)
        .set({ content: input.content, settings, createdBy: actor.id })
        .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.version, version)));
    } else {
      await tx.insert(itemVersions).values({
        itemId: item.id,
        version,
        content: input.content,
        settings,
        createdBy: actor.id,
        createdAt: now,
      });
    }

    if (wasEverPublished) {
      await tx
        .update(items)
        .set({ latestVersion: version, updatedAt: now })
        .where(eq(items.id, item.id));
    } else {
      await applySettings(tx, item, settings, input.content, { code: input.code, updatedAt: now });
    }

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'item.updated',
      entity: 'item',
      entityId: item.id,
      detail: { version, isNewVersion: !isDraftAhead },
    });
  });

  const item = await getItemOrThrow(deps.db, itemId);
  return getItemSheet(deps, actor, itemId, item.latestVersion);
}

/**
 * Publishes the newest version once it meets the measures: a window for what is not fully
 * online (Art. 6), English for a foreign-facing item (Art. 13), participants for a joint one.
 */
export async function publishItem(deps: Deps, actor: Actor, itemId: string): Promise<ItemSheet> {
  requireWriter(actor);
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const item = await lockItemOrThrow(tx, itemId);
    if (item.status === 'published' && item.publishedVersion === item.latestVersion) {
      throw new AppError('invalid-state', 'the newest version is already published');
    }
    const latest = await getItemVersionOrThrow(tx, item.id, item.latestVersion);

    const problems = findPublicationProblems(latest.settings, latest.content);
    if (problems.length > 0) {
      const articles = [...new Set(problems.map((problem) => problem.article))].join(', ');
      throw ruleViolation(articles, 'the item cannot be published yet', {
        issues: problems.flatMap((problem) => problem.issues),
      });
    }
    const missing = await findMissingReferences(tx, latest.settings);
    if (missing.length > 0) {
      throw invalidInput(missing);
    }

    await tx
      .update(itemVersions)
      .set({ publishedAt: now })
      .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.version, latest.version)));
    await applySettings(tx, item, latest.settings, latest.content, {
      status: 'published',
      publishedVersion: latest.version,
      updatedAt: now,
    });

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'item.published',
      entity: 'item',
      entityId: item.id,
      detail: { version: latest.version, previousVersion: item.publishedVersion },
    });
  });

  return getItemSheet(deps, actor, itemId);
}

/** Takes an item out of the public catalogue; cases already filed keep their version. */
export async function withdrawItem(deps: Deps, actor: Actor, itemId: string): Promise<ItemSheet> {
  requireWriter(actor);
  const now = deps.now();

  await deps.db.transaction(async (tx) => {
    const item = await lockItemOrThrow(tx, itemId);
    if (item.status !== 'published') {
      throw new AppError('invalid-state', 'only a published item can be withdrawn');
    }
    await tx
      .update(items)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(eq(items.id, item.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'item.withdrawn',
      entity: 'item',
      entityId: item.id,
      detail: { version: item.publishedVersion },
    });
  });

  return getItemSheet(deps, actor, itemId);
}
