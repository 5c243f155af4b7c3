import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted, postBatch } from '../support/ingest';
import { recordRequest } from '../support/requests';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * What a batch of leads stores, indexes, refuses and audits, against what was recorded before
 * ingestion was made faster (issue 24): the rows and their index entries (kind, value, field,
 * role), the answers, the refusals with their `reason` and problems, the suppression counts and
 * the audit event. The batch is hostile on purpose: an externalId twice in it and one already
 * stored, an erased person's e-mail (Art. 17: refused) and phone, a restricted person (Art. 18:
 * stored flagged) beside people who are not, phones in odd writings, JavaScript's own property
 * names as values (as keys they are refused), control characters. Ids and instants of this run are left out.
 * `INGESTION_ANSWERS_WRITE=1` records the answers anew: only when a change of answer is intended.
 */
const RECORDED = join(__dirname, '../fixtures/ingestion-answers.json');

const AT = '2026-11-20T10:15:00Z';
const lead = (externalId: string | undefined, fields: Record<string, unknown>) => ({
  ...(externalId === undefined ? {} : { externalId }),
  submittedAt: AT,
  ...fields,
});

/** Keys JSON can carry that an object literal cannot write as its own (`__proto__`). */
const withOwnKey = (record: object, key: string, value: unknown) =>
  JSON.parse(JSON.stringify(record).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value)},`)) as object;

const HOSTILE = [
  lead('h-1', {
    firstName: 'Nicolò',
    lastName: "D'Àmico",
    email: '  Nicolo.DAmico@Example.IT ',
    phone: '0039 (347) 555.12.34',
    company: 'constructor',
    message: 'Il mio cellulare è 347 555 1234, il mio collega è luca.neri@example.it',
    utmSource: '__proto__',
    utmMedium: 'toString',
    utmCampaign: 'hasOwnProperty',
    consentGivenAt: '2026-11-20T10:14:58.123Z',
  }),
  // The same externalId again in the batch: the first one is stored.
  lead('h-1', { firstName: 'Second', email: 'second.try@example.org' }),
  // Already stored by the first batch: a duplicate.
  lead('stored-1', { firstName: 'Paolo', email: 'paolo.terzi@example.org' }),
  // The erased person's e-mail, written differently: refused.
  lead('h-erased-email', { firstName: 'E.', email: 'ERICA.ERASED@example.it' }),
  // The erased person's phone beside another e-mail: refused too.
  lead('h-erased-phone', { email: 'erica.new@example.org', phone: '+39 348 000 1122' }),
  // The restricted person (by phone): stored, flagged.
  lead('h-restricted', { firstName: 'Rita', email: 'r.longo@example.org', phone: '333-111-2222' }),
  lead('__proto__', {
    firstName: '__proto__',
    lastName: 'constructor',
    email: 'proto@example.org',
    phone: '+39 02 1234 5678',
    message: 'valueOf\u0001\u0007\u001f\u007f\u202e tab\there\r\nline  richiamatemi al +39 333 987 6543',
    objective: '{"__proto__":{"polluted":true}}',
  }),
  lead('constructor', { email: 'ctor@example.org', phone: '3471234567 ', company: '\u200b\ufeff' }),
  // No externalId at all: each one stored.
  lead(undefined, {
    email: 'no.id.1@example.org',
    message: 'scrivete a info@vimage.it o al mio capo capo@example.org',
  }),
  lead(undefined, { email: 'no.id.1@example.org', phone: '+1 (202) 555-0143' }),
  lead('h-tail', {
    firstName: '  ',
    lastName: 'Ø',
    email: 'tail@example.org',
    phone: 'not a phone 12',
    landingPage: '/vetrine?x=1&y=2',
    referrer: 'https://www.google.it/',
    spaceType: 'negozio',
    utmTerm: 'vetrine',
    utmContent: 'a"b\'c\\d',
  }),
];

/** Batches every one of which is refused whole, each with its own problems. */
const REFUSED: Array<[string, unknown]> = [
  ['not an array or object', 'just text'],
  ['empty', []],
  [
    'problems in several records',
    [
      lead('r-ok', { email: 'fine@example.org' }),
      lead('r-1', { email: 'not-an-email' }),
      lead('r-2', { email: 'x@example.org', submittedAt: '2026-13-01' }),
      lead('', { email: 'x2@example.org' }),
      lead('r-4', { email: 'x4@example.org', unknownField: 1 }),
      lead('r-5', { email: 'x5@example.org', firstName: 42 }),
      lead('r-6', { email: 'x6@example.org', phone: '1'.repeat(51) }),
      null,
      [],
      { email: 'no-submitted-at@example.org' },
    ],
  ],
  ['a constructor key', [withOwnKey(lead('r-c', { email: 'c@example.org' }), 'constructor', 'x')]],
  ['a __proto__ key', [withOwnKey(lead('r-p', { email: 'p@example.org' }), '__proto__', { polluted: true })]],
  // Refused at parsing: the first of several problems, as they are met (a value after what it holds).
  ['a NUL before a nested key', [lead('r-o1', { message: 'a\u0000', zz: { constructor: 1 } })]],
  ['a nested key before a NUL', [lead('r-o2', { zz: { deeper: [{ prototype: 1 }] }, message: 'a\u0000' })]],
  ['a NUL as an element', ['x\u0000']],
  ['a lone surrogate', [lead('r-s', { email: 's@example.org', firstName: 'a\ud800b' })]],
  ['one record with an unknown field', lead('r-one', { email: 'one@example.org', extra: 'x' })],
  [
    'a NUL character',
    [lead('r-nul-0', { email: 'nul0@example.org' }), lead('r-nul', { email: 'nul@example.org', message: 'a\u0000b' })],
  ],
];

describe('ingestion stores, indexes, refuses and audits a batch as before it was made faster (issue 24)', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  let restriction: string;
  const answers: Record<string, unknown> = {};

  const leads = () =>
    sql(
      c,
      `SELECT external_id, first_name, last_name, email, phone, company, message, space_type, objective,
              utm_source, utm_medium, utm_campaign, utm_term, utm_content, landing_page, referrer,
              to_char(consent_given_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS consent_given_at,
              to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS submitted_at,
              restricted_at IS NOT NULL AS restricted, restricted_by_request_id::text = $1 AS restricted_by_the_request,
              (SELECT json_agg(json_build_object('kind', i.kind, 'value', i.value, 'field', i.field, 'role', i.role)
                        ORDER BY i.kind, i.value, i.field, i.role)
                 FROM subject_identifiers i WHERE i.source = 'leads' AND i.record_id = l.id::text) AS index
         FROM leads l ORDER BY external_id NULLS LAST, email, phone NULLS FIRST`,
      [restriction],
    );

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    await ingestAccepted(c, key, 'leads', [
      lead('stored-1', {
        firstName: 'Paolo',
        lastName: 'Terzi',
        email: 'paolo.terzi@example.org',
        phone: '+39 335 765 4321',
      }),
      lead('erica', {
        firstName: 'Erica',
        lastName: 'Erased',
        email: 'erica.erased@example.it',
        phone: '348 000 1122',
      }),
      lead('rita', { firstName: 'Rita', lastName: 'Longo', email: 'rita.longo@example.it', phone: '333 111 2222' }),
    ]);
    const erasure = await recordRequest(c, token, 'erasure', { email: 'erica.erased@example.it' }, { verified: true });
    expect((await c.api(`/api/requests/${erasure.id}/erase`, { token, body: {} })).status).toBe(200);
    restriction = (await recordRequest(c, token, 'restriction', { email: 'rita.longo@example.it' }, { verified: true }))
      .id;
    expect((await c.api(`/api/requests/${restriction}/restrict`, { token, body: {} })).status).toBe(200);
  });

  afterAll(async () => {
    if (!c) return;
    if (process.env.INGESTION_ANSWERS_WRITE === '1') writeFileSync(RECORDED, `${JSON.stringify(answers, null, 2)}\n`);
    await c.close();
  });

  it('stores and indexes the hostile batch as before, and a retry stores nothing twice', async () => {
    const paolo = async () => (await leads()).filter((l) => l.external_id === 'stored-1');
    const paoloBefore = await paolo();
    expect(paoloBefore).toHaveLength(1);

    const first = await postBatch(c, key, 'leads', HOSTILE);
    const again = await postBatch(c, key, 'leads', HOSTILE);
    answers.first = { status: first.status, body: first.body };
    answers.again = { status: again.status, body: again.body };
    answers.leads = await leads();
    answers.suppressed = await sql(c, `SELECT kind, refused_count FROM suppressed_identifiers ORDER BY kind`);
    answers.audited = (
      await sql(
        c,
        `SELECT details FROM audit_events WHERE action = 'data.ingested' AND entity = 'leads' ORDER BY at, id`,
      )
    ).map((e) => ({
      ...e.details,
      apiKeyPrefix: e.details.apiKeyPrefix === key.slice(0, 12) ? '<the key>' : e.details.apiKeyPrefix,
    }));

    // The second person, already stored, is untouched by both batches.
    expect(await paolo()).toEqual(paoloBefore);
    expect(first.status).toBe(200);
    // Only the two without an externalId are stored again: nothing says they were sent before.
    expect(again.body).toMatchObject({ created: 2 });
    if (process.env.INGESTION_ANSWERS_WRITE !== '1') {
      const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as Record<string, unknown>;
      for (const key of ['first', 'again', 'leads', 'suppressed', 'audited'])
        expect(answers[key]).toEqual(recorded[key]);
    }
  });

  it('refuses the same batches with the same reason and problems, storing none of them', async () => {
    const before = await leads();
    const refused: Record<string, unknown> = {};
    for (const [name, body] of REFUSED) {
      const res = await postBatch(c, key, 'leads', body);
      refused[name] = {
        status: res.status,
        reason: res.body.reason,
        message: res.body.message,
        errors: res.body.errors,
      };
      expect(res.status, name).toBeGreaterThanOrEqual(400);
    }
    answers.refused = refused;
    expect(await leads()).toEqual(before);
    if (process.env.INGESTION_ANSWERS_WRITE !== '1') {
      expect(existsSync(RECORDED)).toBe(true);
      expect(refused).toEqual((JSON.parse(readFileSync(RECORDED, 'utf8')) as Record<string, unknown>).refused);
    }
  });
});
