import { getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';
import * as schema from './schema.js';

/** Every table, parents before the tables that refer to them. */
export function tablesInDependencyOrder(): PgTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
    is(value, PgTable),
  );
  const ordered: PgTable[] = [];
  const visiting = new Set<PgTable>();
  const visit = (table: PgTable) => {
    if (ordered.includes(table) || visiting.has(table)) {
      return;
    }
    visiting.add(table);
    for (const key of getTableConfig(table).foreignKeys) {
      const parent = key.reference().foreignTable;
      if (parent !== table) {
        visit(parent);
      }
    }
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/**
 * Copies every row from one database to another, empty one with the same migrations, in one
 * transaction on the target: the move either happens whole or not at all.
 */
export async function copyAllRows(source: Database, target: Database): Promise<number> {
  const tables = tablesInDependencyOrder();
  let copied = 0;
  await target.db.transaction(async (tx) => {
    for (const table of tables) {
      const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
      if ((existing?.n ?? 0) > 0) {
        throw new Error(`the target database is not empty: ${getTableName(table)} has rows`);
      }
    }
    for (const table of tables) {
      const rows = await source.db.select().from(table);
      for (let start = 0; start < rows.length; start += 500) {
        await tx.insert(table).values(rows.slice(start, start + 500));
      }
      copied += rows.length;
      // Identity columns must continue after the copied ids.
      for (const column of getTableConfig(table).columns) {
        if (column.columnType === 'PgBigSerial53' || column.columnType === 'PgBigSerial64') {
          const name = getTableName(table);
          await tx.execute(
            sql.raw(
              `select setval(pg_get_serial_sequence('${name}', '${column.name}'), ` +
                `coalesce((select max(${column.name}) from ${name}), 0) + 1, false)`,
            ),
          );
        }
      }
    }
  });
  return copied;
}
