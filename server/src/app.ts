import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './platform/auth/plugin.js';
import { authRoutes } from './platform/auth/routes.js';
import { userRoutes } from './platform/auth/user-routes.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import { notificationRoutes } from './platform/notifications/routes.js';
import { registerErrorHandler } from './platform/errors/error-handler.js';
import type { App, Deps } from './platform/http/types.js';
import { maskUrlForLog, redactedLogPaths } from './platform/privacy/mask.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { caseRoutes } from './modules/cases/routes.js';
import { consultationRoutes } from './modules/consultations/routes.js';
import { orgRoutes } from './modules/org/routes.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web client from web/dist when it exists. */
  serveWeb?: boolean;
}

/** Builds the HTTP app from its parts; main.ts and the tests both start here. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          redact: { paths: redactedLogPaths, censor: '[masked]' },
          serializers: {
            req: (request: { method: string; url: string; ip?: string }) => ({
              method: request.method,
              url: maskUrlForLog(request.url),
              remoteAddress: request.ip,
            }),
          },
        }
      : false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  // Only the doors a stranger can knock on are limited, each on its own route (sign-in, sign-up,
  // public tracking); the account lockout guards each account besides.
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 20, fields: 50 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'OneStop API',
        description: 'The teacher-student service center: catalogue, cases, halls and management.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'onestop_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAuth(app);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await deps.db.execute('select 1');
      return { status: 'ok' as const, database: deps.config.databaseUrl ? 'postgres' : 'pglite' };
    },
  );

  authRoutes(app);
  userRoutes(app);
  orgRoutes(app);
  calendarRoutes(app);
  notificationRoutes(app);
  catalogRoutes(app);
  caseRoutes(app);
  consultationRoutes(app);

  if (options.serveWeb && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web client routes in the browser: any other page address gets its index.html. The
    // error handler already owns the not-found handler, so this is a catch-all route instead.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
        return reply.callNotFound();
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }

  return app;
}
