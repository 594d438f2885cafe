import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { promisedLimit, type PromisedLimit } from '../../modules/catalog/content.js';
import {
  WorkingCalendar,
  calendarZone,
  dayOf,
  type CalendarOverride,
  type WorkingCalendarInput,
} from './calendar.js';

const officeHours = [
  { start: '08:00', end: '12:00' },
  { start: '14:30', end: '17:30' },
];

const calendarWith = (input: Partial<WorkingCalendarInput> = {}) =>
  new WorkingCalendar({ officeHours, ...input });

/** An instant written on the center's clock. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

const limit = (value: unknown): PromisedLimit => promisedLimit.parse(value);
const workingDays = (days: number) => limit({ kind: 'working-days', days });
const workingHours = (hours: number) => limit({ kind: 'working-hours', hours });

const closure = (day: string, campusId: string | null, note = ''): CalendarOverride => ({
  day,
  campusId,
  isWorkingDay: false,
  note,
  loadedYear: null,
});

describe('the official calendar', () => {
  const calendar = calendarWith();

  it('R-CASE-3 knows the 2026 Spring Festival with its make-up Saturday', () => {
    expect(calendar.describeDay('2026-02-13')).toMatchObject({
      isWorkingDay: true,
      kind: 'workday',
    });
    expect(calendar.describeDay('2026-02-14')).toMatchObject({
      isWorkingDay: true,
      kind: 'make-up-workday',
      name: '春节',
    });
    for (let date = 15; date <= 23; date += 1) {
      expect(calendar.describeDay(`2026-02-${date}`)).toMatchObject({
        isWorkingDay: false,
        kind: 'holiday',
        name: '春节',
      });
    }
    expect(calendar.describeDay('2026-02-24')).toMatchObject({
      isWorkingDay: true,
      kind: 'workday',
    });
    expect(calendar.describeDay('2026-03-07')).toMatchObject({
      isWorkingDay: false,
      kind: 'weekend',
    });
  });

  it('R-CASE-3 knows the make-up days around Labour Day and National Day 2026', () => {
    expect(calendar.describeDay('2026-05-05').kind).toBe('holiday');
    expect(calendar.describeDay('2026-05-09')).toMatchObject({
      isWorkingDay: true,
      name: '劳动节',
    });
    expect(calendar.describeDay('2026-09-20')).toMatchObject({
      isWorkingDay: true,
      name: '国庆节',
    });
    expect(calendar.describeDay('2026-10-07').kind).toBe('holiday');
    expect(calendar.describeDay('2026-10-10').kind).toBe('make-up-workday');
  });

  it('R-CASE-3 answers for the center’s date, not the server’s', () => {
    // 2026-02-13 20:00 in Los Angeles is already Saturday the 14th, the make-up day, in Shanghai.
    const at = new Date('2026-02-14T04:00:00Z');
    expect(dayOf(at)).toBe('2026-02-14');
    expect(calendar.isWorkingDay(at)).toBe(true);
    expect(calendar.isWorkingDay(new Date('2026-02-14T16:30:00Z'))).toBe(false);
  });

  it('R-CASE-3 counts working days after the first day, the first not included', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-25')).toBe(3);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
  });
});

describe('due times in working days', () => {
  const calendar = calendarWith();

  it('R-CASE-3 3 working days from Fri 2026-02-13 10:00 end at the close of Wed 02-25', () => {
    // 02-14 Sat is a make-up day (1), 02-15..23 Spring Festival, 02-24 Tue (2), 02-25 Wed (3).
    expect(calendar.computeDue(shanghai('2026-02-13T10:00'), workingDays(3))).toEqual({
      dueAt: shanghai('2026-02-25T17:30'),
      isProvisional: false,
    });
  });

  it('R-CASE-3 1 working day accepted 22:00 Sat 2026-03-07 counts from Mon 03-09, due Tue 03-10', () => {
    expect(calendar.computeDue(shanghai('2026-03-07T22:00'), workingDays(1))).toEqual({
      dueAt: shanghai('2026-03-10T17:30'),
      isProvisional: false,
    });
  });

  it('R-CASE-3 an acceptance after the close of a working day counts from the next one', () => {
    // Mon 03-09 17:30 is already outside office hours: Tue 03-10 stands in, Wed 03-11 is day 1.
    expect(calendar.computeDue(shanghai('2026-03-09T17:30'), workingDays(1)).dueAt).toEqual(
      shanghai('2026-03-11T17:30'),
    );
    // Before the morning opens, the same day is the acceptance day.
    expect(calendar.computeDue(shanghai('2026-03-09T07:00'), workingDays(1)).dueAt).toEqual(
      shanghai('2026-03-10T17:30'),
    );
    // The lunch break belongs to the same day too.
    expect(calendar.computeDue(shanghai('2026-03-09T13:00'), workingDays(1)).dueAt).toEqual(
      shanghai('2026-03-10T17:30'),
    );
  });

  it('R-CASE-3 National Day 2026: 2 working days from Wed 09-30 end on Fri 10-09', () => {
    // 10-01..10-07 holidays, 10-08 Thu (1), 10-09 Fri (2).
    expect(calendar.computeDue(shanghai('2026-09-30T09:00'), workingDays(2)).dueAt).toEqual(
      shanghai('2026-10-09T17:30'),
    );
  });

  it('R-CASE-3 National Day 2026: the make-up Saturday 10-10 and Sunday 09-20 are counted', () => {
    expect(calendar.computeDue(shanghai('2026-10-09T16:00'), workingDays(1)).dueAt).toEqual(
      shanghai('2026-10-10T17:30'),
    );
    // 09-18 Fri (1), 09-19 Sat off, 09-20 Sun make-up (2), 09-21 Mon (3).
    expect(calendar.computeDue(shanghai('2026-09-17T10:00'), workingDays(3)).dueAt).toEqual(
      shanghai('2026-09-21T17:30'),
    );
  });

  it('R-CASE-3 Mid-Autumn 2026: 5 working days from Tue 09-22 end on Wed 09-30', () => {
    // 09-23 (1), 09-24 (2), 09-25..27 off, 09-28 (3), 09-29 (4), 09-30 (5).
    expect(calendar.computeDue(shanghai('2026-09-22T10:00'), workingDays(5)).dueAt).toEqual(
      shanghai('2026-09-30T17:30'),
    );
  });

  it('R-CASE-3 Labour Day 2026: 2 working days from Thu 04-30 15:00 end on Thu 05-07', () => {
    // 05-01..05-05 holidays, 05-06 Wed (1), 05-07 Thu (2).
    expect(calendar.computeDue(shanghai('2026-04-30T15:00'), workingDays(2)).dueAt).toEqual(
      shanghai('2026-05-07T17:30'),
    );
  });

  it('R-CASE-3 Labour Day 2026: accepted 18:00 Thu 04-30, 3 working days end on Sat 05-09', () => {
    // Wed 05-06 stands in for the acceptance day; 05-07 (1), 05-08 (2), 05-09 make-up (3).
    expect(calendar.computeDue(shanghai('2026-04-30T18:00'), workingDays(3)).dueAt).toEqual(
      shanghai('2026-05-09T17:30'),
    );
  });

  it('R-CASE-3 a range of working days is due at its upper end', () => {
    // 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5).
    const range = limit({ kind: 'working-days-range', minDays: 3, maxDays: 5 });
    expect(calendar.computeDue(shanghai('2026-02-13T10:00'), range).dueAt).toEqual(
      shanghai('2026-02-27T17:30'),
    );
  });
});

describe('due times in working hours, calendar days, on the spot and none', () => {
  const calendar = calendarWith();

  it('R-CASE-3 4 working hours from 11:00 take 1 h of the morning and 3 h of the afternoon', () => {
    expect(calendar.computeDue(shanghai('2026-03-09T11:00'), workingHours(4)).dueAt).toEqual(
      shanghai('2026-03-09T17:30'),
    );
  });

  it('R-CASE-3 4 working hours from 17:00 end at 11:30 the next working day', () => {
    // 17:00–17:30 is 0.5 h; the other 3.5 h run from 08:00 on Tue 03-10.
    expect(calendar.computeDue(shanghai('2026-03-09T17:00'), workingHours(4)).dueAt).toEqual(
      shanghai('2026-03-10T11:30'),
    );
  });

  it('R-CASE-3 working hours end at noon when the morning uses them up exactly', () => {
    expect(calendar.computeDue(shanghai('2026-03-09T08:00'), workingHours(4)).dueAt).toEqual(
      shanghai('2026-03-09T12:00'),
    );
  });

  it('R-CASE-3 working hours skip the lunch break and the Labour Day holidays', () => {
    expect(calendar.computeDue(shanghai('2026-03-09T13:00'), workingHours(2)).dueAt).toEqual(
      shanghai('2026-03-09T16:30'),
    );
    // 0.5 h on Thu 04-30, then 1.5 h from 08:00 on Wed 05-06.
    expect(calendar.computeDue(shanghai('2026-04-30T17:00'), workingHours(2)).dueAt).toEqual(
      shanghai('2026-05-06T09:30'),
    );
  });

  it('R-CASE-3 calendar days end at the close of office hours N dates later, holiday or not', () => {
    const tenDays = limit({ kind: 'calendar-days', days: 10 });
    expect(calendar.computeDue(shanghai('2026-09-30T10:00'), tenDays)).toEqual({
      dueAt: shanghai('2026-10-10T17:30'),
      isProvisional: false,
    });
    // 23:30 in Shanghai is still 09-30 there, though already the next day in UTC.
    expect(calendar.computeDue(shanghai('2026-09-30T23:30'), tenDays).dueAt).toEqual(
      shanghai('2026-10-10T17:30'),
    );
  });

  it('R-CASE-2 on the spot is due at the close of the acceptance day or the next working day', () => {
    const onTheSpot = limit({ kind: 'on-the-spot' });
    expect(calendar.computeDue(shanghai('2026-03-09T10:00'), onTheSpot).dueAt).toEqual(
      shanghai('2026-03-09T17:30'),
    );
    expect(calendar.computeDue(shanghai('2026-03-07T22:00'), onTheSpot).dueAt).toEqual(
      shanghai('2026-03-09T17:30'),
    );
  });

  it('R-CASE-3 a limit of none has no due time', () => {
    const none = limit({ kind: 'none', note: { zh: '视审批情况而定' } });
    expect(calendar.computeDue(shanghai('2026-03-09T10:00'), none)).toEqual({
      dueAt: null,
      isProvisional: false,
    });
  });

  it('R-CASE-3 follows office hours from the configuration', () => {
    const summer = new WorkingCalendar({
      officeHours: [
        { start: '15:00', end: '18:00' },
        { start: '08:00', end: '12:00' },
      ],
    });
    expect(summer.computeDue(shanghai('2026-03-09T10:00'), workingDays(1)).dueAt).toEqual(
      shanghai('2026-03-10T18:00'),
    );
    expect(summer.computeDue(shanghai('2026-03-09T11:00'), workingHours(2)).dueAt).toEqual(
      shanghai('2026-03-09T16:00'),
    );
  });
});

describe('campus closures', () => {
  it('R-CASE-3 a closed day on one campus is not counted there, and only there', () => {
    const calendar = calendarWith({ overrides: [closure('2026-03-10', 'wushan', '停电检修')] });
    expect(calendar.describeDay('2026-03-10', 'wushan')).toMatchObject({
      isWorkingDay: false,
      kind: 'override',
      name: '停电检修',
      campusId: 'wushan',
    });
    expect(
      calendar.computeDue(shanghai('2026-03-09T10:00'), workingDays(1), 'wushan').dueAt,
    ).toEqual(shanghai('2026-03-11T17:30'));
    expect(
      calendar.computeDue(shanghai('2026-03-09T10:00'), workingDays(1), 'university-town').dueAt,
    ).toEqual(shanghai('2026-03-10T17:30'));
    expect(calendar.computeDue(shanghai('2026-03-09T10:00'), workingDays(1)).dueAt).toEqual(
      shanghai('2026-03-10T17:30'),
    );
  });

  it('R-CASE-3 a closure of every campus holds everywhere unless a campus opens for itself', () => {
    const calendar = calendarWith({
      overrides: [
        closure('2026-03-10', null, '台风停课'),
        { ...closure('2026-03-10', 'gz-international'), isWorkingDay: true },
      ],
    });
    for (const campusId of ['wushan', 'university-town', undefined]) {
      expect(
        calendar.computeDue(shanghai('2026-03-09T10:00'), workingDays(1), campusId).dueAt,
      ).toEqual(shanghai('2026-03-11T17:30'));
    }
    expect(
      calendar.computeDue(shanghai('2026-03-09T10:00'), workingDays(1), 'gz-international').dueAt,
    ).toEqual(shanghai('2026-03-10T17:30'));
  });
});

describe('years the package does not know', () => {
  const newYear2027: CalendarOverride[] = ['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({
    day,
    campusId: null,
    isWorkingDay: false,
    note: '元旦',
    loadedYear: 2027,
  }));

  it('R-CASE-3 a due time in 2027 is provisional and counts Monday to Friday', () => {
    const calendar = calendarWith();
    expect(calendar.yearSource(2026)).toBe('package');
    expect(calendar.yearSource(2027)).toBeNull();
    // Thu 2026-12-31: the next weekday, Fri 2027-01-01, is day 1.
    expect(calendar.computeDue(shanghai('2026-12-31T10:00'), workingDays(1))).toEqual({
      dueAt: shanghai('2027-01-01T17:30'),
      isProvisional: true,
    });
    expect(calendar.describeDay('2027-01-01')).toMatchObject({
      isWorkingDay: true,
      kind: 'workday',
      isProvisional: true,
    });
  });

  it('R-CASE-3 once the center loads 2027 its holidays count and nothing is provisional', () => {
    const calendar = calendarWith({ overrides: newYear2027, loadedYears: [2027] });
    expect(calendar.yearSource(2027)).toBe('center');
    // 01-01..01-03 off, Mon 2027-01-04 is day 1.
    expect(calendar.computeDue(shanghai('2026-12-31T10:00'), workingDays(1))).toEqual({
      dueAt: shanghai('2027-01-04T17:30'),
      isProvisional: false,
    });
    expect(calendar.describeDay('2027-01-01')).toMatchObject({
      isWorkingDay: false,
      kind: 'holiday',
      name: '元旦',
      isProvisional: false,
    });
  });

  it('R-CASE-3 a make-up working day loaded for 2027 is counted', () => {
    const calendar = calendarWith({
      overrides: [
        ...newYear2027,
        { day: '2027-01-09', campusId: null, isWorkingDay: true, note: '', loadedYear: 2027 },
      ],
      loadedYears: [2027],
    });
    expect(calendar.describeDay('2027-01-09').kind).toBe('make-up-workday');
    // Fri 01-08 (1), Sat 01-09 make-up (2).
    expect(calendar.computeDue(shanghai('2027-01-07T10:00'), workingDays(2)).dueAt).toEqual(
      shanghai('2027-01-09T17:30'),
    );
  });

  it('R-CASE-3 a year the center loads replaces the package’s arrangement for that year', () => {
    const calendar = calendarWith({
      overrides: [
        { day: '2026-01-01', campusId: null, isWorkingDay: false, note: '元旦', loadedYear: 2026 },
      ],
      loadedYears: [2026],
    });
    expect(calendar.yearSource(2026)).toBe('center');
    expect(calendar.describeDay('2026-02-16').isWorkingDay).toBe(true);
    expect(calendar.describeDay('2026-02-14').isWorkingDay).toBe(false);
  });

  it('R-CASE-3 working hours that run into an unknown year are provisional', () => {
    const calendar = calendarWith();
    expect(calendar.computeDue(shanghai('2026-12-31T17:00'), workingHours(1))).toEqual({
      dueAt: shanghai('2027-01-01T08:30'),
      isProvisional: true,
    });
  });
});

describe('elapsed working time for deadline warnings', () => {
  const calendar = calendarWith();
  const acceptedAt = shanghai('2026-02-13T10:00');
  const dueAt = shanghai('2026-02-25T17:30');
  const hour = 3_600_000;

  it('R-CASE-3 counts only office hours of working days', () => {
    // 02-13: 2 h + 3 h; 02-14, 02-24, 02-25: 7 h each.
    expect(calendar.workingMsBetween(acceptedAt, dueAt)).toBe(26 * hour);
    expect(calendar.workingMsBetween(dueAt, acceptedAt)).toBe(0);
  });

  it('R-CASE-3 the remaining share falls from 1 at acceptance to 0 at the due time', () => {
    expect(calendar.remainingShare(acceptedAt, dueAt, acceptedAt)).toBe(1);
    // Friday used 5 h, leaving 21; the make-up Saturday uses 7 more.
    expect(calendar.remainingShare(acceptedAt, dueAt, shanghai('2026-02-14T08:00'))).toBe(21 / 26);
    // Holidays use none: 14 of 26 hours are left all through Spring Festival.
    expect(calendar.remainingShare(acceptedAt, dueAt, shanghai('2026-02-18T10:00'))).toBe(14 / 26);
    expect(calendar.remainingShare(acceptedAt, dueAt, shanghai('2026-02-24T08:00'))).toBe(14 / 26);
    expect(calendar.remainingShare(acceptedAt, dueAt, shanghai('2026-02-24T12:00'))).toBe(10 / 26);
    expect(calendar.remainingShare(acceptedAt, dueAt, dueAt)).toBe(0);
    expect(calendar.remainingShare(acceptedAt, dueAt, shanghai('2026-03-01T10:00'))).toBe(0);
  });
});

describe('properties of due times', () => {
  const campuses = [undefined, 'wushan', 'university-town'] as const;
  const instant = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const closures = fc.array(
    fc.record({
      offset: fc.integer({ min: 0, max: 3 * 366 }),
      campusId: fc.constantFrom(null, 'wushan'),
      isWorkingDay: fc.boolean(),
    }),
    { maxLength: 20 },
  );
  const build = (rows: { offset: number; campusId: string | null; isWorkingDay: boolean }[]) =>
    calendarWith({
      overrides: rows.map((row) => ({
        day: DateTime.fromISO('2025-01-01', { zone: calendarZone })
          .plus({ days: row.offset })
          .toFormat('yyyy-MM-dd'),
        campusId: row.campusId,
        isWorkingDay: row.isWorkingDay,
        note: '',
        loadedYear: null,
      })),
    });

  it('R-CASE-3 N working days end at 17:30 on a working day after acceptance, N+1 later', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(...campuses),
        closures,
        (acceptedAt, days, campusId, rows) => {
          const calendar = build(rows);
          const due = calendar.computeDue(acceptedAt, workingDays(days), campusId).dueAt;
          const later = calendar.computeDue(acceptedAt, workingDays(days + 1), campusId).dueAt;
          if (!due || !later) {
            return false;
          }
          const local = DateTime.fromJSDate(due, { zone: calendarZone });
          const anchor = dayOf(calendar.nextWorkingMoment(acceptedAt, campusId));
          expect(local.toFormat('HH:mm:ss.SSS')).toBe('17:30:00.000');
          expect(calendar.isWorkingDay(due, campusId)).toBe(true);
          expect(due.getTime()).toBeGreaterThan(acceptedAt.getTime());
          expect(later.getTime()).toBeGreaterThan(due.getTime());
          expect(calendar.workingDaysBetween(anchor, dayOf(due), campusId)).toBe(days);
          return true;
        },
      ),
    );
  });

  it('R-CASE-3 N working hours are exactly N hours of office time after acceptance', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(...campuses),
        closures,
        (acceptedAt, hours, campusId, rows) => {
          const calendar = build(rows);
          const due = calendar.computeDue(acceptedAt, workingHours(hours), campusId).dueAt;
          const later = calendar.computeDue(acceptedAt, workingHours(hours + 1), campusId).dueAt;
          if (!due || !later) {
            return false;
          }
          expect(due.getTime()).toBeGreaterThan(acceptedAt.getTime());
          expect(later.getTime()).toBeGreaterThan(due.getTime());
          expect(calendar.isWorkingDay(due, campusId)).toBe(true);
          expect(calendar.workingMsBetween(acceptedAt, due, campusId)).toBe(hours * 3_600_000);
          return true;
        },
      ),
    );
  });
});
