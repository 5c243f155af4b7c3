import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestionService } from '../../api/src/ingestion/ingestion.service';
import type { IngestAccessLogDto } from '../../api/src/sources/access-logs/access-logs.ingestion';
import type {
  IngestCalendarConnectionDto,
  IngestCalendarEventDto,
} from '../../api/src/sources/calendar/calendar.ingestion';
import type { IngestConsentDto } from '../../api/src/sources/consents/consents.ingestion';
import type { IngestLeadDto } from '../../api/src/sources/leads/leads.ingestion';
import { demoRecords, generateDemoData } from '../../api/src/seed/demo-data';
import { seedDemoData } from '../../api/src/seed/demo-seeder';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The search's answers, person by person, against those recorded before the search was made
 * faster (issue 24): the same records, with the same relation (own, shared, mention: Art. 15(4)),
 * matched by the same identifiers. The demo data is the same on every run (a fixed seed and
 * clock); ids and the moment of ingestion are not, so they are left out of the comparison.
 * `SEARCH_ANSWERS_WRITE=1` records the answers anew: only when a change of answer is intended.
 */
const RECORDED = join(__dirname, '../fixtures/search-answers.json');
const PEOPLE = 150;
const SAMPLE = 40;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The answer without what differs from one load to the next, in a stable order. */
function comparable(value: unknown, startedAt: number): unknown {
  if (Array.isArray(value))
    return value
      .map((v) => comparable(v, startedAt))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (key === 'id' || key === 'entryId') continue;
      out[key] = comparable((value as Record<string, unknown>)[key], startedAt);
    }
    return out;
  }
  if (typeof value === 'string' && UUID.test(value)) return '<uuid>';
  if (typeof value === 'string' && ISO.test(value) && Date.parse(value) >= startedAt - 3_600_000) return '<this run>';
  if (typeof value === 'string' && /^\d+$/.test(value) && value.length < 12) return '<serial>';
  return value;
}

describe('the search answers as before it was made faster (issue 24; Art. 15(4) relations)', () => {
  let c: TestConsole;
  let token: string;
  const startedAt = Date.now();
  const queries: string[] = [];

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    await seedDemoData(c.running.app.get(IngestionService), PEOPLE);
    const data = generateDemoData(PEOPLE);
    const leads = demoRecords<IngestLeadDto>(data, 'leads');
    // Every source's people: the leads' e-mails and phones (their chats hold the same), the
    // calendar users', the events' attendees, the consents' ids, a name, an access log's address.
    const step = Math.max(1, Math.floor(leads.length / SAMPLE));
    for (let i = 0; i < leads.length && queries.length < SAMPLE * 2; i += step) {
      const lead = leads[i];
      queries.push(lead.email);
      if (lead.phone) queries.push(lead.phone);
    }
    queries.push(`${leads[1].firstName} ${leads[1].lastName}`);
    for (const connection of demoRecords<IngestCalendarConnectionDto>(data, 'calendar-connections').slice(0, 3))
      queries.push(connection.accountEmail);
    for (const event of demoRecords<IngestCalendarEventDto>(data, 'calendar-events').slice(0, 3))
      for (const attendee of (event.attendees ?? []).slice(0, 2)) if (attendee.email) queries.push(attendee.email);
    for (const consent of demoRecords<IngestConsentDto>(data, 'consents').slice(0, 3)) queries.push(consent.consentId);
    queries.push(demoRecords<IngestAccessLogDto>(data, 'access-logs')[0].ip);
  });
  afterAll(() => c?.close());

  it('gives every sampled person the answer recorded before, and finds someone for most', async () => {
    const answers: Record<string, unknown> = {};
    for (const q of queries) {
      const res = await c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token });
      expect(res.status, q).toBe(200);
      answers[q] = comparable(res.body, startedAt);
    }
    if (process.env.SEARCH_ANSWERS_WRITE === '1' && process.env.TEST_DATABASE === 'server') {
      writeFileSync(RECORDED, `${JSON.stringify(answers, null, 1)}\n`);
      return;
    }
    expect(existsSync(RECORDED)).toBe(true);
    const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(answers).sort()).toEqual(Object.keys(recorded).sort());
    for (const q of queries) expect(answers[q], `the answer for ${q}`).toEqual(recorded[q]);
    const found = Object.values(recorded).filter((a) => (a as { total: number }).total > 0).length;
    expect(found).toBeGreaterThan(queries.length * 0.8);
  });

  it("decides whose a chat is from all its messages: a visitor's phone in one, an address in another", async () => {
    const key = await createApiKey(c, token, 'Chat widget');
    await ingestAccepted(c, key, 'chat-conversations', {
      externalId: 'chat-two-identifiers',
      provider: 'openai',
      startedAt: '2026-11-12T09:00:00Z',
      messages: [
        { role: 'user', content: 'Il mio cellulare è 333 9090901', sentAt: '2026-11-12T09:00:05Z' },
        { role: 'assistant', content: 'Grazie, la richiameremo.', sentAt: '2026-11-12T09:00:07Z' },
        { role: 'user', content: 'La mia email è ornella.fabbri@example.it', sentAt: '2026-11-12T09:01:00Z' },
      ],
    });
    const relationsOf = async (q: string) => {
      const body = (await c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token })).body;
      return Object.fromEntries(
        body.sources.map((s: { source: string; records: Array<{ relation: string }> }) => [
          s.source,
          s.records.map((r) => r.relation),
        ]),
      );
    };
    const own = { 'chat-conversations': ['own'], 'chat-messages': ['own'] };
    expect(await relationsOf('333 9090901')).toEqual(own);
    expect(await relationsOf('ornella.fabbri@example.it')).toEqual(own);
    // Someone else with a phone one digit away is not in it.
    expect(await relationsOf('333 9090902')).toEqual({});
  });
});
