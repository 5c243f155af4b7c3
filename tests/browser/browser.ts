import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '../artifacts');

/** Debian's Chromium, headless, with no network but loopback. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Waits until no animation is running (endless ones, a focus pulse, are ignored). A function,
 * not a string: the console's Content-Security-Policy forbids evaluating strings in the page.
 */
export async function animationsDone(page: Page): Promise<void> {
  // `globalThis`: this file is type-checked without the DOM library.
  await page.waitForFunction(() =>
    (globalThis as any).document
      .getAnimations()
      .every((a: any) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/**
 * Before a screenshot: the pointer out of the way (the viewport's far corner), no transition or
 * ripple half-way, and with `notices`, the notices of the last actions (each shows for a few
 * seconds) gone.
 */
export async function still(page: Page, { notices = false }: { notices?: boolean } = {}): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.mouse.move(width - 1, height - 1);
  if (notices) await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 20_000 });
  await animationsDone(page);
}

/** Fills the sign-in form and submits it (`button`: the form's button in the page's language). */
export async function signIn(page: Page, email: string, password: string, button = 'Sign in'): Promise<void> {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: button }).click();
}

export interface PageSettings {
  /** The viewport's height (1280 wide): the one the file's screenshots are taken at. */
  height?: number;
  locale?: string;
  /** Dates and times shown in Rome's zone, whatever the machine's. */
  romeTime?: boolean;
  downloads?: boolean;
  /** Every step's timeout. */
  timeout?: number;
  /** The page's uncaught errors in the test's output. */
  logErrors?: boolean;
}

/** A page in a browser context of its own (its own cookies: its own sign-in). */
export async function newConsolePage(browser: Browser, settings: PageSettings = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: settings.height ?? 800 },
    locale: settings.locale ?? 'en-GB',
    ...(settings.romeTime ? { timezoneId: 'Europe/Rome' } : {}),
    ...(settings.downloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(settings.timeout ?? 15_000);
  if (settings.logErrors ?? true) page.on('pageerror', (error) => console.error('page error:', error));
  return page;
}

/**
 * Opens the console at its sign-in form. A fresh Chromium spends its first seconds on fonts, so
 * the first visit may wait a minute: paid once, before the steps and their shorter timeouts.
 */
export async function openSignInForm(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
}
