import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { campuses } from '../../modules/org/schema.js';
import { recordAudit } from '../audit/audit.js';
import { AppError, invalidInput, notFound, type FieldIssue } from '../errors/app-error.js';
import type { Actor, Deps } from '../http/types.js';
import {
  WorkingCalendar,
  addDays,
  isWeekend,
  yearsInPackage,
  type DayInfo,
  type Due,
  type DueLimit,
  type IsoDay,
  type YearSource,
} from './calendar.js';
import { calendarOverrides, calendarYears } from './schema.js';

export interface CalendarDeps {
  db: DbOrTx;
  config: Pick<Config, 'officeHours'>;
}

/**
 * The working-day calendar as the database has it now. It is read afresh on every call (a few
 * hundred rows at most), so an edit counts at once on every server process.
 */
export async function loadCalendar(deps: CalendarDeps): Promise<WorkingCalendar> {
  const overrides = await deps.db
    .select({
      day: calendarOverrides.day,
      campusId: calendarOverrides.campusId,
      isWorkingDay: calendarOverrides.isWorkingDay,
      note: calendarOverrides.note,
      loadedYear: calendarOverrides.loadedYear,
    })
    .from(calendarOverrides);
  const years = await deps.db.select({ year: calendarYears.year }).from(calendarYears);
  return new WorkingCalendar({
    officeHours: deps.config.officeHours,
    overrides,
    loadedYears: years.map((row) => row.year),
  });
}

async function checkCampus(db: DbOrTx, campusId: string | null | undefined, path: string) {
  if (!campusId) {
    return;
  }
  const [campus] = await db
    .select({ id: campuses.id })
    .from(campuses)
    .where(eq(campuses.id, campusId));
  if (!campus) {
    throw invalidInput([{ path, message: `no campus ${campusId}` }]);
  }
}

export interface DayRange {
  from: IsoDay;
  to: IsoDay;
  campusId?: string | undefined;
}

/** Every day of the range with whether it is a working day and why. */
export async function listWorkingDays(deps: Deps, range: DayRange): Promise<DayInfo[]> {
  await checkCampus(deps.db, range.campusId, 'querystring.campusId');
  const calendar = await loadCalendar(deps);

  const days: DayInfo[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    days.push(calendar.describeDay(day, range.campusId));
  }
  return days;
}

export interface DueQuery {
  acceptedAt: Date;
  limit: DueLimit;
  campusId?: string | undefined;
}

/** The due time a case accepted at a given moment would get (R-CASE-3). */
export async function previewDue(deps: Deps, query: DueQuery): Promise<Due> {
  await checkCampus(deps.db, query.campusId, 'querystring.campusId');
  const calendar = await loadCalendar(deps);
  return calendar.computeDue(query.acceptedAt, query.limit, query.campusId);
}

export type OverrideRow = typeof calendarOverrides.$inferSelect;

export interface OverrideFilter {
  from?: IsoDay | undefined;
  to?: IsoDay | undefined;
  campusId?: string | undefined;
}

/** The center's own overrides (not the days of loaded years), by day. */
export async function listOverrides(deps: Deps, filter: OverrideFilter): Promise<OverrideRow[]> {
  const conditions = [isNull(calendarOverrides.loadedYear)];
  if (filter.from) {
    conditions.push(gte(calendarOverrides.day, filter.from));
  }
  if (filter.to) {
    conditions.push(lte(calendarOverrides.day, filter.to));
  }
  if (filter.campusId) {
    conditions.push(eq(calendarOverrides.campusId, filter.campusId));
  }
  return deps.db
    .select()
    .from(calendarOverrides)
    .where(and(...conditions))
    .orderBy(asc(calendarOverrides.day), asc(calendarOverrides.campusId));
}

export interface NewOverride {
  day: IsoDay;
  campusId: string | null;
  isWorkingDay: boolean;
  note: string;
}

/** Marks one day on one campus (or on all) as closed or open, whatever the calendar says. */
export async function createOverride(
  deps: Deps,
  actor: Actor,
  input: NewOverride,
): Promise<OverrideRow> {
  return deps.db.transaction(async (tx) => {
    await checkCampus(tx, input.campusId, 'body.campusId');

    const [row] = await tx
      .insert(calendarOverrides)
      .values({ ...input, createdBy: actor.id, createdAt: deps.now() })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError(
        'conflict',
        `${input.day} already has an override for ${input.campusId ?? 'every campus'}`,
      );
    }

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'calendar.override-created',
      entity: 'calendar_override',
      entityId: row.id,
      detail: { ...input },
    });
    return row;
  });
}

