import { IngestionService, MAX_BATCH, type IngestSource } from '../ingestion/ingestion.service';
import { generateDemoData } from './demo-data';

const SENDER = { name: 'demo data', apiKeyPrefix: null };

/**
 * Loads generated demo data through the ingestion service, exactly as the website's data
 * arrives: validated, indexed and audited, in batches.
 */
export async function seedDemoData(
  ingestion: IngestionService,
  people: number,
  seed?: number,
): Promise<Record<string, number>> {
  const data = generateDemoData(people, seed);
  const plan: Array<[IngestSource, object[]]> = [
    ['leads', data.leads],
    ['chat-conversations', data.conversations],
    ['calendar-connections', data.connections],
    ['calendar-events', data.events],
    ['consents', data.consents],
    ['access-logs', data.accessLogs],
  ];
  const created: Record<string, number> = {};
  for (const [source, records] of plan) {
    created[source] = 0;
    for (let i = 0; i < records.length; i += MAX_BATCH) {
      const result = await ingestion.ingest(source, records.slice(i, i + MAX_BATCH), SENDER);
      created[source] += result.created;
    }
  }
  return created;
}
