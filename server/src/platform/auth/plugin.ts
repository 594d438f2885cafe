import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { App } from '../http/types.js';
import { loadSession, sessionCookie } from './session.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Loads the session of every request and checks the CSRF token of every change. */
export function registerAuth(app: App): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[sessionCookie];
    if (!token) {
      return;
    }
    const { db, config, now } = app.deps;
    const session = await loadSession(db, token, now(), config.sessionIdleMinutes);
    if (!session) {
      return;
    }

    const skipsCsrf = (request.routeOptions.config as { skipCsrf?: boolean }).skipCsrf === true;
    if (!safeMethods.has(request.method) && !skipsCsrf) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== session.csrfToken) {
        throw new AppError('forbidden', 'missing or wrong CSRF token (send X-CSRF-Token)');
      }
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    request.log = request.log.child({ userId: session.actor.id });
  });
}
