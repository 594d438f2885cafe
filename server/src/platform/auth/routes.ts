import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { maskPhone } from '../privacy/mask.js';
import type { App } from '../http/types.js';
import { requireActor } from './guards.js';
import { users, applicantKinds, roles } from './schema.js';
import { changePassword, registerApplicant, signIn } from './service.js';
import { endSession, sessionCookie } from './session.js';

const meSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  applicantKind: z.enum(applicantKinds).nullable(),
  unitId: z.string().uuid().nullable(),
  windowId: z.string().uuid().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  csrfToken: z.string(),
});

const signedIn = z.object({ csrfToken: z.string(), user: meSchema });

export function authRoutes(app: App): void {
  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.cookieSecure,
  });

  const loadMe = async (userId: string, csrfToken: string) => {
    const [user] = await app.deps.db.select().from(users).where(eq(users.id, userId));
    if (!user) {
      throw new Error('signed-in user vanished');
    }
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      applicantKind: user.applicantKind,
      unitId: user.unitId,
      windowId: user.windowId,
      email: user.email,
      phone: maskPhone(user.phone),
      csrfToken,
    };
  };

  app.post(
    '/api/auth/login',
    {
      config: { skipCsrf: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a local account',
        body: z.object({
          username: z.string().trim().min(1).max(100).toLowerCase(),
          password: z.string().min(1).max(200),
        }),
        response: { 200: signedIn },
      },
    },
    async (request, reply) => {
      const previous = request.cookies[sessionCookie];
      if (previous) {
        await endSession(app.deps.db, previous);
      }
      const session = await signIn(app.deps, request.body.username, request.body.password);
      reply.setCookie(sessionCookie, session.token, cookieOptions());
      return {
        csrfToken: session.csrfToken,
        user: await loadMe(session.userId, session.csrfToken),
      };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { skipCsrf: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Create an applicant account and sign in',
        body: z.object({
          username: z
            .string()
            .trim()
            .regex(/^[a-zA-Z0-9_.@-]{3,64}$/, '3–64 letters, digits or _ . @ -')
            // One person, one name: Zhang and zhang are the same account.
            .toLowerCase(),
          password: z.string().min(1).max(200),
          displayName: z.string().trim().min(1).max(100),
          applicantKind: z.enum(applicantKinds),
          email: z.string().email().optional(),
          phone: z
            .string()
            .regex(/^1\d{10}$/, 'an 11-digit mobile number')
            .optional(),
        }),
        response: { 201: signedIn },
      },
    },
    async (request, reply) => {
      await registerApplicant(app.deps, request.body);
      const session = await signIn(app.deps, request.body.username, request.body.password);
      reply.setCookie(sessionCookie, session.token, cookieOptions());
      reply.status(201);
      return {
        csrfToken: session.csrfToken,
        user: await loadMe(session.userId, session.csrfToken),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) {
        await endSession(app.deps.db, token);
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return loadMe(actor.id, request.csrfToken ?? '');
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every session of the account ends',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await changePassword(
        app.deps,
        actor.id,
        request.body.currentPassword,
        request.body.newPassword,
      );
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
