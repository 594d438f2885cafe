import { z } from 'zod';
import { requireActor, requireRole } from '../../platform/auth/guards.js';
import type { Role } from '../../platform/auth/schema.js';
import type { Actor, App } from '../../platform/http/types.js';
import { localText } from '../catalog/content.js';
import { consultationChannels, consultationStates } from './schema.js';
import {
  answerConsultation,
  askConsultation,
  claimConsultation,
  consultationActions,
  countConsultationsByState,
  getConsultationDetail,
  handOverConsultation,
  listConsultations,
  markConsultationFiled,
} from './service.js';

const windowWorkers: readonly Role[] = ['staff', 'window-lead'];

const person = z.object({ id: z.string().uuid(), displayName: z.string() });
const unitRef = z.object({ id: z.string().uuid(), nameZh: z.string(), nameEn: z.string() });
const windowRef = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  hallNameZh: z.string(),
  hallNameEn: z.string(),
  unit: unitRef,
});

const consultationSummary = z.object({
  id: z.string().uuid(),
  channel: z.enum(consultationChannels),
  question: z.string(),
  askerName: z.string(),
  askerPhone: z.string().nullable(),
  itemId: z.string().uuid().nullable(),
  state: z.enum(consultationStates),
  firstTaker: person.nullable(),
  firstTakenAt: z.date().nullable(),
  firstWindow: windowRef.nullable(),
  holderUnit: unitRef.nullable(),
  holderWindow: windowRef.nullable(),
  holderUser: person.nullable(),
  answer: z.string().nullable(),
  answeredBy: person.nullable(),
  answeredAt: z.date().nullable(),
  caseId: z.string().uuid().nullable(),
  filedAt: z.date().nullable(),
  createdAt: z.date(),
  allowedActions: z.array(z.enum(consultationActions)),
});

const consultationDetail = consultationSummary.extend({
  item: z
    .object({ id: z.string().uuid(), code: z.string(), name: localText.nullable() })
    .nullable(),
  handovers: z.array(
    z.object({
      id: z.string().uuid(),
      at: z.date(),
      by: person.nullable(),
      fromUnit: unitRef.nullable(),
      fromWindow: windowRef.nullable(),
      toUnit: unitRef.nullable(),
      toWindow: windowRef.nullable(),
      note: z.string(),
    }),
  ),
});

const idParams = z.object({ id: z.string().uuid() });

/** First-ask responsibility: consultations at windows and online (Art. 14, R-CASE-9). */
export function consultationRoutes(app: App): void {
  const detail = (actor: Actor, id: string) => getConsultationDetail(app.deps, actor, id);

  app.post(
    '/api/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Log a consultation: at a window (staff take it first) or online (applicants)',
        description:
          'Window staff become its first taker and hold it at their window; askerName is ' +
          'required. An applicant asks under their own name; the question waits for the unit ' +
          'of the item asked about, or in the center\u2019s queue without an item, until a ' +
          'staff member claims it.',
        body: z.object({
          question: z.string().trim().min(1, 'the question is required').max(4000),
          askerName: z.string().trim().max(100).optional(),
          askerPhone: z
            .string()
            .trim()
            .regex(/^\+?\d[\d -]{4,19}$/, 'a phone number')
            .optional(),
          itemId: z.string().uuid().optional(),
        }),
        response: { 201: consultationDetail },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['applicant', ...windowWorkers]);
      const id = await askConsultation(app.deps, actor, request.body);
      reply.status(201);
      return detail(actor, id);
    },
  );

  app.get(
    '/api/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Consultations: own (applicant), held by the unit (window roles), all (center)',
        description:
          'scope=queue lists unclaimed online questions in the center\u2019s queue; ' +
          'scope=handed-away lists those the caller\u2019s unit handed to another unit.',
        querystring: z.object({
          state: z.enum(consultationStates).optional(),
          scope: z.enum(['queue', 'handed-away']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            counts: z.record(z.string(), z.number().int()),
            items: z.array(consultationSummary),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const list = await listConsultations(app.deps, actor, request.query);
      return { ...list, counts: await countConsultationsByState(app.deps, actor) };
    },
  );

  app.get(
    '/api/consultations/:id',
    {
      schema: {
        tags: ['consultations'],
        summary: 'A consultation with its hand-over trail and the steps the caller may take',
        params: idParams,
        response: { 200: consultationDetail },
      },
    },
    async (request) => detail(requireActor(request), request.params.id),
  );

  app.post(
    '/api/consultations/:id/claim',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Take an online consultation first; 409 when someone already has',
        params: idParams,
        response: { 200: consultationDetail },
      },
    },
    async (request) => {
      const actor = requireRole(request, windowWorkers);
      await claimConsultation(app.deps, actor, request.params.id);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/consultations/:id/answer',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Answer the consultation; only the window holding it may',
        params: idParams,
        body: z.object({ answer: z.string().trim().min(1, 'the answer is required').max(4000) }),
        response: { 200: consultationDetail },
      },
    },
    async (request) => {
      const actor = requireRole(request, windowWorkers);
      await answerConsultation(app.deps, actor, request.params.id, request.body.answer);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/consultations/:id/hand-over',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Hand the consultation to a named window, which holds it from now on',
        description:
          'The receiving window may belong to another unit; its staff and the unit\u2019s window ' +
          'lead are notified, and the previous holder can only read the consultation afterwards.',
        params: idParams,
        body: z.object({
          toWindowId: z.string().uuid(),
          note: z.string().trim().max(2000).default(''),
        }),
        response: { 200: consultationDetail },
      },
    },
    async (request) => {
      const actor = requireRole(request, windowWorkers);
      await handOverConsultation(app.deps, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/consultations/:id/mark-filed',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Record that the consultation became a case, optionally naming the case',
        params: idParams,
        body: z.object({ caseId: z.string().uuid().optional() }).default({}),
        response: { 200: consultationDetail },
      },
    },
    async (request) => {
      const actor = requireRole(request, windowWorkers);
      await markConsultationFiled(app.deps, actor, request.params.id, request.body.caseId);
      return detail(actor, request.params.id);
    },
  );
}
