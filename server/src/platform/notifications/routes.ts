import { z } from 'zod';
import { requireActor } from '../auth/guards.js';
import { optionalBody } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { listNotifications, markRead } from './service.js';

const notificationSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

/** The signed-in user's notifications (R-PLT-2). */
export function notificationRoutes(app: App): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({ unread: z.number().int(), items: z.array(notificationSchema) }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const list = await listNotifications(app.deps, actor.id, request.query.limit);
      return {
        unread: list.unread,
        items: list.items.map(({ userId: _u, dedupeKey: _d, ...rest }) => rest),
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification (id) or all as read',
        body: optionalBody(z.object({ id: z.string().uuid().optional() })),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await markRead(app.deps, actor.id, request.body.id);
      return reply.status(204).send(null);
    },
  );
}
