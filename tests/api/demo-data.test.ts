import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestionService } from '../../api/src/ingestion/ingestion.service';
import { demoRecords, generateDemoData } from '../../api/src/seed/demo-data';
import type {
  IngestCalendarConnectionDto,
  IngestCalendarEventDto,
} from '../../api/src/sources/calendar/calendar.ingestion';
import { seedDemoData } from '../../api/src/seed/demo-seeder';
import { startTestConsole, type TestConsole } from '../support/test-console';

describe('generated demo data through ingestion, and the search on it', () => {
  let c: TestConsole;
  let token: string;
  const PEOPLE = 150;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    const created = await seedDemoData(c.running.app.get(IngestionService), PEOPLE);
    expect(created.leads).toBeGreaterThan(100);
  });
  afterAll(() => c?.close());

  it('finds a calendar user everywhere they are, without the colleagues invited to every appointment', async () => {
    const data = generateDemoData(PEOPLE);
    const connection = demoRecords<IngestCalendarConnectionDto>(data, 'calendar-connections')[0];
    const res = await c.api(`/api/subjects/search?q=${encodeURIComponent(connection.accountEmail)}`, { token });
    expect(res.status).toBe(200);
    const bySource = Object.fromEntries(
      res.body.sources.map((s: { source: string; total: number }) => [s.source, s.total]),
    );
    expect(bySource['calendar-connections']).toBe(1);
    const ownEvents = demoRecords<IngestCalendarEventDto>(data, 'calendar-events').filter(
      (e) => e.connectionExternalId === connection.externalId,
    ).length;
    // The staff member's address is on every appointment: it must not pull in other people's.
    expect(bySource['calendar-events']).toBe(ownEvents);
    expect(res.body.identifiers.map((i: { value: string }) => i.value)).not.toContain('laura.vianello@vimage.it');
  });
});
