import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, newConsolePage, screenshot, type PageSettings } from '../browser/browser';
import { startConsoleWithMailbox } from './mailbox-console';
import type { SmtpReceiver } from './smtp-receiver';
import type { TestConsole } from './test-console';

/** The widths the portal's pages are checked and photographed at: a phone's and a desktop's. */
export const PORTAL_WIDTHS = { phone: 390, desktop: 1440 } as const;

const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

export interface PortalInBrowser {
  /** The console, serving the portal and the admin UI. */
  c: TestConsole;
  /** The subjects' mailbox: their codes and letters. */
  smtp: SmtpReceiver;
  browser: Browser;
  /** A data subject's browser: JavaScript off (the pages need none), a phone's or a desktop's width, their language. */
  subjectPage(width: number, locale: string): Promise<Page>;
  /** The officer's console in a browser context of its own, closed with the others. */
  officerPage(settings?: PageSettings): Promise<Page>;
  /** WCAG 2.1 A and AA rules of axe-core on the page at `url`: none may fail. */
  accessible(url: string): Promise<void>;
  /** The whole page, as tests/artifacts/<name>.png. */
  fullShot(page: Page, name: string): Promise<void>;
  /** The browser, the console and the mailbox stopped. */
  close(): Promise<void>;
}

/**
 * The privacy portal as its subjects meet it: the console with the admin UI and a mailbox, and a
 * real Chromium for subjects' pages without JavaScript, with a second context (scripts on, the
 * page's CSP bypassed) where the accessibility check injects axe-core, since the portal's pages
 * allow no script. `downloads`: the subjects' pages accept them.
 */
export async function startPortalInBrowser({
  downloads = false,
}: { downloads?: boolean } = {}): Promise<PortalInBrowser> {
  const { c, smtp } = await startConsoleWithMailbox({ serveAdmin: true });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  return {
    c,
    smtp,
    browser,
    async subjectPage(width, locale) {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
        locale,
        timezoneId: 'Europe/Rome',
        ...(downloads ? { acceptDownloads: true } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    },
    async officerPage(settings) {
      const page = await newConsolePage(browser, settings);
      contexts.push(page.context());
      return page;
    },
    async accessible(url) {
      const page = await axeContext.newPage();
      await page.goto(url);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as any).axe;
        const result = await axe.run((globalThis as any).document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations as AxeViolation[];
      });
      await page.close();
      expect(
        violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`),
        url,
      ).toEqual([]);
    },
    async fullShot(page, name) {
      await page.screenshot({ path: await screenshot(page, name), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close();
      await axeContext.close();
      await browser.close();
      await c.close();
      await smtp.close();
    },
  };
}
