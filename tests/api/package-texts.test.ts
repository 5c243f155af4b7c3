import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';
import { createApiKey, postBatch } from '../support/ingest';
import { CALLBACK_CHAT, WEBSITE_LEAD_GIULIA, WEBSITE_LEAD_MARIA_BIANCHI } from '../support/records';

/**
 * The packages read as the data subject reads them (issue 18): every text in the request's
 * language only, no internal working notes, only the recipients that received this person's
 * data, the legal basis per group of fields, the safeguards with their references, plurals
 * right, times in Rome's, a readable copy of the data, and "we hold nothing" as a proper answer.
 */

/** Words that betray English in an Italian text, and the reverse (whole words). */
const ENGLISH = ['the', 'and', 'your', 'you', 'months', 'records', 'Respond', 'Italy', 'service', 'which', 'from'];
const ITALIAN = ['il', 'della', 'suoi', 'lei', 'mesi', 'trattiamo', 'Finalità', 'Italia', 'consenso', 'che', 'non'];
/** The officer's working notes that the seeded registers once held in public fields. */
const INTERNAL = [
  'Not stated',
  'must be verified',
  'To be confirmed',
  'to be confirmed',
  'possible provider',
  'Check whether',
];

const wordsOf = (text: string, list: string[]) =>
  list.filter((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(text));
/** README.html without the copy of the data (which holds what the person wrote, in whatever language). */
const textsOf = (html: string) => html.split(/<h2>(?:Your data|I suoi dati)<\/h2>/)[0];

describe('what the data subject reads in a package', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  const GIULIA_IP = '203.0.113.7';

  const request = async (language: 'it' | 'en', subject: { name: string; email: string }, type = 'access') => {
    const created = await c.api('/api/requests', {
      token,
      body: {
        type,
        channel: 'email',
        language,
        receivedAt: new Date().toISOString(),
        subjectName: subject.name,
        subjectEmail: subject.email,
      },
    });
    await c.api(`/api/requests/${created.body.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    return created.body.id as string;
  };
  const download = async (id: string, kind: string, ips: string[] = []) => {
    const res = await fetch(
      `${c.url}/api/requests/${id}/export.zip?kind=${kind}${ips.length ? `&ips=${ips.join(',')}` : ''}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);
    const zip = await readZip(Buffer.from(await res.arrayBuffer()));
    return { zip, txt: zip.get('README.txt')!.toString(), html: zip.get('README.html')!.toString() };
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    await postBatch(c, key, 'leads', [WEBSITE_LEAD_GIULIA, WEBSITE_LEAD_MARIA_BIANCHI]);
    // Giulia's chat went to OpenAI; Maria's to Anthropic.
    await postBatch(c, key, 'chat-conversations', [
      { ...CALLBACK_CHAT, externalId: 'chat-giulia', provider: 'openai' },
      {
        externalId: 'chat-maria',
        provider: 'anthropic',
        startedAt: '2026-11-07T10:00:00Z',
        messages: [{ role: 'user', content: 'Sono Maria, 347 765 4321', sentAt: '2026-11-07T10:00:01Z' }],
      },
    ]);
    await postBatch(c, key, 'access-logs', [
      { externalId: 'log-g', ip: GIULIA_IP, path: '/vetrine', method: 'GET', status: 200, at: '2026-11-02T09:58:00Z' },
      {
        externalId: 'log-m',
        ip: '198.51.100.9',
        path: '/contatti',
        method: 'GET',
        status: 200,
        at: '2026-11-03T09:58:00Z',
      },
    ]);
  });
  afterAll(() => c?.close());

  for (const language of ['it', 'en'] as const) {
    const other = language === 'it' ? ENGLISH : ITALIAN;
    it(`access (${language}): only ${language === 'it' ? 'Italian' : 'English'}, no notes, only her recipients, bases per group, safeguards`, async () => {
      const id = await request(language, { name: 'Giulia Bianchi', email: 'giulia.bianchi@example.it' });
      const { zip, txt, html } = await download(id, 'access', [GIULIA_IP]);
      for (const text of [txt, textsOf(html)]) {
        expect(wordsOf(text, other)).toEqual([]);
        expect(wordsOf(text, INTERNAL)).toEqual([]);
        // Her chat went to OpenAI: no other AI provider received anything of hers.
        expect(text).toContain('OpenAI, LLC');
        expect(text).not.toMatch(/Anthropic|Gemini/);
        expect(text).not.toMatch(/\b1 records\b/);
        // No UTC ISO timestamp: times are Rome's, in the reader's words.
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        expect(text).toContain('2021/914');
        expect(text).toContain('2023/1795');
      }
      if (language === 'en') {
        expect(txt).toContain('Contact-form requests (1 record)');
        // The lead's source and campaign data rest on legitimate interest, the form's fields on consent.
        expect(txt).toMatch(/Legal basis: your consent \(Art\. 6\(1\)\(a\) GDPR\): First name, Last name/);
        expect(txt).toMatch(/Legal basis: our legitimate interest \(Art\. 6\(1\)\(f\) GDPR\): Campaign source/);
        expect(txt).toContain('utmSource: Campaign source (utm_source)');
        expect(txt).toContain('24 months from collection');
      } else {
        expect(txt).toContain('Richieste dal modulo di contatto (1 record)');
        expect(txt).toMatch(
          /Base giuridica: il nostro legittimo interesse \(art\. 6, par\. 1, lett\. f GDPR\): Fonte della campagna/,
        );
        expect(txt).toContain('utmSource: Fonte della campagna (utm_source)');
        expect(txt).toContain('24 mesi dalla raccolta');
        expect(txt).toContain('Stati Uniti');
      }
      // Her access-log line, by the address the officer confirmed; not Maria's.
      const logs = JSON.parse(zip.get('data/access-logs.json')!.toString());
      expect(logs).toEqual([expect.objectContaining({ ip: GIULIA_IP, path: '/vetrine' })]);
      // The readable copy: her chat as a conversation, codes in words, times in Rome (18:00:05 UTC is 19:00:05).
      const data = html.slice(textsOf(html).length);
      expect(data).toContain(language === 'it' ? 'Lei ·' : 'You ·');
      expect(data).toContain(language === 'it' ? 'Assistente AI ·' : 'AI assistant ·');
      expect(data).toContain('19:00:05');
      expect(data).toContain('Bianchi Arredamenti');
      // Codes are given their words: no bare `openai`, `user` or `assistant`.
      expect(data).not.toMatch(/\bopenai\b|<b>(user|assistant) ·/);
      // A second person's data never appears.
      const everything = [...zip.values()].map((b) => b.toString()).join('\n');
      expect(everything).not.toMatch(/maria|765 4321|198\.51\.100\.9|\/contatti/i);
    });
  }

  it('says, in the subject’s language, that nothing is held, what was searched and when', async () => {
    for (const language of ['it', 'en'] as const) {
      const id = await request(language, { name: 'Paolo Rossi', email: 'paolo.rossi@example.it' });
      const { zip, txt, html } = await download(id, 'access');
      expect([...zip.keys()].filter((p) => p.startsWith('data/'))).toEqual([]);
      for (const text of [txt, html]) {
        expect(text).toContain(language === 'it' ? 'Non trattiamo alcun dato personale' : 'We hold no personal data');
        expect(text).toContain('paolo.rossi@example.it');
        expect(text).toContain(language === 'it' ? 'Richieste dal modulo di contatto' : 'Contact-form requests');
        expect(text).toContain(language === 'it' ? '(ora italiana)' : '(Italian time)');
        expect(wordsOf(text, language === 'it' ? ENGLISH : ITALIAN)).toEqual([]);
      }
    }
  });

  it('portability states the bases of exactly what it holds, without access logs or cookie choices', async () => {
    for (const language of ['it', 'en'] as const) {
      const id = await request(language, { name: 'Giulia Bianchi', email: 'giulia.bianchi@example.it' }, 'portability');
      const { zip, txt, html } = await download(id, 'portability', [GIULIA_IP]);
      expect(zip.has('data/access-logs.json')).toBe(false);
      expect(zip.has('data/consents.json')).toBe(false);
      for (const text of [txt, textsOf(html)]) {
        expect(wordsOf(text, language === 'it' ? ENGLISH : ITALIAN)).toEqual([]);
        // What it holds (form fields, her messages) rests on consent only: no other basis is named.
        expect(text).toContain(language === 'it' ? 'il suo consenso' : 'your consent');
        expect(text).not.toMatch(
          /il nostro legittimo interesse|un nostro obbligo di legge|our legitimate interest|a legal obligation of ours/,
        );
        expect(text).not.toMatch(/Anthropic|Gemini/);
      }
    }
  });
});
