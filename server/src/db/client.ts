import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The raw PGlite instance, when embedded (used to dump and load test templates). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../drizzle',
);

/** Opens the embedded database in dataDir, refusing if another process holds it. */
export async function openPglite(dataDir: string): Promise<Database> {
  const pgDir = path.resolve(dataDir, 'pgdata');
  mkdirSync(pgDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(pgDir, {
      lockfilePath: path.resolve(dataDir, 'onestop.lock'),
      stale: 30_000,
      update: 10_000,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(
        `the data directory ${path.resolve(dataDir)} is in use by another OneStop process; ` +
          'stop it first (two processes on one embedded database would corrupt it)',
      );
    }
    throw error;
  }
  // PGlite is loaded only when used: a server on PostgreSQL never needs its 30-odd megabytes.
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(pgDir);
  await client.waitReady;
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case' }),
    kind: 'pglite',
    pglite: client,
    async close() {
      await client.close();
      await release();
    },
  };
}

/** Wraps an already open PGlite (in memory or loaded from a dump). */
export async function wrapPglite(client: PGlite): Promise<Database> {
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case' }),
    kind: 'pglite',
    pglite: client,
    close: () => client.close(),
  };
}

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (a restart, a failover) must not end the process:
  // the pool replaces it at the next query.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL dropped an idle connection: ${error.message}`);
  });
  return {
    db: drizzlePg(pool, { schema, casing: 'snake_case' }),
    kind: 'postgres',
    close: () => pool.end(),
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
}
