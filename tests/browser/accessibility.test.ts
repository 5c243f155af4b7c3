import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../admin/src/common/contrast';
import { SUBJECT_SOURCES } from '../../admin/src/sources/catalogue';
import { AUDIT_ACTIONS } from '../../api/src/audit/audit-actions';
import { startDovecot, type TestMailServer } from '../support/dovecot';
import { createApiKey, ingestAccepted } from '../support/ingest';
import {
  CALLBACK_CHAT,
  ERASURE_CONSENT_GIULIA,
  GIULIA_CALENDAR_CONNECTION,
  SITE_VISIT_EVENT,
  WEBSITE_LEAD_GIULIA,
} from '../support/records';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { animationsDone, newConsolePage, launchBrowser, screenshot, still } from './browser';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The signed-in console against WCAG 2.1 A and AA, in a real Chromium with the console's own
 * Content-Security-Policy in force (axe-core is added as an init script, which a page's CSP does
 * not govern, and runs through Playwright's evaluation, as the other browser tests' scripts do):
 * every screen of the menu, a record page of every resource, the request page and the dashboard,
 * every form and dialog, in English and in Italian. Then the keyboard alone: the menu's arrows across its sections, a
 * request opened from the list with Tab and Enter, the focus ring on every stop on the way
 * (WCAG 2.4.7, and 3:1 against its surface, 1.4.11) and the focus on the page's title after each
 * change of page. docs/accessibility.md tells what is checked and how.
 */

