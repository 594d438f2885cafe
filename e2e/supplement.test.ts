import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, openVisit, shot, signIn } from './browser';
import { makePdf, onePixelPng } from './files';

/** A promised item of the undergraduate school whose photo must be uploaded (demo data). */
const item = { search: '学生证补办', name: '学生证补办', material: '证件照' };
const staffUsername = 'jw-staff2';
const missing = '照片须为蓝色背景的一寸证件照，请重新上传';

function stateOf(page: Page) {
  return page.getByTestId('case-view').getByTestId('case-state').first();
}

async function actions(page: Page): Promise<string[]> {
  return page
    .getByTestId('case-timeline')
    .getByTestId('case-event')
    .evaluateAll((events) => events.map((event) => event.getAttribute('data-action') ?? ''));
}

describe('a one-time notice and the applicant supplying what it lists', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('R-CASE-6 supplement: notice → applicant uploads → window completes', async () => {
    // The applicant files with a photo that turns out not to be good enough.
    const applicant = await openVisit(browser);
    const page = applicant.page;
    await signIn(page, 'student', '/');
    await page.getByTestId('catalog-search').fill(item.search);
    await page.getByTestId('catalog-search-submit').click();
    await page.getByTestId('catalog-results').getByRole('link', { name: item.name }).click();
    await page.getByTestId('apply-online').click();
    await choose(page, page.getByTestId('form-needsRailCard'), '否');
    await page.getByTestId('form-reason').fill('学生证在图书馆遗失');
    await page.getByTestId('upload-photo').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: onePixelPng,
    });
    await page.getByTestId('filing-submit').click();
    const trackingNo = (await page.getByTestId('filed-tracking-number').innerText()).trim();
    await page.getByTestId('open-filed-case').click();
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('submitted');
    const caseUrl = page.url();

    // The window takes it and sends one notice listing what is missing.
    const staff = await openVisit(browser);
    const desk = staff.page;
    await signIn(desk, staffUsername, '/desk');
    const search = desk.getByTestId('case-search').locator('input');
    await search.fill(trackingNo);
    await search.press('Enter');
    await desk.getByTestId('case-link').filter({ hasText: trackingNo }).click();
    await desk.getByTestId('action-take').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('reviewing');
    const takenBy = await desk.getByTestId('case-holder').innerText();

    await desk.getByTestId('action-request-supplement').click();
    const dialog = desk.getByRole('dialog');
    await choose(
      desk,
      dialog.locator('.ant-select').filter({ hasText: '对应材料' }),
      item.material,
    );
    await dialog.getByTestId('notice-text').fill(missing);
    await shot(desk, '3-notice-dialog');
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('awaiting-supplement');
    expect(await desk.getByTestId('supplement-notices').innerText()).toContain(missing);

    // The applicant sees the notice and uploads a new photo.
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('awaiting-supplement');
    const notices = page.getByTestId('supplement-notices');
    expect(await notices.innerText()).toContain(missing);
    await shot(page, '3-notice-applicant');
    await page.getByTestId('action-resubmit').click();
    const resubmit = page.getByRole('dialog');
    expect(await resubmit.innerText()).toContain(missing);
    await resubmit.getByTestId('resubmit-photo').setInputFiles({
      name: 'photo-blue.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Blue background photo'),
    });
    await resubmit.getByText('photo-blue.pdf').waitFor();
    await shot(page, '3-resubmit-dialog');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('reviewing');
    expect(await page.getByTestId('case-holder').innerText()).toBe(takenBy);

    // Back at the window that took it: the new material is there; accepted and completed.
    await desk.reload();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('reviewing');
    await desk.getByTestId('case-materials').getByText('photo-blue.pdf').waitFor();
    expect(await desk.getByTestId('supplement-notices').innerText()).toContain('已补正');
    await desk.getByTestId('action-accept-promised').click();
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('in-progress');
    await desk.getByTestId('action-complete').click();
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('completed');
    await shot(desk, '3-completed-desk');

    await page.reload();
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('completed');
    expect(await actions(page)).toEqual([
      'filed-online',
      'take',
      'request-supplement',
      'resubmit',
      'accept-promised',
      'complete',
    ]);
    await shot(page, '3-completed-applicant');

    expect([...applicant.errors, ...staff.errors]).toEqual([]);
  });
});
