import { z } from 'zod';
import { requireActor } from '../../platform/auth/guards.js';
import type { App } from '../../platform/http/types.js';
import { localText } from '../catalog/content.js';
import { addContact, listContacts, recordAuthorityAnswer } from './escalation.js';
import {
  decideLead,
  getJointReview,
  issueJointNotice,
  recordJointMeeting,
  requestJointReview,
  signOff,
} from './joint.js';
import { renderJointNoticePdf } from './joint-notice-pdf.js';
import {
  answerObjection,
  answerObjectionAsCenter,
  listObjections,
  raiseObjection,
  takeObjectionToCenter,
} from './objections.js';
import { objectionStates } from './schema.js';

const idParams = z.object({ id: z.string().uuid() });
const text = (max: number) => z.string().trim().min(1).max(max);
const done = { 204: z.null() };

const jointReviewSchema = z.object({
  caseId: z.string().uuid(),
  trackingNo: z.string(),
  applicantName: z.string(),
  itemName: localText,
  leadUnit: z.object({ nameZh: z.string(), nameEn: z.string() }),
  noticeNo: z.string().nullable(),
  requestedAt: z.date(),
  requestNote: z.string(),
  issuedAt: z.date().nullable(),
  meetingAt: z.date().nullable(),
  place: z.string().nullable(),
  chairName: z.string().nullable(),
  heldAt: z.date().nullable(),
  minutes: z.string().nullable(),
  invitees: z.array(
    z.object({
      unitId: z.string().uuid(),
      unitNameZh: z.string(),
      unitNameEn: z.string(),
      officialTitle: z.string(),
      attendeeName: z.string().nullable(),
      hasAttended: z.boolean().nullable(),
    }),
  ),
});

const objectionSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  trackingNo: z.string(),
  text: z.string(),
  raisedAt: z.date(),
  state: z.enum(objectionStates),
  windowAnswer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  takenToCenterAt: z.date().nullable(),
  centerAnswer: z.string().nullable(),
  centerAnsweredAt: z.date().nullable(),
});

