import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres, runMigrations, wrapPglite, type Database } from '../src/db/client.js';

/**
 * Test databases. On PGlite one migrated template is dumped once per worker and each test
 * loads a copy (far faster than migrating again). On PostgreSQL (TEST_DB=postgres with
 * TEST_DATABASE_URL) each test gets a new database cloned from a migrated template database.
 */
const onPostgres = process.env.TEST_DB === 'postgres';

let pgliteTemplate: Promise<Blob> | null = null;

async function makePgliteTemplate(): Promise<Blob> {
  const client = new PGlite();
  await runMigrations(await wrapPglite(client));
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
}

function serverUrl(database: string): string {
  const url = new URL(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${database}`;
  return url.toString();
}

export const templateDatabase = 'onestop_test_template';

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Called once by the global setup: a fresh, migrated template database on the server. */
export async function preparePostgresTemplate(): Promise<void> {
  await withAdmin(async (client) => {
    await client.query(`drop database if exists ${templateDatabase} with (force)`);
    await client.query(`create database ${templateDatabase}`);
  });
  const database = openPostgres(serverUrl(templateDatabase), 1);
  await runMigrations(database);
  await database.close();
}

export async function dropPostgresTestDatabases(): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'onestop_test_%'",
    );
    for (const row of rows) {
      await client.query(`drop database if exists ${row.datname} with (force)`);
    }
  });
}

export type TestDatabase = Database & {
  /** The server database's URL, when the test runs on PostgreSQL. */
  url?: string;
};

export async function openTestDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    pgliteTemplate ??= makePgliteTemplate();
    const client = new PGlite({ loadDataDir: await pgliteTemplate });
    await client.waitReady;
    return wrapPglite(client);
  }

  const name = `onestop_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name} template ${templateDatabase}`));
  const database = openPostgres(serverUrl(name), 4);
  return {
    ...database,
    url: serverUrl(name),
    async close() {
      await database.close();
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
