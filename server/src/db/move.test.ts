import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { units } from '../modules/org/schema.js';
import { auditLog } from '../platform/audit/schema.js';
import { runMigrations, wrapPglite } from './client.js';
import { copyAllRows, tablesInDependencyOrder } from './move.js';
import { getTableName } from 'drizzle-orm';

describe('moving the embedded database', () => {
  it('orders every table after the tables it refers to', () => {
    const names = tablesInDependencyOrder().map((table) => getTableName(table));
    expect(names.indexOf('units')).toBeLessThan(names.indexOf('windows'));
    expect(names.indexOf('halls')).toBeLessThan(names.indexOf('windows'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));
  });

  it('copies every row and continues identity numbers after them', async () => {
    const source = await wrapPglite(new PGlite());
    const target = await wrapPglite(new PGlite());
    await runMigrations(source);
    await runMigrations(target);
    await source.db.insert(units).values({ code: 'CW', nameZh: '财务处', nameEn: 'Finance' });
    await source.db.insert(auditLog).values([
      { action: 'a', entity: 'unit', entityId: '1' },
      { action: 'b', entity: 'unit', entityId: '2' },
    ]);

    expect(await copyAllRows(source, target)).toBe(3);
    const [next] = await target.db
      .insert(auditLog)
      .values({ action: 'c', entity: 'unit', entityId: '3' })
      .returning({ id: auditLog.id });
    expect(next?.id).toBe(3);
    await expect(copyAllRows(source, target)).rejects.toThrow(/not empty/);
    await source.close();
    await target.close();
  });
});
