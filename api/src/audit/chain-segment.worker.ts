import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { checkSegment, VERIFY_READ, type StoredEvent } from './chain-segment';

// A stretch of the audit chain recomputed in a thread of its own, with its own connection
// (`AuditService.verify` on a PostgreSQL server): the console's thread stays free, and two
// stretches use both cores. Posts `{ result }` (the `SegmentCheck`) or `{ error }`.

/** The events after `after` up to `upTo`, on the server at `url`; the anchor's event, if any. */
interface Stretch {
  url: string;
  after: string;
  upTo: string;
  anchorId: string | null;
}

async function main(input: Stretch) {
  const db = new Client({ connectionString: input.url });
  await db.connect();
  try {
    const read = async (after: string, upTo: string, limit: number) =>
      (await db.query<StoredEvent>({ ...VERIFY_READ, values: [after, upTo, limit] })).rows;
    return await checkSegment(read, input.after, input.upTo, input.anchorId);
  } finally {
    await db.end();
  }
}

main(workerData as Stretch).then(
  (result) => parentPort!.postMessage({ result }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
);
