/** A breach as `GET /api/breaches/:id` answers it (api/src/breaches/breach.presenter.ts). */
export type ClockState = 'running' | 'overdue' | 'notified_in_time' | 'notified_late' | 'not_required';
export type RiskLevel = 'none' | 'risk' | 'high';

export interface HoursMinutes {
  hours: number;
  minutes: number;
  totalMinutes: number;
}

export interface BreachNotification {
  id: string;
  kind: 'initial' | 'supplementary';
  at: string;
  protocolNumber: string;
  delayReasons: string | null;
  notes: string | null;
  recordedBy: string;
}

export interface BreachDecision {
  id: string;
  kind: 'notify_authority' | 'not_notify_authority' | 'communicate_subjects' | 'not_communicate_subjects';
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
  recordedBy: string;
}

export interface Breach {
  id: string;
  title: string;
  description: string;
  startedAt: string;
  endedAt: string | null;
  ongoing: boolean;
  awareAt: string;
  nature: string[];
  sources: string[];
  processors: Array<{ processorId: string; name: string | null; noticeAt: string | null; notes: string | null }>;
  dataCategories: string[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  consequences: string | null;
  measuresTaken: string | null;
  measuresProposed: string | null;
  riskLevel: RiskLevel | null;
  riskReasoning: string | null;
  contactName: string;
  contactDetails: string;
  dataFrom: string | null;
  dataUntil: string | null;
  noticeNatureIt: string | null;
  noticeNatureEn: string | null;
  noticeConsequencesIt: string | null;
  noticeConsequencesEn: string | null;
  noticeMeasuresIt: string | null;
  noticeMeasuresEn: string | null;
  status: 'open' | 'closed';
  clock: { state: ClockState; deadline: string; elapsed: HoursMinutes; remaining: HoursMinutes | null };
  notifiedAt: string | null;
  notifications: BreachNotification[];
  decisions: BreachDecision[];
  authorityDecision: BreachDecision | null;
  subjectsDecision: BreachDecision | null;
}

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
