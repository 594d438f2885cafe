import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, runMigrations } from './client.js';
import { units } from '../modules/org/schema.js';

describe('embedded database', () => {
  it('refuses a second opening of the same data directory with a clear message', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'onestop-lock-'));
    const first = await openPglite(dataDir);
    try {
      await expect(openPglite(dataDir)).rejects.toThrow(/in use by another OneStop process/);
    } finally {
      await first.close();
    }
  });

  it('keeps what was written across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'onestop-keep-'));
    const first = await openPglite(dataDir);
    await runMigrations(first);
    await first.db
      .insert(units)
      .values({ code: 'JW', nameZh: '教务处', nameEn: 'Academic Affairs' });
    await first.close();

    const second = await openPglite(dataDir);
    await runMigrations(second);
    const rows = await second.db.select({ code: units.code }).from(units);
    await second.close();
    expect(rows).toEqual([{ code: 'JW' }]);
  });
});
