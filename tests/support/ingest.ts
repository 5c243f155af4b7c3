import { expect } from 'vitest';
import type { ApiResponse, TestConsole } from './test-console';

/** A new key for the ingestion API, made by the admin signed in as `token`; the answer shows it once. */
export async function createApiKey(c: TestConsole, token: string, name = 'Website'): Promise<string> {
  return (await c.api('/api/api-keys', { token, body: { name } })).body.key as string;
}

/** Posts a batch (or one record) to /api/ingest/<source> with an API key, as a source system does. */
export function postBatch(c: TestConsole, key: string, source: string, body: unknown): Promise<ApiResponse> {
  return c.api(`/api/ingest/${source}`, { body, headers: { 'x-api-key': key } });
}

/** Posts a batch that must be accepted (setting up a test, not testing the ingestion); its answer. */
export async function ingestAccepted(c: TestConsole, key: string, source: string, body: unknown): Promise<unknown> {
  const res = await postBatch(c, key, source, body);
  expect(res.status, `${source}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}
