import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type ViewportSize,
} from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = inject('baseUrl');
const shotsDir = inject('shotsDir');

/** The password of every demo account (server/src/db/seed/data/accounts.ts). */
export const demoPassword = 'Demo@2026';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page's scripts; a journey ends by checking there were none. */
  errors: string[];
}

/** A fresh browser profile: its own cookies and storage, as a separate person's browser. */
export async function openVisit(
  browser: Browser,
  options: { viewport?: ViewportSize; isMobile?: boolean } = {},
): Promise<Visit> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in on the sign-in page and waits until it has moved on to `next`. */
export async function signIn(page: Page, username: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  await page.getByTestId('user-menu').waitFor();
}

/** A full-page screenshot into the journeys' folder, to look at after a run. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/**
 * Picks an answer of a choice field, whether the form shows it as radio buttons or as a
 * drop-down list.
 */
export async function choose(page: Page, field: Locator, label: string): Promise<void> {
  if ((await field.getAttribute('role')) === 'radiogroup') {
    await field.getByText(label, { exact: true }).click();
    return;
  }
  await field.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}
