import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { applyCaseAction, fileCase } from '../../modules/cases/service.js';
import { itemInput, insertDraftItem, publishItem } from '../../modules/catalog/service.js';
import { campuses, halls, units, windows } from '../../modules/org/schema.js';
import { hashPassword } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import type { OfficePeriod } from '../../config.js';
import {
  addDays,
  calendarZone,
  dayOf,
  type IsoDay,
  type WorkingCalendar,
} from '../../platform/calendar/calendar.js';
import { loadCalendar } from '../../platform/calendar/service.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import type { Tx } from '../client.js';
import { accountSeeds, demoPassword } from './data/accounts.js';
import { caseSeeds, type CaseSeed, type When } from './data/cases.js';
import { academicItems } from './data/items-academic.js';
import { adminItems } from './data/items-admin.js';
import { campusItems } from './data/items-campus.js';
import type { ItemSeed } from './data/items-common.js';
import { campusSeeds, hallSeeds, unitSeeds, windowSeeds } from './data/org.js';

export const itemSeeds: ItemSeed[] = [...academicItems, ...adminItems, ...campusItems];

/** What the start banner lists; every account signs in with `Demo@2026`. */
export const demoAccounts: { username: string; role: string; note: string }[] = accountSeeds.map(
  (account) => ({ username: account.username, role: account.role, note: account.note }),
);

// Any constant will do: it only keeps two servers starting on one empty database apart.
const seedLockKey = 720_260_301;

/**
 * Loads the demo university on the first start: campuses, halls, units, windows, accounts,
 * the catalogue and cases in every state, all in one transaction. Returns false and changes
 * nothing when the database already has a unit.
 */