export async function deleteOverride(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(calendarOverrides)
      .where(and(eq(calendarOverrides.id, id), isNull(calendarOverrides.loadedYear)))
      .returning();
    if (!row) {
      throw notFound('calendar override');
    }

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'calendar.override-deleted',
      entity: 'calendar_override',
      entityId: id,
      detail: { day: row.day, campusId: row.campusId, isWorkingDay: row.isWorkingDay },
    });
  });
}

export interface KnownYear {
  year: number;
  source: YearSource;
  isInPackage: boolean;
  loadedAt: Date | null;
  note: string;
}

/** Which years the calendar knows, and whether from the package or loaded by the center. */
export async function listYears(deps: Deps): Promise<KnownYear[]> {
  const loaded = await deps.db.select().from(calendarYears);
  const inPackage = new Set(yearsInPackage());
  const years = new Map<number, KnownYear>();
  for (const year of inPackage) {
    years.set(year, { year, source: 'package', isInPackage: true, loadedAt: null, note: '' });
  }
  for (const row of loaded) {
    years.set(row.year, {
      year: row.year,
      source: 'center',
      isInPackage: inPackage.has(row.year),
      loadedAt: row.loadedAt,
      note: row.note,
    });
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export interface YearArrangement {
  holidays: { date: IsoDay; name: string }[];
  workdays: IsoDay[];
  note?: string | undefined;
}

/** Every problem of an announced arrangement, each at its field. */
function checkArrangement(year: number, input: YearArrangement): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<IsoDay>();
  const visit = (day: IsoDay, path: string) => {
    if (!day.startsWith(`${year}-`)) {
      issues.push({ path, message: `${day} is not in ${year}` });
    } else if (seen.has(day)) {
      issues.push({ path, message: `${day} is listed twice` });
    }
    seen.add(day);
  };
  input.holidays.forEach((holiday, index) => visit(holiday.date, `body.holidays.${index}.date`));
  input.workdays.forEach((day, index) => {
    const path = `body.workdays.${index}`;
    visit(day, path);
    // The State Council only ever moves work onto a Saturday or Sunday.
    if (!isWeekend(day)) {
      issues.push({ path, message: `${day} is a weekday; a make-up working day is a weekend day` });
    }
  });
  return issues;
}

/**
 * Loads the State Council's announced arrangement of a year, replacing what was loaded for it
 * before. From then on the year is known: its due times are no longer provisional.
 */
export async function loadYear(
  deps: Deps,
  actor: Actor,
  year: number,
  input: YearArrangement,
): Promise<KnownYear> {
  const issues = checkArrangement(year, input);
  if (issues.length > 0) {
    throw invalidInput(issues);
  }
  const now = deps.now();

  return deps.db.transaction(async (tx) => {
    const values = { loadedBy: actor.id, loadedAt: now, note: input.note ?? '' };
    const [row] = await tx
      .insert(calendarYears)
      .values({ year, ...values })
      .onConflictDoUpdate({ target: calendarYears.year, set: values })
      .returning();
    if (!row) {
      throw new Error('upsert returned no row');
    }
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.loadedYear, year));
    const days = [
      ...input.holidays.map((holiday) => ({
        day: holiday.date,
        isWorkingDay: false,
        note: holiday.name,
      })),
      ...input.workdays.map((day) => ({ day, isWorkingDay: true, note: '' })),
    ];
    await tx.insert(calendarOverrides).values(
      days.map((day) => ({
        ...day,
        campusId: null,
        loadedYear: year,
        createdBy: actor.id,
        createdAt: now,
      })),
    );

    await recordAudit(tx, {
      actorId: actor.id,
      action: 'calendar.year-loaded',
      entity: 'calendar_year',
      entityId: String(year),
      detail: { holidays: input.holidays.length, workdays: input.workdays.length },
    });
    return {
      year,
      source: 'center' as const,
      isInPackage: yearsInPackage().includes(year),
      loadedAt: row.loadedAt,
      note: row.note,
    };
  });
}
