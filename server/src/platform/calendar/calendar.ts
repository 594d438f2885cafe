import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { OfficePeriod } from '../../config.js';

/** Every rule of the measures runs on the center's clock, whatever the server's zone. */
export const calendarZone = 'Asia/Shanghai';

/** A calendar date in the center's zone, `YYYY-MM-DD`. */
export type IsoDay = string;

const officialSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

// The package's functions build their tables in the server's local zone, so on a server west
// of UTC every day answers for its neighbour; its published JSON has the days as announced.
const official = officialSchema.parse(
  createRequire(import.meta.url)('chinese-days/dist/chinese-days.json'),
);

/** "Spring Festival,春节,4" → "春节". */
const officialName = (entry: string) => entry.split(',')[1] ?? entry;

const packageYears: ReadonlySet<number> = new Set(
  [...Object.keys(official.holidays), ...Object.keys(official.workdays)].map((day) =>
    Number(day.slice(0, 4)),
  ),
);

/** The years whose official arrangement the calendar package carries. */
export const yearsInPackage = (): number[] => [...packageYears].sort((a, b) => a - b);

/** One row of `calendar_overrides`, as the calendar needs it. */
export interface CalendarOverride {
  day: IsoDay;
  campusId: string | null;
  isWorkingDay: boolean;
  note: string;
  /** Set when the row belongs to a year's arrangement the center loaded. */
  loadedYear: number | null;
}

export interface WorkingCalendarInput {
  officeHours: readonly OfficePeriod[];
  overrides?: readonly CalendarOverride[];
  /** Years whose arrangement the center loaded; for them the package is not consulted. */
  loadedYears?: Iterable<number>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday' | 'override';
export type YearSource = 'package' | 'center';

export interface DayInfo {
  day: IsoDay;
  isWorkingDay: boolean;
  kind: DayKind;
  /** The holiday's name, or the note of the override that decided the day. */
  name: string | null;
  /** The campus whose own override decided the day. */
  campusId: string | null;
  /** The day's year is not known yet, so it follows the plain Monday-to-Friday rule. */
  isProvisional: boolean;
}

/** The parts of a promised limit that decide its due time; every `PromisedLimit` is one. */
export type DueLimit =
  | { kind: 'on-the-spot' }
  | { kind: 'working-days'; days: number }
  | { kind: 'working-hours'; hours: number }
  | { kind: 'calendar-days'; days: number }
  | { kind: 'working-days-range'; maxDays: number }
  | { kind: 'none' };

export interface Due {
  dueAt: Date | null;
  /** Some day counted lies in a year whose official arrangement is not known yet. */
  isProvisional: boolean;
}

interface Period {
  startMinute: number;
  endMinute: number;
}

// Far beyond any limit the item sheet allows; reaching it means the overrides close every day.
const maxScannedDays = 366 * 20;
const minuteMs = 60_000;

const toMinute = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

const startOfDay = (day: IsoDay) => DateTime.fromISO(day, { zone: calendarZone });

/** The center's date of an instant. */
export const dayOf = (at: Date): IsoDay =>
  DateTime.fromJSDate(at, { zone: calendarZone }).toFormat('yyyy-MM-dd');

const nextDays = new Map<IsoDay, IsoDay>();

export const addDays = (day: IsoDay, count: number): IsoDay => {
  // Walking day by day is the hot path of every deadline; the next date never changes.
  if (count === 1) {
    let next = nextDays.get(day);
    if (next === undefined) {
      next = startOfDay(day).plus({ days: 1 }).toFormat('yyyy-MM-dd');
      nextDays.set(day, next);
    }
    return next;
  }
  return startOfDay(day).plus({ days: count }).toFormat('yyyy-MM-dd');
};

/** How many dates from `from` to `to`, both included. */
export const dayCount = (from: IsoDay, to: IsoDay): number =>
  startOfDay(to).diff(startOfDay(from), 'days').days + 1;

const yearOf = (day: IsoDay) => Number(day.slice(0, 4));

export const isWeekend = (day: IsoDay) => startOfDay(day).weekday >= 6;

/**
 * The working-day calendar of the center: the State Council's holidays and make-up working
 * days (from the package, or loaded by the center for newer years), the center's overrides for
 * closures, and the office hours. Pure: build it once, ask it many questions.
 */
export class WorkingCalendar {
  private readonly periods: Period[];
  private readonly loadedYears: ReadonlySet<number>;
  private readonly arranged = new Map<IsoDay, CalendarOverride>();
  /** Keyed by campus id, '' for the rows that hold on every campus. */
  private readonly overrides = new Map<string, Map<IsoDay, CalendarOverride>>();
  private readonly moments = new Map<string, number>();
  private readonly workingDays = new Map<string, boolean>();

