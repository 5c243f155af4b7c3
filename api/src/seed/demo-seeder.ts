import { IngestionService, MAX_BATCH } from '../ingestion/ingestion.service';
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
  const created: Record<string, number> = {};
  // In the order of the sources: an event's calendar connection is stored before it.
  for (const [source, records] of Object.entries(data)) {
    created[source] = 0;
    for (let i = 0; i < records.length; i += MAX_BATCH) {
      const result = await ingestion.ingest(source, records.slice(i, i + MAX_BATCH), SENDER);
      created[source] += result.created;
    }
  }
  return created;
}
