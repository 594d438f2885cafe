import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../auth/schema.js';
import { requireRole } from '../auth/guards.js';
import type { App } from '../http/types.js';
import { dayCount, type DueLimit } from './calendar.js';
import {
  createOverride,
  deleteOverride,
  listOverrides,
  listWorkingDays,
  listYears,
  loadYear,
  previewDue,
} from './service.js';

const calendarEditors: readonly Role[] = ['center', 'center-admin'];

// Runs before validation, so a stranger learns nothing from the shape of their input.
const editorsOnly = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
  requireRole(request, calendarEditors);
  done();
};

/** The longest range one request may list: a year, leap or not. */
const maxRangeDays = 366;

const isoDay = z.iso.date();
const campusId = z.string().trim().min(1).max(40);

const dayRangeQuery = z
  .object({ from: isoDay, to: isoDay, campusId: campusId.optional() })
  .superRefine((range, context) => {
    if (range.from > range.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (dayCount(range.from, range.to) > maxRangeDays) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `at most ${maxRangeDays} days at a time`,
      });
    }
  });

const dayInfoSchema = z.object({
  day: isoDay,
  isWorkingDay: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'make-up-workday', 'override']),
  name: z.string().nullable(),
  campusId: z.string().nullable(),
  isProvisional: z.boolean(),
});

const limitKinds = [
  'on-the-spot',
  'working-days',
  'working-hours',
  'calendar-days',
  'working-days-range',
  'none',
] as const;

/** Which query field each kind of limit needs, and its largest value (as the item sheet). */
const limitFields = {
  'working-days': { field: 'days', max: 365 },
  'calendar-days': { field: 'days', max: 3650 },
  'working-hours': { field: 'hours', max: 500 },
  'working-days-range': { field: 'maxDays', max: 365 },
} as const;

const count = z.coerce.number().int().positive();

const dueQuery = z
  .object({
    acceptedAt: z.iso.datetime({ offset: true }),
    limitKind: z.enum(limitKinds),
    days: count.optional(),
    hours: count.optional(),
    maxDays: count.optional(),
    campusId: campusId.optional(),
  })
  .superRefine((query, context) => {
    if (!(query.limitKind in limitFields)) {
      return;
    }
    const { field, max } = limitFields[query.limitKind as keyof typeof limitFields];
    const value = query[field];
    if (value === undefined) {
      context.addIssue({ code: 'custom', path: [field], message: `${query.limitKind} needs it` });
    } else if (value > max) {
      context.addIssue({ code: 'custom', path: [field], message: `at most ${max}` });
    }
  });

function limitOf(query: z.infer<typeof dueQuery>): DueLimit {
  const { limitKind: kind, days = 0, hours = 0, maxDays = 0 } = query;
  switch (kind) {
    case 'on-the-spot':
    case 'none':
      return { kind };
    case 'working-days':
    case 'calendar-days':
      return { kind, days };
    case 'working-hours':
      return { kind, hours };
    case 'working-days-range':
      return { kind, maxDays };
  }
}

const overrideSchema = z.object({
  id: z.uuid(),
  day: isoDay,
  campusId: z.string().nullable(),
  isWorkingDay: z.boolean(),
  note: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.date(),
});

const knownYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(['package', 'center']),
  isInPackage: z.boolean(),
  loadedAt: z.date().nullable(),
  note: z.string(),
});

/**
 * The working-day calendar (R-CASE-3, Art. 15(2)): anyone may read which days count and what a
 * limit comes to; the center keeps the overrides and loads the arrangement of new years.
 */
export function calendarRoutes(app: App): void {
  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Each day of a range (at most 366) with whether it is a working day and why',
        querystring: dayRangeQuery,
        response: { 200: z.array(dayInfoSchema) },
      },
    },
    async (request) => listWorkingDays(app.deps, request.query),
  );

  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'When a case accepted at a given moment would be due under a promised limit',
        querystring: dueQuery,
        response: { 200: z.object({ dueAt: z.date().nullable(), isProvisional: z.boolean() }) },
      },
    },
    async (request) =>
      previewDue(app.deps, {
        acceptedAt: new Date(request.query.acceptedAt),
        limit: limitOf(request.query),
        campusId: request.query.campusId,
      }),
  );

  app.get(
    '/api/calendar/overrides',
    {
      preValidation: editorsOnly,
      schema: {
        tags: ['calendar'],
        summary: 'The center’s overrides: campus closures and days opened or closed by hand',
        querystring: z.object({
          from: isoDay.optional(),
          to: isoDay.optional(),
          campusId: campusId.optional(),
        }),
        response: { 200: z.array(overrideSchema) },
      },
    },
    async (request) => {
      requireRole(request, calendarEditors);
      return listOverrides(app.deps, request.query);
    },
  );

  app.post(
    '/api/calendar/overrides',
    {
      preValidation: editorsOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Close or open a day on one campus, or on all when no campus is named',
        body: z.object({
          day: isoDay,
          campusId: campusId.nullable().default(null),
          isWorkingDay: z.boolean(),
          note: z.string().trim().max(200).default(''),
        }),
        response: { 201: overrideSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, calendarEditors);
      const created = await createOverride(app.deps, actor, request.body);
      reply.status(201);
      return created;
    },
  );

  app.delete(
    '/api/calendar/overrides/:id',
    {
      preValidation: editorsOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Remove one of the center’s overrides',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, calendarEditors);
      await deleteOverride(app.deps, actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/years',
    {
      preValidation: editorsOnly,
      schema: {
        tags: ['calendar'],
        summary: 'The years whose official arrangement is known, from the package or the center',
        response: { 200: z.array(knownYearSchema) },
      },
    },
    async (request) => {
      requireRole(request, calendarEditors);
      return listYears(app.deps);
    },
  );

  app.put(
    '/api/calendar/years/:year',
    {
      preValidation: editorsOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Load the announced holidays and make-up working days of a year, replacing any',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({
          holidays: z
            .array(z.object({ date: isoDay, name: z.string().trim().min(1).max(40) }))
            .min(1)
            .max(maxRangeDays),
          workdays: z.array(isoDay).max(maxRangeDays).default([]),
          note: z.string().trim().max(200).optional(),
        }),
        response: { 200: knownYearSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, calendarEditors);
      return loadYear(app.deps, actor, request.params.year, request.body);
    },
  );
}
