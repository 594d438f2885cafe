import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalFileStore } from './store.js';

describe('file store', () => {
  it('R-CASE-1 stores the same bytes uploaded at the same moment without failing', async () => {
    const store = createLocalFileStore(mkdtempSync(path.join(tmpdir(), 'onestop-store-')));
    const bytes = Buffer.from('%PDF-1.4 the same material twice');
    const keys = await Promise.all(Array.from({ length: 20 }, () => store.put(bytes)));
    expect(new Set(keys).size).toBe(1);
    expect((await store.get(keys[0] ?? '')).equals(bytes)).toBe(true);
  });
});
