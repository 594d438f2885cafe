import path from 'node:path';
import { loadConfig } from './config.js';
import { openPglite, openPostgres, runMigrations, type Database } from './db/client.js';
import { seedDemoIfEmpty, demoAccounts } from './db/seed/demo.js';
import { buildApp } from './app.js';
import { startBackgroundWork } from './jobs.js';
import { createLocalFileStore } from './platform/files/store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  let database: Database;
  try {
    database = config.databaseUrl
      ? openPostgres(config.databaseUrl)
      : await openPglite(config.dataDir);
  } catch (error) {
    console.error(`OneStop cannot start: ${(error as Error).message}`);
    process.exit(1);
  }

  await runMigrations(database);
  const deps = {
    db: database.db,
    config,
    files: createLocalFileStore(path.resolve(config.dataDir, 'files')),
    now: () => new Date(),
  };
  const seeded = config.seedDemo ? await seedDemoIfEmpty(deps) : false;

  const app = await buildApp(deps, { logger: true, serveWeb: true });
  const stopBackgroundWork = startBackgroundWork(deps, app.log);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await stopBackgroundWork();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl
    ? 'PostgreSQL'
    : `embedded PGlite in ${path.resolve(config.dataDir)}`;
  console.log(`\nOneStop is running at ${address.replace('127.0.0.1', 'localhost')}  (${where})`);
  console.log(`API documentation: ${address}/api/docs`);
  if (seeded || config.seedDemo) {
    console.log('Demo accounts (password for all: Demo@2026):');
    for (const account of demoAccounts) {
      console.log(`  ${account.username.padEnd(14)} ${account.role.padEnd(13)} ${account.note}`);
    }
  }
}

void main();
