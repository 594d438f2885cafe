import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPublishedItem, createUnit } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

describe('the public catalogue answers', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('R-CAT-5 R-CAT-6 show a change made through the API at once, though they are kept briefly', async () => {
    const unit = await createUnit(t.deps.db);
    const first = await createPublishedItem(t.deps.db, { unitId: unit.id });
    await createPublishedItem(t.deps.db, { unitId: unit.id });
    const center = await t.signIn(await t.createUser({ role: 'center' }));

    expect((await t.anonymous.get('/api/items')).json().total).toBe(2);
    const withdrawn = await center.post(`/api/items/${first.itemId}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect((await t.anonymous.get('/api/items')).json().total).toBe(1);
  });
});
