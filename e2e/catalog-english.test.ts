import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openVisit, shot } from './browser';

/** A foreign-facing item of the demo data, bilingual by rule (Art. 13). */
const item = { search: 'transcript', name: 'Official Transcript (Chinese and English)' };
const han = /\p{Script=Han}/u;

describe('the public catalogue in English', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('R-CAT-3 R-CAT-5 R-PLT-3 the catalogue in English', async () => {
    const visitor = await openVisit(browser);
    const page = visitor.page;
    await page.goto('/');
    await page.getByTestId('catalog-results').waitFor();
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(han.test(await page.locator('.catalog-hero').innerText())).toBe(false);

    await page.getByTestId('catalog-search').fill(item.search);
    await page.getByTestId('catalog-search-submit').click();
    const results = page.getByTestId('catalog-results');
    await results.getByRole('link', { name: item.name }).waitFor();
    const names = await results.getByTestId('item-card').locator('a').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name.toLowerCase()).toContain(item.search);
    }
    await shot(page, '2-catalog-en');

    await results.getByRole('link', { name: item.name }).click();
    const sheet = page.getByTestId('item-sheet');
    await expect.poll(() => page.getByTestId('sheet-name').innerText()).toBe(item.name);
    expect(await sheet.getAttribute('lang')).toBe('en');
    // Every public field of a foreign-facing item exists in English, so none falls back.
    const text = await sheet.innerText();
    expect(text.match(new RegExp(han.source, 'gu')) ?? []).toEqual([]);
    expect(text).toContain('Foreign-facing');
    await shot(page, '2-sheet-en');

    const href = await page.getByTestId('download-pdf').getAttribute('href');
    expect(href).toContain('lang=en');
    const reply = await visitor.context.request.get(href ?? '');
    expect(reply.status()).toBe(200);
    expect(reply.headers()['content-type']).toBe('application/pdf');
    const pdf = await reply.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    expect(pages).toContain('Official Transcript');

    expect(visitor.errors).toEqual([]);
  });
});
