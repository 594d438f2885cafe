import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ApplicantKind, Role } from '../auth/schema.js';
import type { FileStore } from '../files/store.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every route and service may use; one per app instance. */
export interface Deps {
  db: Db;
  config: Config;
  files: FileStore;
  /** The current time; tests set it to walk the calendar. */
  now: () => Date;
}

/** The signed-in person as the server knows them for one request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  applicantKind: ApplicantKind | null;
  unitId: string | null;
  windowId: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}
