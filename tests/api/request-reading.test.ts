import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';

/** Letters of the corpus (tests/fixtures/letters) imported over HTTP, as the officer uploads them. */
const LETTERS = join(__dirname, '../fixtures/letters/eml');

describe('intake: a letter read as the officer reads it', () => {
  let c: TestConsole;
  let token: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  const intake = (file: string) =>
    c.api('/api/intake/email', {
      token,
      // The fixtures are UTF-8 (raw UTF-8 headers for the IDN ones): sent as the bytes they are.
      body: readFileSync(join(LETTERS, file)).toString('utf8'),
      headers: { 'content-type': 'message/rfc822' },
    });
  const received = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id, kind: 'received' }))}&range=[0,9]`,
        { token },
      )
    ).body[0];

  it('gives the first right as the type and lists every right asked on the timeline, leaving the footer’s alone', async () => {
    const res = await intake('it-07-it-erasure-default-signature-footer.eml');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'erasure',
      typeGuessed: true,
      language: 'it',
      subjectEmail: 'c.esposito@posta.example.it',
      subjectName: 'Chiara Esposito',
    });
    const line = await received(res.body.id);
    expect(line.details).toMatchObject({
      guessedType: 'erasure',
      typeWordingFound: true,
      requestedTypes: ['erasure', 'consent_withdrawal', 'objection', 'restriction'],
      setAside: ['signature'],
    });
    // The footer names portability and access too: neither was asked.
    expect(line.details.requestedTypes).not.toContain('portability');
  });

  it('makes the forwarded letter’s original sender the subject, not the colleague who forwarded it', async () => {
    const res = await intake('en-05-en-erasure-default-forward-gmail.eml');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'erasure',
      subjectEmail: 'c.okafor@example.ie',
      subjectName: 'Chidi Okafor',
    });
    const line = await received(res.body.id);
    expect(line.details).toMatchObject({
      from: 'Tom Baker <tom.baker@acme-shop.example>',
      subjectFrom: 'forwarded',
      sentBy: 'tom.baker@acme-shop.example',
    });
    // The other request imported above keeps its own subject.
    const others = await c.api(
      `/api/requests?filter=${encodeURIComponent(JSON.stringify({ q: 'posta.example.it' }))}&range=[0,9]`,
      { token },
    );
    expect(others.body.map((r: { subjectEmail: string }) => r.subjectEmail)).toEqual(['c.esposito@posta.example.it']);
  });

  it('accepts an internationalised address, kept in Unicode whether it came so or in punycode', async () => {
    const utf8 = await intake('it-10-it-rectification-default-idn-utf8.eml');
    const puny = await intake('it-19-it-rectification-default-2019-idn-punycode.eml');
    expect(utf8).toMatchObject({ status: 201, body: { type: 'rectification', subjectEmail: 'nicolò@caffè.example' } });
    expect(puny).toMatchObject({ status: 201, body: { type: 'rectification', subjectEmail: 'nicolò@caffè.example' } });
    expect(puny.body.id).not.toBe(utf8.body.id);
  });

  it('reads the letter in an attached PDF when the body only says it is attached', async () => {
    const res = await intake('it-11-it-rectification-default-pdf-attachment.eml');
    expect(res).toMatchObject({ status: 201, body: { type: 'rectification', language: 'it' } });
    const line = await received(res.body.id);
    expect(line.details).toMatchObject({
      letterAttachment: 'richiesta-rettifica.pdf',
      requestedTypes: ['rectification'],
    });
    expect(res.body.description).toMatch(/richiedo rettifica o completamento di dati\s+personali\s+inaccurati/);
  });

  it('flags a letter in another language, to be answered in English', async () => {
    const res = await intake('xx-01-de-access-default-plain.eml');
    expect(res).toMatchObject({ status: 201, body: { language: 'en' } });
    expect((await received(res.body.id)).details).toMatchObject({ otherLanguage: 'de' });
  });
});
