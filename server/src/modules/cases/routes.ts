import type { Multipart } from '@fastify/multipart';
import { z } from 'zod';
import { requireActor, requireRole } from '../../platform/auth/guards.js';
import { AppError, invalidInput } from '../../platform/errors/app-error.js';
import { optionalBody } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { localText, promisedLimit } from '../catalog/content.js';
import { handlingModes } from '../catalog/schema.js';
import { caseCollaborationRoutes } from './collaboration-routes.js';
import { caseActions, caseStates } from './machine.js';
import { participantDecisions } from './schema.js';
import {
  applyCaseAction,
  fileCase,
  getCaseDetail,
  getCaseMaterialFile,
  listCases,
  trackCase,
  type FilingInput,
} from './service.js';

const dueStatusSchema = z.enum(['none', 'green', 'yellow', 'red']);

const noticeEntry = z.object({
  kind: z.enum(['material', 'step']),
  text: z.string().trim().min(1).max(500),
  materialKey: z.string().max(40).optional(),
});

const caseSummary = z.object({
  id: z.string().uuid(),
  trackingNo: z.string(),
  itemId: z.string().uuid(),
  itemVersion: z.number().int(),
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  channel: z.enum(['online', 'window']),
  mode: z.enum(handlingModes).nullable(),
  state: z.enum(caseStates),
  acceptedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  isDueProvisional: z.boolean(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
});

const holderSchema = z.object({
  unit: z.object({ id: z.string().uuid(), nameZh: z.string(), nameEn: z.string() }),
  window: z
    .object({
      id: z.string().uuid(),
      number: z.number().int(),
      nameZh: z.string(),
      nameEn: z.string(),
      hallNameZh: z.string(),
      hallNameEn: z.string(),
    })
    .nullable(),
});

const eventSchema = z.object({
  at: z.date(),
  action: z.string(),
  fromState: z.enum(caseStates).nullable(),
  toState: z.enum(caseStates),
  reason: z.string().nullable(),
});

const caseDetail = caseSummary.extend({
  itemName: localText,
  formData: z.record(z.string(), z.unknown()),
  limit: promisedLimit,
  resultNote: z.string().nullable(),
  resultRule: z.string().nullable(),
  handlerId: z.string().uuid().nullable(),
  dueStatus: dueStatusSchema,
  holder: holderSchema,
  materials: z.array(
    z.object({
      id: z.string().uuid(),
      materialKey: z.string(),
      round: z.number().int(),
      originalName: z.string(),
      mime: z.string(),
      sizeBytes: z.number().int(),
      createdAt: z.date(),
    }),
  ),
  events: z.array(
    eventSchema.extend({
      id: z.number().int(),
      actorName: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  allowedActions: z.array(z.enum(caseActions)),
  unitId: z.string().uuid(),
  windowId: z.string().uuid().nullable(),
  jointWay: z.enum(['simple', 'complex']).nullable(),
  authority: z.string().nullable(),
  authorityAnswer: z.string().nullable(),
  supplementCount: z.number().int(),
  pausedAt: z.date().nullable(),
  participants: z.array(
    z.object({
      unitId: z.string().uuid(),
      unitNameZh: z.string(),
      unitNameEn: z.string(),
      decision: z.enum(participantDecisions),
      reason: z.string().nullable(),
      decidedAt: z.date().nullable(),
    }),
  ),
  supplementNotices: z.array(
    z.object({
      id: z.string().uuid(),
      seq: z.number().int(),
      entries: z.array(noticeEntry),
      reason: z.string().nullable(),
      isFlagged: z.boolean(),
      issuedAt: z.date(),
      resolvedAt: z.date().nullable(),
    }),
  ),
  jointReview: z
    .object({
      noticeNo: z.string().nullable(),
      requestedAt: z.date(),
      issuedAt: z.date().nullable(),
      meetingAt: z.date().nullable(),
      place: z.string().nullable(),
      heldAt: z.date().nullable(),
    })
    .nullable(),
});

const idParams = z.object({ id: z.string().uuid() });

const filingFields = z.object({
  itemId: z.string().uuid(),
  form: z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          return parsed as Record<string, unknown>;
        }
      } catch {
        // reported below
      }
      context.addIssue({ code: 'custom', message: 'form must be a JSON object' });
      return z.NEVER;
    }),
  applicantName: z.string().trim().max(100).optional(),
  applicantPhone: z
    .string()
    .regex(/^1\d{10}$/, 'an 11-digit mobile number')
    .optional(),
});

const materialField = /^material:([a-z0-9-]+)$/;

