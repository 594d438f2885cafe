import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, openVisit, shot, signIn } from './browser';
import { makePdf } from './files';

/** A joint item of the international office, with personnel and finance taking part (demo data). */
const jointItem = { search: '因公出国', name: '因公出国（境）审批' };
/** An item of the same office that goes up to an outside authority; filed at its window. */
const escalatedItem = { search: '签证', name: '外国留学生签证及居留许可' };
const authority = '广州市公安局出入境管理支队';
const authorityAnswer = '居留许可延期已批准，请凭回执到国际事务窗口领取护照。';

function stateOf(page: Page) {
  return page.getByTestId('case-view').getByTestId('case-state').first();
}

async function actions(page: Page): Promise<string[]> {
  return page
    .getByTestId('case-timeline')
    .getByTestId('case-event')
    .evaluateAll((events) => events.map((event) => event.getAttribute('data-action') ?? ''));
}

/** A day some months on, as the date picker types it. */
function daysFromNow(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(day);
}

async function openFromWorkList(desk: Page, trackingNo: string): Promise<void> {
  const search = desk.getByTestId('case-search').locator('input');
  await search.fill(trackingNo);
  await search.press('Enter');
  await desk.getByTestId('case-link').filter({ hasText: trackingNo }).click();
}

describe('joint and escalated handling in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('R-CASE-4 R-CASE-5 joint (simple way): lead accepts, both units sign off, lead completes', async () => {
    // A teacher files the travel approval online with the invitation.
    const applicant = await openVisit(browser);
    const page = applicant.page;
    await signIn(page, 'teacher', '/');
    await page.getByTestId('catalog-search').fill(jointItem.search);
    await page.getByTestId('catalog-search-submit').click();
    await page.getByTestId('catalog-results').getByRole('link', { name: jointItem.name }).click();
    await expect.poll(() => page.getByTestId('sheet-name').innerText()).toBe(jointItem.name);
    await page.getByTestId('apply-online').click();
    await page.getByTestId('form-destination').fill('德国');
    const departure = page.getByTestId('form-departure');
    await departure.click();
    await departure.fill(daysFromNow(90));
    await departure.press('Enter');
    await page.getByTestId('form-days').fill('7');
    await page.getByTestId('upload-invitation').setInputFiles({
      name: 'invitation.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Invitation letter from TU Munich'),
    });
    await page.getByText('invitation.pdf').waitFor();
    await shot(page, '4-joint-filing');
    await page.getByTestId('filing-submit').click();
    const trackingNo = (await page.getByTestId('filed-tracking-number').innerText()).trim();
    await page.getByTestId('open-filed-case').click();
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('submitted');
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The leading office takes it and accepts it as joint, the simple way.
    const lead = await openVisit(browser);
    const desk = lead.page;
    await signIn(desk, 'gj-staff', '/desk');
    await openFromWorkList(desk, trackingNo);
    await desk.getByTestId('action-take').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('reviewing');
    await desk.getByTestId('action-accept-joint').click();
    await desk.getByRole('dialog').getByText('简单联办', { exact: false }).click();
    await shot(desk, '4-accept-joint');
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('joint-review');
    const participants = desk.getByTestId('joint-participants');
    await expect.poll(() => participants.innerText()).toContain('待签批');

    // Personnel and finance each sign off on the case page.
    const signers = [];
    for (const username of ['rs-lead', 'cw-lead']) {
      const signer = await openVisit(browser);
      signers.push(signer);
      await signIn(signer.page, username, `/desk/cases/${caseId}`);
      await expect.poll(() => stateOf(signer.page).getAttribute('data-state')).toBe('joint-review');
      const signOff = signer.page.getByTestId('sign-off');
      await signOff.getByText('同意', { exact: true }).click();
      await signOff.locator('textarea').fill(`${username} 审核通过`);
      await shot(signer.page, `4-sign-off-${username}`);
      await signer.page.getByTestId('sign-off-submit').click();
      await signOff.waitFor({ state: 'detached' });
    }

    // Back at the lead: both have approved, so the case can be completed.
    await desk.reload();
    await expect.poll(() => participants.innerText()).not.toContain('待签批');
    expect((await participants.innerText()).match(/同意/g)).toHaveLength(2);
    await desk.getByTestId('action-complete').click();
    await desk.getByTestId('action-note').fill('出访任务批件已出具，请到国际事务窗口领取。');
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('completed');
    await shot(desk, '4-joint-completed-desk');

    // The teacher sees it completed, with both sign-offs in the timeline.
    await page.reload();
    await expect.poll(() => stateOf(page).getAttribute('data-state')).toBe('completed');
    expect(await actions(page)).toEqual([
      'filed-online',
      'take',
      'accept-joint',
      'sign-off',
      'sign-off',
      'complete',
    ]);
    await shot(page, '4-joint-completed-applicant');

    expect([...applicant.errors, ...lead.errors, ...signers.flatMap((s) => s.errors)]).toEqual([]);
  });

  it('R-CASE-4 R-CASE-5 escalated: window escalates, logs a contact, records the answer, completes', async () => {
    // A student brings the visa papers to the international window, which files it for them.
    const staff = await openVisit(browser);
    const desk = staff.page;
    await signIn(desk, 'gj-staff', '/');
    await desk.getByTestId('catalog-search').fill(escalatedItem.search);
    await desk.getByTestId('catalog-search-submit').click();
    await desk
      .getByTestId('catalog-results')
      .getByRole('link', { name: escalatedItem.name })
      .click();
    await desk.getByTestId('apply-online').click();
    const applicantName = 'Anna Schmidt';
    await desk.getByTestId('filing-applicant-name').fill(applicantName);
    await desk.getByTestId('filing-applicant-phone').fill('13800138000');
    await choose(desk, desk.getByTestId('form-kind'), '延期');
    await desk.getByTestId('form-passportNo').fill('C01X00T47');
    await desk.getByTestId('filing-submit').click();
    const trackingNo = (await desk.getByTestId('filed-tracking-number').innerText()).trim();
    await desk.getByTestId('open-filed-case').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('reviewing');

    // Up to the authority, naming it.
    await desk.getByTestId('action-escalate').click();
    await desk.getByTestId('action-authority').fill(authority);
    await desk.getByTestId('action-note').fill('材料齐全，报出入境管理部门审批');
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('escalated');
    expect(await desk.getByTestId('escalation').innerText()).toContain(authority);

    // A contact with the authority, then its answer.
    const contact = desk.getByTestId('contact-add');
    await contact.getByLabel('方式').fill('电话');
    await contact.getByLabel('内容').fill('已电话确认材料收到，预计五个工作日答复');
    await desk.getByTestId('contact-add-submit').click();
    const contacts = desk.getByTestId('authority-contacts');
    await expect.poll(() => contacts.innerText()).toContain('预计五个工作日答复');
    const answer = desk.getByTestId('authority-answer');
    await answer.locator('textarea').fill(authorityAnswer);
    await shot(desk, '5-escalated-desk');
    await desk.getByTestId('authority-answer-submit').click();
    await answer.waitFor({ state: 'detached' });
    await expect.poll(() => desk.getByTestId('escalation').innerText()).toContain(authorityAnswer);

    await desk.getByTestId('action-complete').click();
    await desk.getByTestId('action-confirm').click();
    await expect.poll(() => stateOf(desk).getAttribute('data-state')).toBe('completed');
    await shot(desk, '5-escalated-completed-desk');

    // The applicant follows it by number and name and reads the authority's answer.
    const applicant = await openVisit(browser);
    const track = applicant.page;
    await track.goto('/track');
    await track.getByTestId('track-number').fill(trackingNo);
    await track.getByTestId('track-name').fill(applicantName);
    await track.getByTestId('track-submit').click();
    const result = track.getByTestId('track-result');
    await expect
      .poll(() => result.getByTestId('case-state').first().getAttribute('data-state'))
      .toBe('completed');
    expect(await actions(track)).toEqual([
      'filed-at-window',
      'escalate',
      'authority-contacted',
      'authority-answered',
      'complete',
    ]);
    const answered = track.locator('[data-testid="case-event"][data-action="authority-answered"]');
    expect(await answered.innerText()).toContain(authorityAnswer);
    await shot(track, '5-escalated-track');

    expect([...staff.errors, ...applicant.errors]).toEqual([]);
  });
});