  constructor(input: WorkingCalendarInput) {
    this.periods = input.officeHours
      .map((period) => ({ startMinute: toMinute(period.start), endMinute: toMinute(period.end) }))
      .sort((a, b) => a.startMinute - b.startMinute);
    if (this.periods.length === 0) {
      throw new Error('the working-day calendar needs at least one office period');
    }
    this.loadedYears = new Set(input.loadedYears ?? []);
    for (const row of input.overrides ?? []) {
      if (row.loadedYear !== null) {
        this.arranged.set(row.day, row);
        continue;
      }
      const key = row.campusId ?? '';
      const days = this.overrides.get(key) ?? new Map<IsoDay, CalendarOverride>();
      days.set(row.day, row);
      this.overrides.set(key, days);
    }
  }

  /** Where the year's official arrangement comes from; null while nobody knows it yet. */
  yearSource(year: number): YearSource | null {
    if (this.loadedYears.has(year)) {
      return 'center';
    }
    return packageYears.has(year) ? 'package' : null;
  }

  isYearKnown(year: number): boolean {
    return this.yearSource(year) !== null;
  }

  /** What kind of day it is on the campus (or on every campus), and why. */
  describeDay(day: IsoDay, campusId?: string | null): DayInfo {
    const isProvisional = !this.isYearKnown(yearOf(day));
    const byCampus = campusId ? this.overrides.get(campusId)?.get(day) : undefined;
    const override = byCampus ?? this.overrides.get('')?.get(day);
    if (override) {
      return {
        day,
        isWorkingDay: override.isWorkingDay,
        kind: 'override',
        name: override.note || null,
        campusId: override.campusId,
        isProvisional,
      };
    }

    const arranged = this.arrangedDay(day);
    if (arranged) {
      return { ...arranged, day, campusId: null, isProvisional };
    }
    const weekend = isWeekend(day);
    return {
      day,
      isWorkingDay: !weekend,
      kind: weekend ? 'weekend' : 'workday',
      name: null,
      campusId: null,
      isProvisional,
    };
  }

  isWorkingDay(day: IsoDay | Date, campusId?: string | null): boolean {
    const iso = typeof day === 'string' ? day : dayOf(day);
    const key = `${campusId ?? ''} ${iso}`;
    let isWorking = this.workingDays.get(key);
    if (isWorking === undefined) {
      isWorking = this.describeDay(iso, campusId).isWorkingDay;
      this.workingDays.set(key, isWorking);
    }
    return isWorking;
  }

