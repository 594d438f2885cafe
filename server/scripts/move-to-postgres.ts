// Moves the embedded database in DATA_DIR to the PostgreSQL server in DATABASE_URL.
// Usage: DATA_DIR=./data DATABASE_URL=postgres://user@host/onestop npm run db:move -w server
import path from 'node:path';
import { openPglite, openPostgres, runMigrations } from '../src/db/client.js';
import { copyAllRows } from '../src/db/move.js';

const dataDir = process.env.DATA_DIR ?? './data';
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the PostgreSQL database to move into.');
  process.exit(2);
}

const source = await openPglite(path.resolve(process.cwd(), dataDir));
const target = openPostgres(url, 2);
try {
  await runMigrations(source);
  await runMigrations(target);
  const rows = await copyAllRows(source, target);
  console.log(`Moved ${rows} rows from ${dataDir} to PostgreSQL. Start OneStop with DATABASE_URL.`);
} catch (error) {
  console.error(`Nothing was moved: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await source.close();
  await target.close();
}
