import { breachClock, type HoursMinutes } from './breach-clock';
import { standingDecision } from './breach-rules';
import type { Breach } from './breach.entity';

/** Names of the processors of the register, by id (for the breach's processors). */
export type ProcessorNames = ReadonlyMap<string, string>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const hm = (s: HoursMinutes | null) =>
  s ? { hours: s.hours, minutes: s.minutes, totalMinutes: s.totalMinutes } : null;

/** What the API answers for a breach, with its 72-hour clock at `now`. */
export function presentBreach(b: Breach, names: ProcessorNames, now = new Date()) {
  const initial = b.notifications.find((n) => n.kind === 'initial') ?? null;
  const authorityDecision = standingDecision(b.decisions, 'authority');
  const clock = breachClock(
    b.awareAt,
    now,
    initial ? new Date(initial.at) : null,
    authorityDecision?.kind === 'not_notify_authority',
  );
  return {
    id: b.id,
    title: b.title,
    description: b.description,
    startedAt: b.startedAt.toISOString(),
    endedAt: iso(b.endedAt),
    ongoing: b.ongoing,
    awareAt: b.awareAt.toISOString(),
    nature: b.nature,
    sources: b.sources,
    processors: b.processors.map((p) => ({ ...p, name: names.get(p.processorId) ?? null })),
    dataCategories: b.dataCategories,
    subjectsApprox: b.subjectsApprox,
    recordsApprox: b.recordsApprox,
    consequences: b.consequences,
    measuresTaken: b.measuresTaken,
    measuresProposed: b.measuresProposed,
    riskLevel: b.riskLevel,
    riskReasoning: b.riskReasoning,
    contactName: b.contactName,
    contactDetails: b.contactDetails,
    dataFrom: iso(b.dataFrom),
    dataUntil: iso(b.dataUntil),
    noticeNatureIt: b.noticeNatureIt,
    noticeNatureEn: b.noticeNatureEn,
    noticeConsequencesIt: b.noticeConsequencesIt,
    noticeConsequencesEn: b.noticeConsequencesEn,
    noticeMeasuresIt: b.noticeMeasuresIt,
    noticeMeasuresEn: b.noticeMeasuresEn,
    status: b.status,
    /** The 72 hours of Art. 33(1): state, deadline (instant), elapsed and remaining time. */
    clock: {
      state: clock.state,
      deadline: clock.deadline.toISOString(),
      elapsed: hm(clock.elapsed),
      remaining: hm(clock.remaining),
    },
    notifiedAt: initial?.at ?? null,
    notifications: b.notifications,
    decisions: b.decisions,
    authorityDecision,
    subjectsDecision: standingDecision(b.decisions, 'subjects'),
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export type PresentedBreach = ReturnType<typeof presentBreach>;
/** A breach as the API answers it (the console's type for it). */
export type BreachView = PresentedBreach;
