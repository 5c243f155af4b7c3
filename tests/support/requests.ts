import { expect } from 'vitest';
import { readZip } from './zip';
import type { TestConsole } from './test-console';

/** The person a request is about, as they named themselves. */
export interface RequestSubject {
  name?: string;
  email?: string;
  phone?: string;
}

export interface RecordedRequest {
  id: string;
  reference: string;
  version: number;
}

export interface RequestDetails {
  language?: string;
  /** When the person's request arrived (ISO); now unless told. */
  receivedAt?: string;
  /** The identity checked at once, as from an address known to be theirs. */
  verified?: boolean;
}

/**
 * The officer records a request a person sent by e-mail (`type`: access, erasure, objection...),
 * in English unless told, received now unless told; with `verified`, the person's identity
 * checked at once. Expects the console to take it.
 */
export async function recordRequest(
  c: TestConsole,
  token: string,
  type: string,
  subject: RequestSubject,
  { language = 'en', receivedAt = new Date().toISOString(), verified = false }: RequestDetails = {},
): Promise<RecordedRequest> {
  const res = await c.api('/api/requests', {
    token,
    body: {
      type,
      channel: 'email',
      language,
      receivedAt,
      subjectName: subject.name,
      subjectEmail: subject.email,
      subjectPhone: subject.phone,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (verified) await verifyIdentity(c, token, res.body.id);
  return res.body as RecordedRequest;
}

/** The officer records that the request came from an address known to be the person's: their identity is verified. */
export async function verifyIdentity(c: TestConsole, token: string, requestId: string): Promise<void> {
  const res = await c.api(`/api/requests/${requestId}/verify`, { token, body: { method: 'email_from_known_address' } });
  expect(res.status).toBe(200);
}

/**
 * The request's package (`kind`: access or portability) as the officer downloads it, opened:
 * its files by name, and all their text together (to look for what must or must not be in it).
 */
export async function openPackage(
  c: TestConsole,
  token: string,
  requestId: string,
  kind = 'access',
): Promise<{ files: Map<string, Buffer>; all: string }> {
  const res = await fetch(`${c.url}/api/requests/${requestId}/export.zip?kind=${kind}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const files = await readZip(Buffer.from(await res.arrayBuffer()));
  return { files, all: [...files.values()].map((b) => b.toString('utf8')).join('\n') };
}
