import { dropPostgresTestDatabases, preparePostgresTemplate } from './database.js';

// Used by the postgres test project only.
export async function setup(): Promise<void> {
  await preparePostgresTemplate();
}

export async function teardown(): Promise<void> {
  await dropPostgresTestDatabases();
}
