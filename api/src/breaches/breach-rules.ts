import { isLate } from './breach-clock';
import type { BreachDecision, BreachNotification, DecisionKind, NotificationKind, RiskLevel } from './breach.entity';

/**
 * The rules of the breach register that are not about HTTP or SQL: which dates may stand
 * together, when a notification needs the reasons for its delay (Art. 33(1)), when the decision
 * not to notify may be taken (Art. 33(1): "unlikely to result in a risk"), and the standing
 * decision of each kind. Each problem names the field it is about, as the API answers it.
 */

export type FieldProblems = Record<string, string>;

export interface BreachDates {
  startedAt: Date;
  endedAt: Date | null;
  ongoing: boolean;
  awareAt: Date;
  dataFrom: Date | null;
  dataUntil: Date | null;
}

/** Problems with the dates of a breach (empty when they hold together). */
export function dateProblems(b: BreachDates, now: Date): FieldProblems {
  const problems: FieldProblems = {};
  if (b.ongoing && b.endedAt) problems.endedAt = 'must be empty while the breach is ongoing';
  if (b.endedAt && b.endedAt < b.startedAt) problems.endedAt = 'must not be before startedAt';
  if (b.awareAt < b.startedAt)
    problems.awareAt = 'must not be before startedAt (the company cannot learn of a breach before it begins)';
  if (b.awareAt.getTime() > now.getTime() + 5 * 60_000) problems.awareAt = 'must not be in the future';
  if (b.startedAt.getTime() > now.getTime() + 5 * 60_000) problems.startedAt = 'must not be in the future';
  if (b.dataFrom && b.dataUntil && b.dataUntil < b.dataFrom) problems.dataUntil = 'must not be before dataFrom';
  return problems;
}

export interface NewNotification {
  kind: NotificationKind;
  at: Date;
  delayReasons: string | null;
}

/**
 * Problems with recording a notification to the Garante: `field` (400) or `state` (409).
 * An initial notification comes first and once; one made after the 72 hours gives the reasons
 * for the delay (Art. 33(1)); supplementary ones follow it (Art. 33(4)).
 */
export function notificationProblems(
  awareAt: Date,
  existing: ReadonlyArray<Pick<BreachNotification, 'kind' | 'at'>>,
  n: NewNotification,
  now: Date,
): { field?: FieldProblems; state?: string } {
  if (n.at < awareAt) return { field: { at: 'must not be before the company became aware of the breach (awareAt)' } };
  if (n.at.getTime() > now.getTime() + 5 * 60_000) return { field: { at: 'must not be in the future' } };
  const initial = existing.find((e) => e.kind === 'initial');
  if (n.kind === 'initial' && initial)
    return {
      state:
        'The initial notification is already recorded: record further information as a supplementary notification (Art. 33(4))',
    };
  if (n.kind === 'supplementary' && !initial)
    return { state: 'Record the initial notification first: a supplementary notification completes it (Art. 33(4))' };
  if (n.kind === 'supplementary' && initial && n.at < new Date(initial.at))
    return { field: { at: 'must not be before the initial notification' } };
  if (n.kind === 'initial' && isLate(awareAt, n.at) && !n.delayReasons?.trim()) {
    return {
      field: {
        delayReasons:
          'is required: the notification is made more than 72 hours after awareness, so it must give the reasons for the delay (Art. 33(1))',
      },
    };
  }
  return {};
}

export interface NewDecision {
  kind: DecisionKind;
  reason: string | null;
}

/**
 * Problems with recording a decision. Not notifying the Garante needs a reason and a risk
 * assessed as unlikely (`riskLevel` none); not telling the people needs a reason (Art. 34(1):
 * no high risk, or one of the conditions of Art. 34(3)).
 */
export function decisionProblems(
  riskLevel: RiskLevel | null,
  d: NewDecision,
): { field?: FieldProblems; state?: string } {
  const negative = d.kind === 'not_notify_authority' || d.kind === 'not_communicate_subjects';
  if (negative && !d.reason?.trim()) {
    return {
      field: {
        reason:
          d.kind === 'not_notify_authority'
            ? 'is required: say why the breach is unlikely to result in a risk (Art. 33(1), 33(5))'
            : 'is required: say why the people are not told (Art. 34(1), 34(3))',
      },
    };
  }
  if (d.kind === 'not_notify_authority' && riskLevel !== 'none') {
    return {
      state:
        riskLevel === null
          ? 'Assess the risk first (riskLevel): the Garante need not be notified only when the breach is unlikely to result in a risk'
          : `The risk is assessed as ${riskLevel === 'high' ? 'high' : 'a risk'}: the Garante must be notified (Art. 33(1)); change the assessment first if it was wrong`,
    };
  }
  return {};
}

/** The standing decision of a pair (notify or not; tell the people or not): the latest recorded. */
export function standingDecision(
  decisions: readonly BreachDecision[],
  about: 'authority' | 'subjects',
): BreachDecision | null {
  const kinds: DecisionKind[] =
    about === 'authority'
      ? ['notify_authority', 'not_notify_authority']
      : ['communicate_subjects', 'not_communicate_subjects'];
  let latest: BreachDecision | null = null;
  for (const d of decisions) if (kinds.includes(d.kind) && (!latest || d.decidedAt >= latest.decidedAt)) latest = d;
  return latest;
}

/** The end of the window of records concerned: `dataUntil`, else the breach's end, else now (ongoing). */
export function dataWindow(
  b: Pick<BreachDates, 'dataFrom' | 'dataUntil' | 'endedAt'>,
  now: Date,
): { from: Date | null; until: Date } {
  return { from: b.dataFrom, until: b.dataUntil ?? b.endedAt ?? now };
}
