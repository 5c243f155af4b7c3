/*
 * The rules of a legal hold (Art. 17(3) GDPR), as plain functions: which grounds the law allows,
 * what a hold must say, whether it is in force, and how the person reads it.
 */

/**
 * Art. 17(3): erasure does not apply to the extent processing is necessary
 * (a) for freedom of expression and information, (b) for a legal obligation,
 * (d) for archiving in the public interest, research or statistics, (e) for the establishment,
 * exercise or defence of legal claims. (c), public health, is not the company's.
 */
export const HOLD_GROUNDS = ['legal_obligation', 'legal_claims', 'archiving', 'freedom_of_expression'] as const;
export type HoldGround = (typeof HOLD_GROUNDS)[number];

export const GROUND_ARTICLE: Record<HoldGround, string> = {
  freedom_of_expression: 'Art. 17(3)(a)',
  legal_obligation: 'Art. 17(3)(b)',
  archiving: 'Art. 17(3)(d)',
  legal_claims: 'Art. 17(3)(e)',
};

export interface HoldInput {
  ground?: unknown;
  legalReference?: string | null;
  reason?: string | null;
  endsAt?: string | null;
  reviewAt?: string | null;
}

const instant = (value: string | null | undefined): Date | null => {
  if (value == null || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? new Date(NaN) : d;
};

/** What is wrong with a hold the officer places, field → problem; empty when it may be placed. */
export function holdProblems(input: HoldInput, now: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!HOLD_GROUNDS.includes(input.ground as HoldGround))
    problems.ground = `must be one of ${HOLD_GROUNDS.join(', ')} (Art. 17(3))`;
  if (input.ground === 'legal_obligation' && !input.legalReference?.trim())
    problems.legalReference = 'a legal obligation names the law that imposes it, e.g. "art. 2220 c.c."';
  if (!input.reason || input.reason.trim().length < 10) problems.reason = 'must say why, in at least 10 characters';
  const endsAt = instant(input.endsAt);
  const reviewAt = instant(input.reviewAt);
  if (!endsAt && !reviewAt) problems.endsAt = 'give an end date, or a review date when the end is not known';
  for (const [field, date] of [
    ['endsAt', endsAt],
    ['reviewAt', reviewAt],
  ] as const) {
    if (!date) continue;
    if (Number.isNaN(date.getTime())) problems[field] = 'must be a date (ISO 8601)';
    else if (date <= now) problems[field] = 'must be in the future';
  }
  return problems;
}

export interface HoldDates {
  endsAt: Date | null;
  reviewAt: Date | null;
  liftedAt: Date | null;
}

/**
 * in_force: its records are kept; review_due: still in force (only lifting ends a hold without an
 * end date) but its review date has passed; ended: its end date passed; lifted: the officer lifted it.
 * The SQL twin is HOLD_IN_FORCE (held-sql.ts).
 */
export type HoldState = 'in_force' | 'review_due' | 'ended' | 'lifted';

export function holdState(hold: HoldDates, now: Date): HoldState {
  if (hold.liftedAt) return 'lifted';
  if (hold.endsAt && hold.endsAt <= now) return 'ended';
  if (hold.reviewAt && hold.reviewAt <= now) return 'review_due';
  return 'in_force';
}

export const inForce = (hold: HoldDates, now: Date) => ['in_force', 'review_due'].includes(holdState(hold, now));

type Language = 'it' | 'en';

/** The ground as the person reads it, with its article. */
export const GROUND_TEXT: Record<Language, Record<HoldGround, string>> = {
  it: {
    legal_obligation: 'per adempiere un obbligo di legge (art. 17, par. 3, lett. b), GDPR)',
    legal_claims:
      "per l'accertamento, l'esercizio o la difesa di un diritto in sede giudiziaria (art. 17, par. 3, lett. e), GDPR)",
    archiving: 'a fini di archiviazione nel pubblico interesse (art. 17, par. 3, lett. d), GDPR)',
    freedom_of_expression:
      "per l'esercizio del diritto alla libertà di espressione e di informazione (art. 17, par. 3, lett. a), GDPR)",
  },
  en: {
    legal_obligation: 'to comply with a legal obligation (GDPR Art. 17(3)(b))',
    legal_claims: 'for the establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e))',
    archiving: 'for archiving purposes in the public interest (GDPR Art. 17(3)(d))',
    freedom_of_expression: 'for exercising the right of freedom of expression and information (GDPR Art. 17(3)(a))',
  },
};

/** One hold as a letter or a package states it. */
export interface KeptPart {
  /** What is kept, in the person's language (a source's label). */
  what: string;
  records: number;
  ground: HoldGround;
  legalReference: string | null;
  /** YYYY-MM-DD: the end date, or the review date when the end is not known. */
  until: string;
  untilIsReview: boolean;
}

const WORDS: Record<Language, { none: string; intro: string; until: string; review: string; ref: string }> = {
  it: {
    none: 'Conserviamo soltanto la documentazione di questa richiesta, come prova di averle dato seguito.',
    intro: 'Non abbiamo cancellato, e conserviamo senza usarli per altri fini, i seguenti dati:',
    until: 'fino al',
    review: 'con verifica entro il',
    ref: 'rif.',
  },
  en: {
    none: 'We keep only the record of this request, as proof that we acted on it.',
    intro: 'We have not erased, and keep without using them for any other purpose, the following data:',
    until: 'until',
    review: 'to be reviewed by',
    ref: 'ref.',
  },
};

/**
 * What an erasure keeps, as the closing letter says it: what, why (the ground with its article and,
 * for a legal obligation, the law) and until when. `day` writes a YYYY-MM-DD as the reader does.
 */
export function keptStatement(parts: KeptPart[], language: Language, day: (date: string) => string): string {
  const w = WORDS[language];
  if (!parts.length) return w.none;
  const lines = keptLines(parts, language, day).map((line) => `- ${line}`);
  return `${w.intro}\n${lines.join('\n')}\n${w.none}`;
}

/** Each hold in one sentence without its bullet: what (how many), why, until when (the letter, the package). */
export function keptLines(parts: KeptPart[], language: Language, day: (date: string) => string): string[] {
  const w = WORDS[language];
  return parts.map((p) => {
    const ref = p.ground === 'legal_obligation' && p.legalReference ? ` (${w.ref} ${p.legalReference})` : '';
    const when = `${p.untilIsReview ? w.review : w.until} ${day(p.until)}`;
    return `${p.what} (${p.records}): ${GROUND_TEXT[language][p.ground]}${ref}, ${when}.`;
  });
}