  /** Working days after `from` up to and including `to`; the first day is not counted. */
  workingDaysBetween(from: IsoDay, to: IsoDay, campusId?: string | null): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day, campusId)) {
        count += 1;
      }
    }
    return count;
  }

  /**
   * The first moment at or after `at` inside office hours of a working day. An acceptance
   * outside office hours counts from here, and this moment's day is the acceptance day.
   */
  nextWorkingMoment(at: Date, campusId?: string | null): Date {
    let day = dayOf(at);
    for (let scanned = 0; scanned < maxScannedDays; scanned += 1, day = addDays(day, 1)) {
      if (!this.isWorkingDay(day, campusId)) {
        continue;
      }
      for (const period of this.periods) {
        const end = this.momentOf(day, period.endMinute);
        if (at < end) {
          const start = this.momentOf(day, period.startMinute);
          return at > start ? at : start;
        }
      }
    }
    throw new Error('no working day within twenty years');
  }

  /**
   * When a case accepted at `acceptedAt` is due under `limit` (R-CASE-3, Art. 15(2)).
   *
   * - working days: the acceptance day is not counted; the limit ends at the close of office
   *   hours on the Nth working day after it. Accepted outside office hours, the day of the next
   *   working period stands in for the acceptance day.
   * - working hours: only office hours count, from the acceptance (or the next working period).
   * - calendar days: the close of office hours N days after the acceptance date.
   * - on the spot: the close of the acceptance day (or of the next working day).
   * - a range counts its upper end; none has no due time.
   */
  computeDue(acceptedAt: Date, limit: DueLimit, campusId?: string | null): Due {
    switch (limit.kind) {
      case 'none':
        return { dueAt: null, isProvisional: false };
      case 'calendar-days':
        return {
          dueAt: this.closeOf(addDays(dayOf(acceptedAt), limit.days)),
          isProvisional: false,
        };
      case 'on-the-spot':
        return this.dueAfterWorkingDays(acceptedAt, 0, campusId);
      case 'working-days':
        return this.dueAfterWorkingDays(acceptedAt, limit.days, campusId);
      case 'working-days-range':
        return this.dueAfterWorkingDays(acceptedAt, limit.maxDays, campusId);
      case 'working-hours':
        return this.dueAfterWorkingHours(acceptedAt, limit.hours, campusId);
    }
  }

  /** Milliseconds of office hours on working days between two instants. */
  workingMsBetween(from: Date, to: Date, campusId?: string | null): number {
    if (to <= from) {
      return 0;
    }
    let total = 0;
    const last = dayOf(to);
    for (let day = dayOf(from); day <= last; day = addDays(day, 1)) {
      if (!this.isWorkingDay(day, campusId)) {
        continue;
      }
      for (const period of this.periods) {
        const start = Math.max(this.momentOf(day, period.startMinute).getTime(), from.getTime());
        const end = Math.min(this.momentOf(day, period.endMinute).getTime(), to.getTime());
        total += Math.max(0, end - start);
      }
    }
    return total;
  }

  /**
   * The share of working time still left at `at`, from 1 at acceptance to 0 at the due time;
   * deadline warnings compare it with the configured warning share. Time a case spent paused
   * is the caller's to leave out.
   */
  remainingShare(acceptedAt: Date, dueAt: Date, at: Date, campusId?: string | null): number {
    if (at >= dueAt) {
      return 0;
    }
    const total = this.workingMsBetween(acceptedAt, dueAt, campusId);
    if (total === 0) {
      return 1;
    }
    const from = at > acceptedAt ? at : acceptedAt;
    return Math.min(1, this.workingMsBetween(from, dueAt, campusId) / total);
  }

  /** The day as the year's official arrangement has it, when it differs from the weekday rule. */
  private arrangedDay(day: IsoDay): Pick<DayInfo, 'isWorkingDay' | 'kind' | 'name'> | null {
    const year = yearOf(day);
    if (this.loadedYears.has(year)) {
      const row = this.arranged.get(day);
      if (!row) {
        return null;
      }
      return {
        isWorkingDay: row.isWorkingDay,
        kind: row.isWorkingDay ? 'make-up-workday' : 'holiday',
        name: row.note || null,
      };
    }
    const makeUp = official.workdays[day];
    if (makeUp !== undefined) {
      return { isWorkingDay: true, kind: 'make-up-workday', name: officialName(makeUp) };
    }
    const holiday = official.holidays[day];
    if (holiday !== undefined) {
      return { isWorkingDay: false, kind: 'holiday', name: officialName(holiday) };
    }
    return null;
  }

  private dueAfterWorkingDays(acceptedAt: Date, count: number, campusId?: string | null): Due {
    let day = dayOf(this.nextWorkingMoment(acceptedAt, campusId));
    for (let counted = 0, scanned = 0; counted < count; scanned += 1) {
      if (scanned > maxScannedDays) {
        throw new Error('no working day within twenty years');
      }
      day = addDays(day, 1);
      if (this.isWorkingDay(day, campusId)) {
        counted += 1;
      }
    }
    return { dueAt: this.closeOf(day), isProvisional: this.spansUnknownYear(acceptedAt, day) };
  }

  private dueAfterWorkingHours(acceptedAt: Date, hours: number, campusId?: string | null): Due {
    let left = hours * 60 * minuteMs;
    let day = dayOf(acceptedAt);
    for (let scanned = 0; scanned < maxScannedDays; scanned += 1, day = addDays(day, 1)) {
      if (!this.isWorkingDay(day, campusId)) {
        continue;
      }
      for (const period of this.periods) {
        const start = this.momentOf(day, period.startMinute);
        const from = acceptedAt > start ? acceptedAt : start;
        const available = this.momentOf(day, period.endMinute).getTime() - from.getTime();
        if (available <= 0) {
          continue;
        }
        if (available >= left) {
          return {
            dueAt: new Date(from.getTime() + left),
            isProvisional: this.spansUnknownYear(acceptedAt, day),
          };
        }
        left -= available;
      }
    }
    throw new Error('no working day within twenty years');
  }

  private spansUnknownYear(acceptedAt: Date, lastDay: IsoDay): boolean {
    for (let year = yearOf(dayOf(acceptedAt)); year <= yearOf(lastDay); year += 1) {
      if (!this.isYearKnown(year)) {
        return true;
      }
    }
    return false;
  }

  private momentOf(day: IsoDay, minute: number): Date {
    // Work lists ask for the same few days again and again; time-zone arithmetic is costly.
    const key = `${day} ${minute}`;
    let epoch = this.moments.get(key);
    if (epoch === undefined) {
      epoch = startOfDay(day).plus({ minutes: minute }).toMillis();
      this.moments.set(key, epoch);
    }
    return new Date(epoch);
  }

  /** The close of office hours on a day. */
  private closeOf(day: IsoDay): Date {
    const last = this.periods[this.periods.length - 1];
    return this.momentOf(day, last?.endMinute ?? 0);
  }
}
