import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, openVisit, shot, signIn } from './browser';
import { makePdf } from './files';

/** A promised item of the undergraduate school that can be filed online (demo data). */
const item = { search: '成绩单', name: '中英文成绩单' };
const staffUsername = 'jw-staff1';

function stateOf(page: Page) {
  return page.getByTestId('case-view').getByTestId('case-state').first();
}

async function actions(page: Page): Promise<string[]> {
  return page
    .getByTestId('case-timeline')
    .getByTestId('case-event')
    .evaluateAll((events) => events.map((event) => event.getAttribute('data-action') ?? ''));
}

/** A due time as the page prints it, e.g. "2026/03/05 17:30". */
function dueTimeIn(text: string): string {
  const match = /(\d{4})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2})/.exec(text);
  if (!match) {
    throw new Error(`no due time in "${text}"`);
  }
  return match[0];
}

describe('filing online and handling at the window', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('R-CASE-1 R-CASE-3 R-CASE-11 applicant files with an upload, staff handles as promised, applicant sees it closed', async () => {
    // The applicant finds the item and files it online with a real PDF.
    const applicant = await openVisit(browser);
    const page = applicant.page;
    await signIn(page, 'student', '/');
    const applicantName = (await page.getByTestId('user-menu').innerText()).trim();
    await page.getByTestId('catalog-search').fill(item.search);
    await page.getByTestId('catalog-search-submit').click();
    await page.getByTestId('catalog-results').getByRole('link', { name: item.name }).click();
    await expect.poll(() => page.getByTestId('sheet-name').innerText()).toBe(item.name);
    await shot(page, '1-item-sheet');

    await page.getByTestId('apply-online').click();
    await choose(page, page.getByTestId('form-language'), '英文');
    await page.getByTestId('form-copies').fill('2');
    await choose(page, page.getByTestId('form-sealed'), '密封');
    await page.getByTestId('upload-student-card').setInputFiles({
      name: 'student-card.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Student card of the applicant'),
    });
    await page.getByText('student-card.pdf').waitFor();
    await shot(page, '1-filing-form');
    await page.getByTestId('filing-submit').click();
    const trackingNo = (await page.getByTestId('filed-tracking-number').innerText()).trim();
    expect(trackingNo).toMatch(/^OS\d{6}-[2-9A-HJKMNP-Z]{6}$/);
    await shot(page, '1-filed');

    // Staff of the item's unit find it in the work list, take it and accept it as promised.
    const staff = await openVisit(browser);
    const desk = staff.page;
    await signIn(desk, staffUsername, '/desk');
    const staffName = (await desk.getByTestId('user-menu').innerText()).trim();
    const search = desk.getByTestId('case-search').locator('input');
    await search.fill(trackingNo);
    await search.press('Enter');
    await desk.getByTestId('case-link').filter({ hasText: trackingNo }).click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('submitted');
    await desk.getByTestId('case-materials').getByText('student-card.pdf').waitFor();

    await desk.getByTestId('action-take').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('reviewing');
    await desk.getByTestId('action-accept-promised').click();
    const dialog = desk.getByRole('dialog');
    const promised = await dialog
      .getByTestId('promised-due')
      .getByTestId('due-preview')
      .innerText();
    await shot(desk, '1-accept-promised');
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('in-progress');

    // Three working days, the day of acceptance not counted, end at the close of office hours:
    // never sooner than three calendar days on, always at 17:30, and as the dialog promised.
    const due = dueTimeIn(await desk.getByTestId('due-tag').innerText());
    expect(promised).toContain(due);
    expect(due.endsWith('17:30')).toBe(true);
    const today = new Date(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const dueDay = new Date(due.slice(0, 10).replaceAll('/', '-'));
    expect((dueDay.getTime() - today.getTime()) / 86_400_000).toBeGreaterThanOrEqual(3);
    expect(await desk.getByTestId('due-tag').getAttribute('data-due-status')).toBe('green');
    await shot(desk, '1-in-progress');

    await desk.getByTestId('action-complete').click();
    await desk.getByTestId('action-note').fill('成绩单已制作完成，请到五山窗口领取。');
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('completed');
    await shot(desk, '1-completed-desk');

    // The applicant sees it closed among their cases, with every step: who, from, to.
    await page.goto('/my/cases');
    const row = page.getByRole('row').filter({ hasText: trackingNo });
    await expect
      .poll(() => row.getByTestId('case-state').getAttribute('data-state'))
      .toBe('completed');
    await shot(page, '1-my-cases');
    await row.getByTestId('case-link').click();
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('completed');
    expect(await actions(page)).toEqual(['filed-online', 'take', 'accept-promised', 'complete']);
    const accepted = page.locator('[data-testid="case-event"][data-action="accept-promised"]');
    expect(await accepted.innerText()).toContain(staffName);
    expect(
      await accepted
        .getByTestId('case-state')
        .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-state'))),
    ).toEqual(['reviewing', 'in-progress']);
    expect(await page.getByTestId('case-view').innerText()).toContain('请到五山窗口领取');
    await shot(page, '1-case-completed');

    // Anyone with the number and the name can follow it on the public tracking page.
    const visitor = await openVisit(browser);
    await visitor.page.goto('/track');
    await visitor.page.getByTestId('track-number').fill(trackingNo);
    await visitor.page.getByTestId('track-name').fill(applicantName);
    await visitor.page.getByTestId('track-submit').click();
    const result = visitor.page.getByTestId('track-result');
    await expect
      .poll(() => result.getByTestId('case-state').first().getAttribute('data-state'))
      .toBe('completed');
    expect(await actions(visitor.page)).toEqual([
      'filed-online',
      'take',
      'accept-promised',
      'complete',
    ]);
    await shot(visitor.page, '1-track');

    expect([...applicant.errors, ...staff.errors, ...visitor.errors]).toEqual([]);
  });
});