export async function seedDemoIfEmpty(deps: Deps): Promise<boolean> {
  if (await hasAnyUnit(deps.db)) {
    return false;
  }
  // argon2 is slow on purpose: one hash serves every demo account.
  const passwordHash = await hashPassword(demoPassword);
  const material = await demoMaterialPdf();

  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${seedLockKey})`);
    if (await hasAnyUnit(tx)) {
      return false;
    }
    const txDeps: Deps = { ...deps, db: tx };
    const ids = await insertOrganisation(tx);
    const actors = await insertAccounts(tx, ids, passwordHash);
    const itemIds = await insertItems(tx, txDeps, ids, actorOf(actors, 'admin'));
    await insertCases(txDeps, itemIds, actors, material);
    return true;
  });
}

async function hasAnyUnit(db: Deps['db'] | Tx): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).limit(1);
  return row !== undefined;
}

interface OrganisationIds {
  unitIdByCode: Map<string, string>;
  /** Keyed `campusId/number`. */
  windowIdByPlace: Map<string, string>;
  windowsByUnitAndCampus: Map<string, string[]>;
}

const placeKey = (campusId: string, number: number) => `${campusId}/${number}`;
const unitCampusKey = (unitCode: string, campusId: string) => `${unitCode}@${campusId}`;

async function insertOrganisation(tx: Tx): Promise<OrganisationIds> {
  await tx.insert(campuses).values([...campusSeeds]);
  const hallRows = await tx.insert(halls).values(hallSeeds).returning();
  const hallIdByCampus = new Map(hallRows.map((hall) => [hall.campusId, hall.id]));
  const unitRows = await tx
    .insert(units)
    .values([...unitSeeds])
    .returning();
  const unitIdByCode = new Map(unitRows.map((unit) => [unit.code, unit.id]));

  const windowRows = await tx
    .insert(windows)
    .values(
      windowSeeds.map((seed) => ({
        hallId: getOrThrow(hallIdByCampus, seed.campusId, 'hall'),
        unitId: getOrThrow(unitIdByCode, seed.unitCode, 'unit'),
        number: seed.number,
        nameZh: seed.nameZh,
        nameEn: seed.nameEn,
        phone: seed.phone,
      })),
    )
    .returning();

  const windowIdByPlace = new Map<string, string>();
  const windowsByUnitAndCampus = new Map<string, string[]>();
  windowSeeds.forEach((seed, index) => {
    const id = windowRows[index]?.id;
    if (!id) {
      throw new Error('a window was not inserted');
    }
    windowIdByPlace.set(placeKey(seed.campusId, seed.number), id);
    const key = unitCampusKey(seed.unitCode, seed.campusId);
    windowsByUnitAndCampus.set(key, [...(windowsByUnitAndCampus.get(key) ?? []), id]);
  });
  return { unitIdByCode, windowIdByPlace, windowsByUnitAndCampus };
}

async function insertAccounts(
  tx: Tx,
  ids: OrganisationIds,
  passwordHash: string,
): Promise<Map<string, Actor>> {
  const rows = await tx
    .insert(users)
    .values(
      accountSeeds.map((seed) => ({
        username: seed.username,
        displayName: seed.displayName,
        role: seed.role,
        applicantKind: seed.applicantKind ?? null,
        unitId: seed.unitCode ? getOrThrow(ids.unitIdByCode, seed.unitCode, 'unit') : null,
        windowId: seed.window
          ? getOrThrow(
              ids.windowIdByPlace,
              placeKey(seed.window.campusId, seed.window.number),
              'window',
            )
          : null,
        email: seed.email,
        phone: seed.phone,
        idCard: seed.idCard,
        passwordHash,
      })),
    )
    .returning();
  return new Map(
    rows.map((row) => [
      row.username,
      {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        applicantKind: row.applicantKind,
        unitId: row.unitId,
        windowId: row.windowId,
      },
    ]),
  );
}

/** The owning unit's windows in the halls of the item's campuses (Art. 6). */
function windowIdsOf(seed: ItemSeed, ids: OrganisationIds): string[] {
  if (seed.channel === 'online') {
    return [];
  }
  return seed.campusIds.flatMap(
    (campusId) => ids.windowsByUnitAndCampus.get(unitCampusKey(seed.unitCode, campusId)) ?? [],
  );
}

/** Items go through the catalogue service, so versions, links and search text are its own. */
async function insertItems(
  tx: Tx,
  deps: Deps,
  ids: OrganisationIds,
  admin: Actor,
): Promise<Map<string, string>> {
  const itemIds = new Map<string, string>();
  for (const seed of itemSeeds) {
    const input = itemInput.parse({
      code: seed.code,
      unitId: getOrThrow(ids.unitIdByCode, seed.unitCode, 'unit'),
      channel: seed.channel,
      defaultMode: seed.defaultMode,
      isForeignFacing: seed.isForeignFacing,
      campusIds: seed.campusIds,
      windowIds: windowIdsOf(seed, ids),
      participantUnitIds: (seed.participantUnitCodes ?? []).map((code) =>
        getOrThrow(ids.unitIdByCode, code, 'unit'),
      ),
      content: seed.content,
    });
    const itemId = await insertDraftItem(tx, deps, admin, input, 'import');
    if (seed.isPublished) {
      await publishItem(deps, admin, itemId);
    }
    itemIds.set(seed.code, itemId);
  }
  return itemIds;
}

interface DemoClock {
  calendar: WorkingCalendar;
  /** The working day whose close the nearly due case is due at. */
  currentDay: IsoDay;
  /** Now, or the end of the last office period when now is outside office hours. */
  lastOfficeMoment: Date;
}

const momentOn = (day: IsoDay, time: string): Date =>
  DateTime.fromISO(`${day}T${time}`, { zone: calendarZone }).toJSDate();

function demoClockOf(now: Date, calendar: WorkingCalendar, officeHours: OfficePeriod[]): DemoClock {
  const currentDay = dayOf(calendar.nextWorkingMoment(now));
  const latestFirst = [...officeHours].sort((a, b) => b.end.localeCompare(a.end));

  let day = dayOf(now);
  for (let scanned = 0; scanned < 366; scanned += 1, day = addDays(day, -1)) {
    if (!calendar.isWorkingDay(day)) {
      continue;
    }
    const begun = latestFirst.find((period) => momentOn(day, period.start) <= now);
    if (begun) {
      const end = momentOn(day, begun.end);
      return { calendar, currentDay, lastOfficeMoment: end < now ? end : now };
    }
  }
  return { calendar, currentDay, lastOfficeMoment: now };
}

/** The moment a step happened, on the center's clock. */
function momentOf(when: When, clock: DemoClock): Date {
  if ('minutesAgo' in when) {
    return new Date(clock.lastOfficeMoment.getTime() - when.minutesAgo * 60_000);
  }
  let day = clock.currentDay;
  for (let counted = 0; counted < when.workingDaysAgo;) {
    day = addDays(day, -1);
    if (clock.calendar.isWorkingDay(day)) {
      counted += 1;
    }
  }
  return momentOn(day, when.time);
}

function formOf(seed: CaseSeed, now: Date): Record<string, unknown> {
  const today = dayOf(now);
  return Object.fromEntries(
    Object.entries(seed.form).map(([key, value]) => [
      key,
      typeof value === 'object' ? addDays(today, value.daysFromToday) : value,
    ]),
  );
}

/**
 * Cases are filed and moved through the case service with the clock set to when each step
 * happened, so events, due times and warnings are exactly what real use would have left.
 */
async function insertCases(
  deps: Deps,
  itemIds: Map<string, string>,
  actors: Map<string, Actor>,
  material: Buffer,
): Promise<void> {
  const now = deps.now();
  const clock = demoClockOf(now, await loadCalendar(deps), deps.config.officeHours);
  const at = (moment: Date): Deps => ({ ...deps, now: () => moment });

  for (const seed of caseSeeds) {
    const filedAt = momentOf(seed.when, clock);
    const row = await fileCase(at(filedAt), actorOf(actors, seed.filedBy), {
      itemId: getOrThrow(itemIds, seed.itemCode, 'item'),
      form: formOf(seed, now),
      applicantName: seed.applicantName,
      applicantPhone: seed.applicantPhone,
      materials: (seed.uploads ?? []).map((materialKey) => ({
        materialKey,
        filename: `${materialKey}.pdf`,
        bytes: material,
      })),
    });
    for (const step of seed.steps) {
      await applyCaseAction(
        at(momentOf(step.when, clock)),
        actorOf(actors, step.by),
        row.id,
        step.action,
        {
          reason: step.reason,
          rule: step.rule,
          note: step.note,
          way: step.way,
          authority: step.authority,
          entries: step.entries,
        },
      );
    }
  }
}

/** A small real PDF to stand in for uploaded scans. */
function demoMaterialPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'OneStop demo material' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text('OneStop demo material', { align: 'center' });
    doc.moveDown().fontSize(11).text('A stand-in for a scanned document uploaded with a case.');
    doc.end();
  });
}

function actorOf(actors: Map<string, Actor>, username: string): Actor {
  return getOrThrow(actors, username, 'account');
}

function getOrThrow<V>(map: Map<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) {
    throw new Error(`the demo data names an unknown ${what} ${key}`);
  }
  return value;
}