const AXE = require.resolve('axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TITLE = '#react-admin-title';

/** Each resource and the API path that lists its records (other mail lives under the mailbox). */
const RESOURCES: Array<[resource: string, apiPath: string]> = [
  ['requests', 'requests'],
  ['other-mail', 'mailbox/other-mail'],
  ['letter-templates', 'letter-templates'],
  ['leads', 'leads'],
  ['chat-conversations', 'chat-conversations'],
  ['chat-messages', 'chat-messages'],
  ['calendar-connections', 'calendar-connections'],
  ['calendar-events', 'calendar-events'],
  ['consents', 'consents'],
  ['access-logs', 'access-logs'],
  ['processors', 'processors'],
  ['activities', 'activities'],
  ['cookies', 'cookies'],
  ['retention-policies', 'retention-policies'],
  ['breaches', 'breaches'],
  ['audit-events', 'audit-events'],
  ['users', 'users'],
  // API keys have no page of their own: their list is the menu's screen.
];

// Not a request: an out-of-office answer, for the other mail's list and page.
const AUTO_REPLY = [
  'From: Paolo Greco <paolo.greco@example.it>',
  'To: privacy@vimage.it',
  'Subject: Fuori ufficio',
  'Date: Mon, 02 Nov 2026 10:00:00 +0100',
  'Message-ID: <auto-reply-accessibility@example.it>',
  'Auto-Submitted: auto-replied',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Sono fuori ufficio fino al 9 novembre.',
  '',
].join('\r\n');

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/** What the focused element shows: its outline and the colour of the surface the outline is drawn on. */
interface FocusLook {
  tag: string;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  surface: string;
  inTableHead: boolean;
  inContent: boolean;
}

describe('the console against WCAG 2.1 AA in Chromium, with its own CSP', () => {
  let c: TestConsole;
  let imap: TestMailServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  let laura: { id: string; reference: string };
  const recordPages: string[] = [];
  /** The menu's links, as the walk in English found them. */
  const menuPaths: string[] = [];

  beforeAll(async () => {
    imap = await startDovecot();
    // Delivered before the start: the console reads the mailbox once as it starts.
    await imap.deliver(AUTO_REPLY);
    c = await startTestConsole({
      serveAdmin: true,
      database: 'server',
      env: { IMAP_URL: imap.url, MAILBOX_POLL_CRON: 'off', MAILBOX_IDLE: 'off' },
    });
    token = await c.login();
    const key = await createApiKey(c, token);
    await ingestAccepted(c, key, 'leads', [WEBSITE_LEAD_GIULIA]);
    await ingestAccepted(c, key, 'chat-conversations', CALLBACK_CHAT);
    await ingestAccepted(c, key, 'calendar-connections', [GIULIA_CALENDAR_CONNECTION]);
    await ingestAccepted(c, key, 'calendar-events', [SITE_VISIT_EVENT]);
    await ingestAccepted(c, key, 'consents', [ERASURE_CONSENT_GIULIA]);
    await ingestAccepted(c, key, 'access-logs', [
      { ip: '203.0.113.7', path: '/contatti', method: 'GET', status: 200, at: '2026-11-02T09:58:00Z' },
    ]);
    const request = async (body: Record<string, unknown>) => {
      const res = await c.api('/api/requests', { token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; reference: string };
    };
    laura = await request({
      type: 'access',
      channel: 'web_form',
      receivedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      subjectName: 'Laura Conti',
      subjectEmail: 'laura.conti@example.it',
      language: 'it',
    });
    await request({
      type: 'erasure',
      channel: 'email',
      receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      subjectName: 'Marco Neri',
      subjectEmail: 'marco.neri@example.it',
      language: 'it',
    });
    const breach = await c.api('/api/breaches', {
      token,
      body: {
        // What the officer writes, in the officer's language.
        title: 'Portatile commerciale rubato da un’auto',
        description: 'Rubato un portatile con una copia dell’esportazione dei lead; cifratura del disco in verifica.',
        startedAt: '2026-11-01T08:00:00Z',
        awareAt: '2026-11-02T08:00:00Z',
        ongoing: false,
        nature: ['confidentiality'],
        sources: ['leads'],
        riskLevel: 'risk',
      },
    });
    expect(breach.status, JSON.stringify(breach.body)).toBe(201);
    // expect.poll works only inside a test: a plain wait for the mailbox's first reading.
    for (let wait = 0; (await c.api('/api/mailbox/other-mail', { token })).body.length === 0; wait++) {
      if (wait === 60) throw new Error('the mailbox was not read within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // One record of each resource: its page.
    for (const [resource, apiPath] of RESOURCES) {
      const res = await c.api(`/api/${apiPath}?range=[0,0]`, { token });
      expect(res.status, resource).toBe(200);
      expect(res.body.length, `a record of ${resource}`).toBeGreaterThan(0);
      // A letter template has no id in the API: the console names it key/language.
      const { id, key, language } = res.body[0];
      recordPages.push(`#/${resource}/${encodeURIComponent(id ?? `${key}/${language}`)}/show`);
    }

    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, romeTime: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    // axe-core before the console's own scripts, on every load: an init script is not subject to
    // the page's CSP, which stays in force (checked below).
    await page.context().addInitScript({ path: AXE });
    await signInAsAdministrator(page, c.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await c?.close();
    await imap?.stop();
  });

  /** The page has loaded what it shows: a title, no loading bar or placeholder, no animation. */
  const settled = async () => {
    // At a phone's width the app bar leaves the title out of view: there, only its text counts.
    await page.locator(TITLE).filter({ hasText: /\S/ }).waitFor({ state: 'attached' });
    await page.waitForFunction(
      () => !(globalThis as any).document.querySelector('[role="progressbar"]:not([aria-valuenow]), .MuiSkeleton-root'),
    );
    await animationsDone(page);
  };

  /** axe-core's WCAG 2.1 A and AA rules on the whole page: each violation in one readable line. */
  const violations = async (where: string): Promise<string[]> => {
    const found: AxeFinding[] = await page.evaluate(async (tags) => {
      const result = await (globalThis as any).axe.run((globalThis as any).document, {
        runOnly: { type: 'tag', values: tags },
      });
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
      }));
    }, WCAG_21_AA);
    return found.map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n\s*/g, ' / ')}`).join('\n'),
    );
  };

  /** The focused element as `#id`, or its tag and name. */
  const focused = () =>
    page.evaluate(() => {
      const element = (globalThis as any).document.activeElement;
      return element?.id && !element.name ? `#${element.id}` : `${element?.tagName.toLowerCase()} ${element?.name}`;
    });

  /**
   * Back to the dashboard, where the next steps start from. It waits for the focus on the title
   * (moved there up to 1.5 s after a change of page): a focus the next step gives then stays put.
   */
  const backToDashboard = async () => {
    await page.goto(`${c.url}/#/`);
    await settled();
    await expect.poll(focused).toBe(TITLE);
  };

  /**
   * Words of the console's own English that must not show in the Italian UI (issue 23), and
   * translation keys left untranslated. Data the console holds (names, e-mails, a user agent) is
   * not the UI's text: the words are chosen so that the test data has none of them.
   */
  const ENGLISH_WORDS =
    /\b(the|and|with|from|Request|Requests|Search|Received|Created|Updated|Export|Show|Edit|Delete|Save|Cancel|Loading|Status|Open|Closed|Days|Sources|Person|Subject|Notes|Retention|Consent|Activities|Processor|Rows per page|Not stated|None|Yes)\b/g;
  const untranslated = async (where: string): Promise<string[]> => {
    // A letter's own words are in the letter's language (marked with it): an English template
    // shown in the Italian console is the letter, not the console's text. Everything else, the
    // registers' entries included, must be Italian.
    const letters: string[] = await page
      .locator('[data-letter-text]:not([lang="it"])')
      .evaluateAll((nodes) => nodes.map((n) => (n as any).innerText as string));
    let text: string = await page.locator('body').innerText();
    for (const letter of letters) text = text.replace(letter, ' ');
    // Each English word once per screen, with the words around it to find where it is written.
    const found = new Map<string, string>();
    for (const m of text.matchAll(ENGLISH_WORDS))
      if (!found.has(m[0])) found.set(m[0], text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
    const keys = [...new Set(text.match(/\b(resources|app|ra)\.[a-z_-]+\.[a-z_.-]+/g) ?? [])];
    return [
      ...[...found].map(([word, around]) => `${where}: English "${word}" in "${around}"`),
      ...keys.map((key) => `${where}: key ${key}`),
    ];
  };

  /**
   * Codes the officer must never read as they are stored (issue 23): snake_case values
   * (`ai_chatbot`, `web_form`), the sources' keys (`chat-conversations`) and the audit log's
   * action codes (`records.listed`). Each screen's text, in both languages; each code once, with
   * the words around it.
   */
  const RAW_CODES = new RegExp(
    [
      String.raw`\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`,
      ...SUBJECT_SOURCES.filter((source) => source.includes('-')).map((source) => String.raw`\b${source}\b`),
      ...AUDIT_ACTIONS.map((action) => String.raw`\b${action.replace('.', String.raw`\.`)}\b`),
    ].join('|'),
    'g',
  );
  const rawCodes = async (where: string): Promise<string[]> => {
    // What is shown exactly as received (a browser's user agent) is marked data-verbatim.
    const text: string = await page.evaluate(() => {
      const document = (globalThis as any).document;
      const marked = [...document.querySelectorAll('[data-verbatim]')];
      for (const element of marked) element.dataset.hidden = element.style.display || '-';
      for (const element of marked) element.style.display = 'none';
      const shown = document.body.innerText;
      for (const element of marked)
        element.style.display = element.dataset.hidden === '-' ? '' : element.dataset.hidden;
      return shown;
    });
    const found = new Map<string, string>();
    for (const m of text.matchAll(RAW_CODES))
      if (!found.has(m[0])) found.set(m[0], text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
    return [...found].map(([code, around]) => `${where}: code "${code}" in "${around}"`);
  };

  /**
   * The registers' screens (activities, processors, cookies, retention policies) are being given
   * their words by the registers' own work (issue 23), their source keys and consent categories
   * with them; a cookie's name there is its real name, not a code.
   */

  /** What a screen must pass: axe-core, no raw code, and in Italian no English word. */
  const screenProblems = async (language: string, where: string, width = ''): Promise<string[]> => [
    ...(await violations(`${language} ${width}${where}`)),
    ...(await rawCodes(`${language} ${width}${where}`)),
    ...(language === 'it' ? (await untranslated(where)).map((problem) => `${width}${problem}`) : []),
  ];

  /** Every create form, and the edit form of the record each resource's page shows. */
  const formPages = (): string[] => {
    const forms = [
      'requests',
      'breaches',
      'users',
      'api-keys',
      'activities',
      'processors',
      'cookies',
      'retention-policies',
    ].map((resource) => `#/${resource}/create`);
    for (const resource of [
      'requests',
      'breaches',
      'users',
      'letter-templates',
      'activities',
      'processors',
      'cookies',
      'retention-policies',
    ]) {
      const show = recordPages.find((path) => path.startsWith(`#/${resource}/`));
      if (show) forms.push(show.replace(/\/show$/, ''));
    }
    return forms;
  };

  /**
   * The request page's decision dialogs: each button of Laura's request that opens one (identity
   * check, more information asked, extension, fee, refusal, note...), checked open, then closed.
   */
  const requestDialogs = async (language: string): Promise<string[]> => {
    const found: string[] = [];
    await page.goto(`${c.url}/#/requests/${laura.id}/show`);
    await settled();
    const buttons = page.getByTestId('request-actions').locator('button:not([disabled])');
    const count = await buttons.count();
    expect(count, 'buttons on the request page').toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      const name = (await button.innerText()).trim();
      await button.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await animationsDone(page);
      if (i === 0) await screenshot(page, `a11y-dialog-${language}`);
      found.push(...(await screenProblems(language, `request dialog "${name}"`)));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    return found;
  };

  /** The dialog now open: axe, codes and English words, a screenshot, then closed with Escape. */
  const openDialog = async (language: string, where: string, shot?: string): Promise<string[]> => {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await animationsDone(page);
    if (shot) await screenshot(page, `a11y-dialog-${shot}-${language}`);
    const found = await screenProblems(language, where);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    return found;
  };

  /**
   * A breach's date-time field says its date in words, in the console's language and Rome's
   * time (issue 23), as the other date fields do: today, at the hour the field holds.
   */
  const dateInWordsOf = async (language: string, label: string): Promise<void> => {
    const dialog = page.getByRole('dialog');
    const field = dialog.locator('input[type="datetime-local"]');
    const value = await field.inputValue();
    const words = await dialog.getByTestId('date-in-words').innerText();
    const today = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Rome',
    }).format(new Date());
    expect(words, label).toContain(today);
    expect(words, label).toContain(`${language === 'it' ? 'alle ore' : 'at'} ${value.slice(11, 16)}`);
  };

  /**
   * The dialogs of the breaches, retention and users screens: a breach's notification to the
   * Garante, its decision and "told on" for a person affected (with their dates in words); the
   * retention sweep's confirmation; a user's session ended, a user deleted, an API key revoked.
   * Each opened, checked and closed with Escape: nothing is sent.
   */
  const otherDialogs = async (language: string): Promise<string[]> => {
    const found: string[] = [];
    const breach = recordPages.find((path) => path.startsWith('#/breaches/'))!;
    await page.goto(`${c.url}/${breach}`);
    await settled();
    await page.getByTestId('notify-button').click();
    await page.getByRole('dialog').getByTestId('date-in-words').waitFor();
    await dateInWordsOf(language, 'notification to the Garante');
    found.push(...(await openDialog(language, 'breach dialog "notification"', 'breach-notification')));
    await page.getByTestId('decide-button').click();
    found.push(...(await openDialog(language, 'breach dialog "decision"')));
    await page.getByTestId('affected-show').click();
    await page.getByTestId('affected-list').locator('button').first().click();
    await page.getByRole('dialog').getByTestId('date-in-words').waitFor();
    await dateInWordsOf(language, 'person told');
    found.push(...(await openDialog(language, 'breach dialog "person told"')));

    await page.goto(`${c.url}/#/retention`);
    await settled();
    await page.getByTestId('retention-sweep').click();
    found.push(...(await openDialog(language, 'retention dialog "sweep"', 'retention-sweep')));

    const user = recordPages.find((path) => path.startsWith('#/users/'))!;
    await page.goto(`${c.url}/${user}`);
    await settled();
    // The session the test signed in with through the API: not the browser's own.
    await page.getByTestId('user-sessions').locator('button').first().click();
    found.push(...(await openDialog(language, 'users dialog "end session"')));
    await page.goto(`${c.url}/${user.replace(/\/show$/, '')}`);
    await settled();
    await page.locator('.ra-delete-button').click();
    found.push(...(await openDialog(language, 'users dialog "delete"')));
    await page.goto(`${c.url}/#/api-keys`);
    await settled();
    await page.locator('tbody tr').first().locator('button').click();
    found.push(...(await openDialog(language, 'API keys dialog "revoke"')));
    return found;
  };

  /** Every screen of the menu and every record page at a phone's width (390 px), with screenshots. */
  const walkAtPhoneWidth = async (language: string): Promise<void> => {
    const found: string[] = [];
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of [...menuPaths, ...recordPages, ...formPages()]) {
        await page.goto(`${c.url}/${path}`);
        await settled();
        found.push(...(await screenProblems(language, path, '390px ')));
        if (['#/', '#/requests', '#/audit-events', recordPages[0]].includes(path))
          await screenshot(
            page,
            `a11y-390-${language}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'dashboard'}`,
          );
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await backToDashboard();
    expect(found, found.join('\n')).toEqual([]);
  };

  /** Every screen of the menu, every record page, the request page and the dashboard: no violation. */
  const walkEveryScreen = async (language: string): Promise<void> => {
    const found: string[] = [];
    const menuLinks: string[] = await page
      .getByRole('menu')
      .first()
      .locator('a[role="menuitem"]')
      .evaluateAll((links) => links.map((link) => (link as any).getAttribute('href') as string));
    // Dashboard, requests, other mail, templates; find a person and 7 sources; 8 compliance
    // screens; users and API keys.
    expect(menuLinks).toHaveLength(22);
    menuPaths.splice(0, menuPaths.length, ...menuLinks);
    for (const href of menuLinks) {
      const before = page.url();
      await page.getByRole('menu').first().locator(`a[href="${href}"]`).click();
      await settled();
      found.push(...(await screenProblems(language, href)));
      // After a change of page, the focus on its title; on "Find a person", on its search box (autofocus).
      if (page.url() === before) continue;
      if (href.endsWith('/find-person')) expect(await focused()).toBe('input q');
      else await expect.poll(focused, { message: href }).toBe(TITLE);
    }
    for (const path of [...recordPages, '#/']) {
      await page.goto(`${c.url}/${path}`);
      await settled();
      found.push(...(await screenProblems(language, path)));
    }
    // Each create and edit form, the fields as the officer fills them.
    for (const path of formPages()) {
      await page.goto(`${c.url}/${path}`);
      await settled();
      await page.locator('#main-content form').first().waitFor();
      await animationsDone(page);
      found.push(...(await screenProblems(language, path)));
      // Forms whose dates are said in words, to be looked at.
      if (/^#\/(requests\/create|processors\/(?!create)[^/]+)$/.test(path)) {
        await page.getByTestId('date-in-words').first().scrollIntoViewIfNeeded();
        await screenshot(page, `a11y-form-${path.split('/')[1]}-${language}`);
      }
    }
    found.push(...(await requestDialogs(language)));
    found.push(...(await otherDialogs(language)));
    // The request's file: a page of its own, without the menu, meant to be printed.
    const file = recordPages.find((path) => path.startsWith('#/requests/'))!.replace(/\/show$/, '/file');
    await page.goto(`${c.url}/${file}`);
    await page.getByTestId('file-chain').waitFor();
    await animationsDone(page);
    found.push(...(await screenProblems(language, file)));
    await backToDashboard();
    expect(found, found.join('\n')).toEqual([]);
  };

  it('serves its pages under the CSP: a script the page adds itself does not run', async () => {
    const response = await page.request.get(`${c.url}/`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    const ran = await page.evaluate(() => {
      const document = (globalThis as any).document;
      const script = document.createElement('script');
      script.textContent = 'globalThis.inlineRan = true';
      document.head.append(script);
      return (globalThis as any).inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(await page.evaluate(() => typeof (globalThis as any).axe?.run)).toBe('function');
  });

  it('passes axe-core on every screen, record page, the request page and the dashboard, in English', async () => {
    await walkEveryScreen('en');
  });

  it('passes at a phone’s width (390 px) too, every screen and form, in English', async () => {
    await walkAtPhoneWidth('en');
  });

  it('moves through the menu with the arrows, across its sections', async () => {
    const menu = page.getByRole('menu').first();
    const focusedText = () => page.evaluate(() => (globalThis as any).document.activeElement?.textContent ?? '');
    await menu.getByRole('menuitem', { name: 'Letter templates' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('Find a person');
    await page.keyboard.press('ArrowUp');
    expect(await focusedText()).toBe('Letter templates');
    await page.keyboard.press('End');
    expect(await focusedText()).toBe('API keys');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('Dashboard');
    // The sections are named groups: a screen reader says where an item belongs.
    expect(
      await menu.getByRole('group', { name: 'Personal data' }).getByRole('menuitem', { name: 'Leads' }).count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: 'Administrator (Profile)' }).count()).toBe(1);
  });

  it('offers “Skip to content” as the first Tab stop: to the heading, then the content', async () => {
    await page.goto(`${c.url}/#/requests`);
    await settled();
    // From the top of the document, as after a page load.
    await page.evaluate(() => {
      const body = (globalThis as any).document.body;
      body.tabIndex = -1;
      body.focus();
      body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    await animationsDone(page);
    const skip = await focusLook(page);
    expect(skip.text).toBe('Skip to content');
    expect(skip.outlineStyle).not.toBe('none');
    const box = await page.locator('.skip-nav-button').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(await violations('skip link shown')).toEqual([]);
    await screenshot(page, 'a11y-00-skip-link-en');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(TITLE);
    await page.keyboard.press('Tab');
    expect((await focusLook(page)).inContent).toBe(true);
    await backToDashboard();
  });

  it('opens a request from the list with Tab and Enter, the focus visible at every stop', async () => {
    // To the list from the menu, by the keyboard: the focus lands on the page's title.
    await page.getByRole('menu').first().getByRole('menuitem', { name: 'Requests' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/requests(\?|$)/);
    await settled();
    await expect.poll(focused).toBe(TITLE);
    expect(await page.locator(TITLE).textContent()).toBe('Requests');
    await still(page);
    await screenshot(page, 'a11y-01-title-focused-en');

    // The ring on the current menu item, to be looked at; then back to the title.
    await page.getByRole('menu').first().getByRole('menuitem', { name: 'Requests' }).focus();
    await animationsDone(page);
    const menuItem = await focusLook(page);
    await screenshot(page, 'a11y-02-current-menu-item-focused-en');
    await page.locator(TITLE).focus();

    // Tab from the title to the first row, through the page's content only (not the app bar, not
    // the menu): every stop shows a ring of 2 px at 3:1 or more.
    const stops: FocusLook[] = [menuItem];
    let shots = 0;
    for (let tab = 0; tab < 80; tab++) {
      await page.keyboard.press('Tab');
      await animationsDone(page);
      const look = await focusLook(page);
      stops.push(look);
      expect(look.inContent, `${look.tag} "${look.text}" is outside the page's content`).toBe(true);
      if (look.tag === 'TR') break;
      if (look.inTableHead && shots === 0) {
        await screenshot(page, 'a11y-03-sort-header-focused-en');
        shots++;
      }
    }
    const row = stops.at(-1)!;
    expect(row.tag, stops.map((s) => `${s.tag} ${s.text}`).join(' | ')).toBe('TR');
    expect(shots).toBe(1);
    // The first stop after the title is the content's first control: the menu was not walked.
    expect(stops.length).toBeLessThan(20);
    const unseen = stops.filter(
      (s) => s.outlineStyle === 'none' || s.outlineWidth < 2 || contrastRatio(hex(s.outlineColor), hex(s.surface)) < 3,
    );
    expect(
      unseen.map((s) => `${s.tag} "${s.text}" ${s.outlineStyle} ${s.outlineWidth}px ${s.outlineColor} on ${s.surface}`),
    ).toEqual([]);
    await screenshot(page, 'a11y-04-row-focused-en');

    // The first row (the most urgent request), and that request opens: not the other one.
    const reference = /DSR-\d{4}-\d{4}/.exec(row.text)?.[0];
    expect(reference).toBeDefined();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show$/);
    await settled();
    const opened = await c.api(`/api/requests/${/requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1]}`, { token });
    expect(opened.body.reference).toBe(reference);
    await expect.poll(focused).toBe(TITLE);
    expect(await page.locator(TITLE).textContent()).toContain(reference!);
    await still(page);
    await screenshot(page, 'a11y-05-request-title-focused-en');

    // The same for a list on react-admin's older table (Datagrid): a letter template opens with Enter.
    await page.goto(`${c.url}/#/letter-templates`);
    await settled();
    const template = page.locator('tbody tr').first();
    await template.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/letter-templates\/[^/]+\/show$/);
    // Rows that open nothing (API keys have no page) are no Tab stop.
    await page.goto(`${c.url}/#/api-keys`);
    await settled();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('tbody tr[tabindex]').count()).toBe(0);
  });

  it('passes axe-core on every screen again in Italian', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.getByRole('button', { name: 'Administrator (Profilo)' }).waitFor();
    await walkEveryScreen('it');
    // Laura's request, from the list with the keyboard in Italian too.
    await page.getByRole('menu').first().getByRole('menuitem', { name: 'Richieste' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/requests(\?|$)/);
    await settled();
    const rows = page.locator('tbody tr', { hasText: laura.reference });
    await rows.focus();
    await still(page);
    await screenshot(page, 'a11y-06-row-focused-it');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/requests/${laura.id}/show$`));
    await settled();
    await expect.poll(focused).toBe(TITLE);
    expect(await page.locator(TITLE).textContent()).toContain(laura.reference);
  });

  it('passes at a phone’s width (390 px) in Italian', async () => {
    await walkAtPhoneWidth('it');
  });
});

/**
 * The focused element's outline and the colour it is drawn against: the element's own box for
 * an inset ring, else what lies under it; translucent backgrounds blended over what is below.
 */
function focusLook(page: Page): Promise<FocusLook> {
  return page.evaluate(() => {
    const window = globalThis as any;
    const element = window.document.activeElement;
    // A field shows its focus by its underline (MUI's, 2 px in the primary colour), not by a ring.
    const field = element.closest('.MuiFilledInput-root');
    const underline = field && window.getComputedStyle(field, '::after');
    const ring = window.getComputedStyle(element);
    const style = underline
      ? {
          outlineStyle: /^matrix\(0,/.test(underline.transform) ? 'none' : underline.borderBottomStyle,
          outlineWidth: underline.borderBottomWidth,
          outlineColor: underline.borderBottomColor,
        }
      : ring;
    const inset = parseFloat(ring.outlineOffset) < 0;
    const layers: number[][] = [];
    for (let node = field ?? (inset ? element : element.parentElement); node; node = node.parentElement) {
      const [r, g, b, a = 1] = (window.getComputedStyle(node).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (a > 0) layers.push([r, g, b, a]);
      if (a === 1) break;
    }
    let [red, green, blue] = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) {
      red = r * a + red * (1 - a);
      green = g * a + green * (1 - a);
      blue = b * a + blue * (1 - a);
    }
    return {
      tag: element.tagName,
      text: (element.innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 120),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      surface: `rgb(${Math.round(red)}, ${Math.round(green)}, ${Math.round(blue)})`,
      inTableHead: !!element.closest('thead'),
      inContent: !!element.closest('#main-content'),
    };
  });
}

/** rgb(r, g, b) as #rrggbb. */
function hex(colour: string): string {
  const parts = /rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (!parts) throw new Error(`Not an rgb() colour: ${colour}`);
  return `#${parts
    .slice(1, 4)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('')}`;
}
