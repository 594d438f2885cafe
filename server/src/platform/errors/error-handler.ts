import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from './app-error.js';

export interface ErrorBody {
  error: string;
  message: string;
  article?: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

/** '/materials/0/name' in the body → 'body.materials.0.name', the form's field path. */
function formatPath(prefix: string, instancePath: string): string {
  return [prefix, ...instancePath.split('/')].filter(Boolean).join('.');
}

/** One place turns every failure into a JSON body with a code; unknown errors stay hidden. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: error.code, message: error.message };
      if (error.article) {
        body.article = error.article;
      }
      if (error.issues.length > 0) {
        body.issues = error.issues;
      }
      if (error.details) {
        body.details = error.details;
      }
      return reply.status(error.status).send(body);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext ?? '';
      const issues = error.validation.map((issue) => ({
        path: formatPath(prefix, issue.instancePath),
        message: issue.message,
      }));
      return reply
        .status(422)
        .send({ error: 'validation', message: 'the request has invalid fields', issues });
    }

    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error:
          status === 413 ? 'payload-too-large' : status === 429 ? 'rate-limited' : 'bad-request',
        message: fastifyError.message,
      });
    }

    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: 'internal server error' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: 'not-found', message: `no route ${request.method} ${request.url}` });
  });
}