/** Reads a multipart filing: text fields and one file per `material:<key>` field. */
async function readFiling(parts: AsyncIterableIterator<Multipart>) {
  const fields: Record<string, string> = {};
  const materials: FilingInput['materials'] = [];
  for await (const part of parts) {
    if (part.type === 'file') {
      const match = materialField.exec(part.fieldname);
      if (!match?.[1]) {
        throw invalidInput([
          { path: part.fieldname, message: 'files go in fields named material:<key>' },
        ]);
      }
      const bytes = await part.toBuffer();
      materials.push({ materialKey: match[1], filename: part.filename, bytes });
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, materials };
}

/** Filing, handling and tracking of cases (Art. 14–16). */
export function caseRoutes(app: App): void {
  caseCollaborationRoutes(app);

  app.post(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'File a case (multipart: itemId, form as JSON, files as material:<key>)',
        description:
          'Applicants file online; window staff file on the applicant\u2019s behalf with ' +
          'applicantName. Materials are checked by content (PDF, JPEG, PNG, Word) and size.',
        consumes: ['multipart/form-data'],
        response: { 201: caseSummary },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['applicant', 'staff', 'window-lead']);
      if (!request.isMultipart()) {
        throw new AppError('unsupported-media', 'send the filing as multipart/form-data');
      }
      const { fields, materials } = await readFiling(request.parts());
      const parsed = filingFields.safeParse(fields);
      if (!parsed.success) {
        throw invalidInput(
          parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: issue.message,
          })),
        );
      }
      const row = await fileCase(app.deps, actor, { ...parsed.data, materials });
      reply.status(201);
      return row;
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Cases the caller may see: own (applicant), unit (window roles), all (center)',
        querystring: z.object({
          state: z.enum(caseStates).optional(),
          q: z.string().max(100).optional(),
          mine: z
            .enum(['true', 'false'])
            .optional()
            .transform((value) => value === 'true'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            counts: z.record(z.string(), z.number().int()),
            items: z.array(
              caseSummary.extend({
                itemCode: z.string(),
                itemName: localText,
                unit: z.object({ nameZh: z.string(), nameEn: z.string() }),
                dueStatus: dueStatusSchema,
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { mine, ...rest } = request.query;
      return listCases(app.deps, actor, { ...rest, isMine: mine });
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'A case with its progress, materials and the steps the caller may take',
        params: idParams,
        response: { 200: caseDetail },
      },
    },
    async (request) => getCaseDetail(app.deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/actions/:action',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Take one step of the six ways of handling (Art. 15) or hand the case on (Art. 14)',
        description:
          'An illegal step answers 409 with the current state and the allowed steps; a refusal ' +
          'without reason and rule answers 422 (Art. 15(6)).',
        params: z.object({ id: z.string().uuid(), action: z.enum(caseActions) }),
        body: optionalBody(
          z.object({
            reason: z.string().trim().max(2000).optional(),
            rule: z.string().trim().max(500).optional(),
            note: z.string().trim().max(2000).optional(),
            way: z.enum(['simple', 'complex']).optional(),
            authority: z.string().trim().max(200).optional(),
            entries: z.array(noticeEntry).max(50).optional(),
            toWindowId: z.string().uuid().optional(),
          }),
        ),
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await applyCaseAction(
        app.deps,
        actor,
        request.params.id,
        request.params.action,
        request.body,
      );
      return getCaseDetail(app.deps, actor, request.params.id, {
        isJustHandedOver: request.params.action === 'hand-over',
      });
    },
  );

  app.post(
    '/api/cases/:id/resubmit',
    {
      schema: {
        tags: ['cases'],
        summary: 'The applicant supplies what the one-time notice asked for (multipart)',
        description:
          'Files as material:<key>. The case returns to the window that took it, to be accepted ' +
          'again with its full limit (Art. 15(5)).',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: caseDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { fields, materials } = request.isMultipart()
        ? await readFiling(request.parts())
        : { fields: {}, materials: [] };
      await applyCaseAction(app.deps, actor, request.params.id, 'resubmit', {
        materials,
        note: fields.note,
      });
      return getCaseDetail(app.deps, actor, request.params.id);
    },
  );

  app.get(
    '/api/cases/:id/materials/:materialId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Download one uploaded material',
        params: z.object({ id: z.string().uuid(), materialId: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await getCaseMaterialFile(
        app.deps,
        actor,
        request.params.id,
        request.params.materialId,
      );
      return reply
        .type(file.mime)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        )
        .send(file.bytes);
    },
  );

  app.get(
    '/api/track',
    {
      // Number and name are all it asks: guessing them must stay slow.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: "Public progress of a case by tracking number and the applicant's name",
        querystring: z.object({
          trackingNo: z.string().trim().min(1).max(40),
          name: z.string().trim().min(1).max(100),
        }),
        response: {
          200: z.object({
            trackingNo: z.string(),
            itemName: localText,
            state: z.enum(caseStates),
            mode: z.enum(handlingModes).nullable(),
            createdAt: z.date(),
            acceptedAt: z.date().nullable(),
            dueAt: z.date().nullable(),
            isDueProvisional: z.boolean(),
            closedAt: z.date().nullable(),
            resultNote: z.string().nullable(),
            resultRule: z.string().nullable(),
            holder: holderSchema,
            events: z.array(eventSchema),
          }),
        },
      },
    },
    async (request) => trackCase(app.deps, request.query.trackingNo, request.query.name),
  );
}
