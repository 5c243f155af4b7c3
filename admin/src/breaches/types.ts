import type { BreachView } from '../../../api/src/breaches/breach.presenter';

/** A breach as the API presents it: the presenter is the one source of its shape. */
export type Breach = BreachView;

export interface AffectedCount {
  people: number;
  byKind: Record<string, number>;
  records: number;
  recordsBySource: Record<string, number>;
  window: { from: string | null; until: string };
}

export interface AffectedPerson {
  kind: string;
  value: string;
  sources: string[];
  records: number;
  fields: string[];
  language: string | null;
  communicatedAt: string | null;
  channel: string | null;
}

export interface Communication {
  language: 'it' | 'en';
  subject: string;
  body: string;
  missing: string[];
}
