import type { DemoContext } from '../../seed/demo-kit';
import { LANDING } from '../../seed/demo-kit';
import type { IngestAccessLogDto } from './access-logs.ingestion';

const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
];

/** The website's access-log lines of a person's visits in the last month, by their IP. */
export function accessLogsDemo({ f, person, daysAgo }: DemoContext): IngestAccessLogDto[] {
  const records: IngestAccessLogDto[] = [];
  const agent = f.helpers.arrayElement(AGENTS);
  for (let v = f.number.int({ min: 2, max: 12 }); v > 0; v--) {
    records.push({
      ip: person.ip,
      userAgent: agent,
      path: f.helpers.arrayElement([...LANDING, '/privacy-policy', '/cookie-policy', '/api/chat']),
      method: 'GET',
      status: f.helpers.weightedArrayElement([
        { weight: 20, value: 200 },
        { weight: 2, value: 304 },
        { weight: 1, value: 404 },
      ]),
      at: daysAgo(29).toISOString(),
    });
  }
  return records;
}
