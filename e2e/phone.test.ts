import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, openVisit, shot, signIn } from './browser';

const phone = { width: 375, height: 812 };

/** How far the page reaches beyond the phone's width: anything above zero scrolls sideways. */
async function overflowOf(page: Page): Promise<number> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  return Math.max(0, width - phone.width);
}

describe('applicant pages on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('R-PLT-3 applicant pages fit a phone screen', async () => {
    const visitor = await openVisit(browser, { viewport: phone, isMobile: true });
    const page = visitor.page;
    const overflows: Record<string, number> = {};
    const measure = async (name: string) => {
      await page.waitForLoadState('networkidle');
      await shot(page, `4-phone-${name}`);
      overflows[name] = await overflowOf(page);
    };

    await page.goto('/');
    await page.getByTestId('item-card').first().waitFor();
    await measure('catalog');

    await page.getByTestId('catalog-search').fill('成绩单');
    await page.getByTestId('catalog-search-submit').click();
    await page.getByTestId('catalog-results').getByRole('link', { name: '中英文成绩单' }).click();
    await page.getByTestId('sheet-materials').waitFor();
    await measure('item-sheet');
    const sheetUrl = page.url();

    await page.getByTestId('language-switch').click();
    await page.getByTestId('sheet-name').getByText('Official Transcript').waitFor();
    await measure('item-sheet-en');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('sheet-name').getByText('中英文成绩单').waitFor();

    await page.goto('/track');
    await page.getByTestId('track-number').waitFor();
    await measure('track');

    // Filing on the phone, then the case and the list of one's cases.
    await signIn(page, 'student', `${new URL(sheetUrl).pathname}/apply`);
    await page.getByTestId('filing-submit').waitFor();
    await measure('filing');
    await choose(page, page.getByTestId('form-language'), '中文');
    await page.getByTestId('form-copies').fill('1');
    await choose(page, page.getByTestId('form-sealed'), '不密封');
    await page.getByTestId('filing-submit').click();
    const trackingNo = (await page.getByTestId('filed-tracking-number').innerText()).trim();
    await measure('filed');

    await page.getByTestId('open-filed-case').click();
    await page.getByTestId('case-timeline').waitFor();
    await measure('case');

    await page.goto('/my/cases');
    await page.getByTestId('case-link').filter({ hasText: trackingNo }).waitFor();
    await measure('my-cases');

    expect(overflows).toEqual(Object.fromEntries(Object.keys(overflows).map((name) => [name, 0])));
    expect(visitor.errors).toEqual([]);
  });
});
