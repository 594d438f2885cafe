/**
 * The query plans behind the benched reads: runs the server's own service functions against
 * the bench database, records the SQL they send, and prints EXPLAIN (ANALYZE, BUFFERS) of each.
 *
 *   npx tsx bench/explain.ts [catalogue|work-list]
 */
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../server/src/config.js';
import * as schema from '../server/src/db/schema.js';
import { itemListQuery, listItems } from '../server/src/modules/catalog/service.js';
import { countCasesByState, listCases } from '../server/src/modules/cases/service.js';
import { createLocalFileStore } from '../server/src/platform/files/store.js';
import type { Actor, Deps } from '../server/src/platform/http/types.js';
import { benchAccounts, benchDatabaseUrl, benchDataDir } from './lib.js';

interface Sent {
  sql: string;
  params: unknown[];
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const pool = new pg.Pool({ connectionString: benchDatabaseUrl, max: 1 });
  const sent: Sent[] = [];
  const db = drizzle(pool, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (sql, params) => sent.push({ sql, params }) },
  });
  const deps: Deps = {
    db,
    config: loadConfig({ ...process.env, DATABASE_URL: benchDatabaseUrl }),
    files: createLocalFileStore(path.join(benchDataDir, 'files')),
    now: () => new Date(),
  };

  try {
    const [staff] = (
      await pool.query<Actor>(
        `select id, username, display_name as "displayName", role,
                applicant_kind as "applicantKind", unit_id as "unitId", window_id as "windowId"
           from users where username = $1`,
        [benchAccounts.staff],
      )
    ).rows;
    if (!staff) {
      throw new Error(`no account ${benchAccounts.staff}; run npm run bench:data first`);
    }

    const scenarios: [string, () => Promise<unknown>][] = [
      ['catalogue', () => listItems(deps, null, itemListQuery.parse({ q: '证明' }))],
      [
        'work-list',
        async () => {
          await listCases(deps, staff, { page: 1, pageSize: 20 });
          await countCasesByState(deps, staff);
        },
      ],
    ];
    for (const [name, run] of scenarios) {
      if (only && only !== name) {
        continue;
      }
      sent.length = 0;
      await run();
      for (const [index, query] of [...sent].entries()) {
        const plan = await pool.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers) ${query.sql}`,
          query.params,
        );
        console.log(`\n=== ${name} query ${index + 1} of ${sent.length}\n${query.sql}\n`);
        console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await pool.end();
  }
}

await main();
