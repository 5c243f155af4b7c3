import { API_URL, httpClient } from '../dataProvider';
import type { AffectedCount, AffectedPerson, Breach, Communication } from '../api';

/**
 * The breach endpoints that are not plain REST. Each rejects with react-admin's HttpError, whose
 * message is the API's readable `message` (a 409 says why) and whose body holds the `errors` of a 400.
 */
const base = (id: string) => `${API_URL}/breaches/${encodeURIComponent(id)}`;
const post = async <T>(url: string, body: unknown) =>
  (await httpClient(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const breachesApi = {
  notify: (
    id: string,
    body: { kind: string; at: string; protocolNumber: string; delayReasons?: string | null; notes?: string | null },
  ) => post<Breach>(`${base(id)}/notifications`, body),
  decide: (id: string, body: { kind: string; reason?: string | null; decidedBy: string }) =>
    post<Breach>(`${base(id)}/decisions`, body),
  affectedCount: async (id: string) => (await httpClient(`${base(id)}/affected/count`)).json as AffectedCount,
  /** An audited read: the API records who listed the people of this breach. */
  affected: async (id: string, page: number, perPage: number) => {
    const start = (page - 1) * perPage;
    const response = await httpClient(
      `${base(id)}/affected?range=${encodeURIComponent(JSON.stringify([start, start + perPage - 1]))}`,
    );
    const total = Number((response.headers.get('content-range') ?? '').split('/').pop() ?? 0);
    return { people: response.json as AffectedPerson[], total };
  },
  communication: async (id: string, lang: 'it' | 'en') =>
    (await httpClient(`${base(id)}/communication?lang=${lang}`)).json as Communication,
  recipientsCsvUrl: (id: string) => `${base(id)}/communication/recipients.csv`,
  communicated: (id: string, body: { kind: string; value: string; channel: string; sentAt: string }) =>
    post<unknown>(`${base(id)}/communications`, body),
  registerUrl: (lang: 'it' | 'en') => `${API_URL}/breaches/register.html?lang=${lang}`,
};