/** Joint cases, escalation and objections: the parts of a case that involve others. */
export function caseCollaborationRoutes(app: App): void {
  app.post(
    '/api/cases/:id/sign-off',
    {
      schema: {
        tags: ['joint'],
        summary: "A participating unit's decision on a joint case (Art. 15(3))",
        params: idParams,
        body: z.object({
          decision: z.enum(['approved', 'refused']),
          reason: z.string().trim().max(2000).optional(),
        }),
        response: done,
      },
    },
    async (request, reply) => {
      await signOff(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/joint-review',
    {
      schema: {
        tags: ['joint'],
        summary: "The lead's window lead asks the center for a joint review meeting",
        params: idParams,
        body: z.object({ note: text(2000) }),
        response: done,
      },
    },
    async (request, reply) => {
      await requestJointReview(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.note,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/cases/:id/joint-review',
    {
      schema: {
        tags: ['joint'],
        summary: 'The joint review of a case: its notice, invitees and record',
        params: idParams,
        response: { 200: jointReviewSchema },
      },
    },
    async (request) => getJointReview(app.deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/joint-review/notice',
    {
      schema: {
        tags: ['joint'],
        summary: 'The center issues the joint review notice to every unit concerned',
        params: idParams,
        body: z.object({
          meetingAt: z.coerce.date(),
          place: text(200),
          chairName: text(100),
          invitees: z
            .array(z.object({ unitId: z.string().uuid(), officialTitle: text(100) }))
            .min(2),
        }),
        response: { 201: z.object({ noticeNo: z.string() }) },
      },
    },
    async (request, reply) => {
      const noticeNo = await issueJointNotice(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body,
      );
      reply.status(201);
      return { noticeNo };
    },
  );

  app.get(
    '/api/cases/:id/joint-review/notice.pdf',
    {
      schema: {
        tags: ['joint'],
        summary: 'The joint review notice as a printable PDF',
        params: idParams,
      },
    },
    async (request, reply) => {
      const review = await getJointReview(app.deps, requireActor(request), request.params.id);
      const pdf = await renderJointNoticePdf(review);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(`联合审批会议通知单-${review.trackingNo}.pdf`)}`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/api/cases/:id/joint-review/meeting',
    {
      schema: {
        tags: ['joint'],
        summary: 'The center records the meeting: who came and what each unit decided',
        params: idParams,
        body: z.object({
          heldAt: z.coerce.date(),
          minutes: z.string().trim().max(10_000).default(''),
          attendees: z
            .array(
              z.object({
                unitId: z.string().uuid(),
                attendeeName: z.string().trim().max(100).optional(),
                hasAttended: z.boolean(),
                decision: z.enum(['approved', 'refused']).optional(),
                reason: z.string().trim().max(2000).optional(),
              }),
            )
            .min(1),
        }),
        response: done,
      },
    },
    async (request, reply) => {
      await recordJointMeeting(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/lead',
    {
      schema: {
        tags: ['joint'],
        summary: 'The center decides a disputed lead unit',
        params: idParams,
        body: z.object({ unitId: z.string().uuid(), reason: text(2000) }),
        response: done,
      },
    },
    async (request, reply) => {
      await decideLead(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/cases/:id/contacts',
    {
      schema: {
        tags: ['escalation'],
        summary: 'Contacts with the authority an escalated case went to',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              id: z.string().uuid(),
              at: z.date(),
              channel: z.string(),
              summary: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => listContacts(app.deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/contacts',
    {
      schema: {
        tags: ['escalation'],
        summary: 'Log a contact with the authority (Art. 15(4))',
        params: idParams,
        body: z.object({ channel: text(50), summary: text(2000) }),
        response: done,
      },
    },
    async (request, reply) => {
      await addContact(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/authority-answer',
    {
      schema: {
        tags: ['escalation'],
        summary: "Record the authority's answer and tell the applicant",
        params: idParams,
        body: z.object({ answer: text(5000) }),
        response: done,
      },
    },
    async (request, reply) => {
      await recordAuthorityAnswer(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.answer,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/objections',
    {
      schema: {
        tags: ['objections'],
        summary: 'The applicant objects to the result of their case (Art. 16)',
        params: idParams,
        body: z.object({ text: text(5000) }),
        response: { 201: z.object({ id: z.string().uuid() }) },
      },
    },
    async (request, reply) => {
      const objection = await raiseObjection(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.text,
      );
      reply.status(201);
      return { id: objection?.id ?? '' };
    },
  );

  app.get(
    '/api/objections',
    {
      schema: {
        tags: ['objections'],
        summary: 'Objections: all for the center, the unit’s own, or the applicant’s',
        querystring: z.object({
          state: z.enum(objectionStates).optional(),
          caseId: z.string().uuid().optional(),
        }),
        response: { 200: z.array(objectionSchema) },
      },
    },
    async (request) => listObjections(app.deps, requireActor(request), request.query),
  );

  app.post(
    '/api/objections/:id/answer',
    {
      schema: {
        tags: ['objections'],
        summary: 'The window answers an objection',
        params: idParams,
        body: z.object({ answer: text(5000) }),
        response: done,
      },
    },
    async (request, reply) => {
      await answerObjection(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.answer,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/objections/:id/to-center',
    {
      schema: {
        tags: ['objections'],
        summary: 'The applicant takes the objection to the center',
        params: idParams,
        body: z.object({ note: z.string().trim().max(5000).default('') }),
        response: done,
      },
    },
    async (request, reply) => {
      await takeObjectionToCenter(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.note,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/objections/:id/center-answer',
    {
      schema: {
        tags: ['objections'],
        summary: 'The center answers an objection brought to it',
        params: idParams,
        body: z.object({ answer: text(5000) }),
        response: done,
      },
    },
    async (request, reply) => {
      await answerObjectionAsCenter(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.answer,
      );
      return reply.status(204).send(null);
    },
  );
}
