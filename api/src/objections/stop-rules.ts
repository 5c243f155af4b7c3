import type { LegalBasis } from '../registers/activities/activity.entity';

/**
 * Why processing stops for a person: an objection to legitimate-interest processing (Art. 21(1)),
 * an objection to direct marketing (Art. 21(2)-(3), absolute), a withdrawal of consent (Art. 7(3)).
 */
export const STOP_REASONS = ['objection', 'direct_marketing', 'withdrawal'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** The officer's assessment of an Art. 21(1) objection: compelling legitimate grounds, or none. */
export const ASSESSMENTS = ['none', 'compelling_grounds'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** The shortest text the compelling grounds may be: the controller must demonstrate them. */
export const MIN_GROUNDS_LENGTH = 20;

export interface ObjectionInput {
  activityIds?: string[];
  directMarketing?: boolean;
  assessment?: string;
  grounds?: string;
}

interface RegisterActivity {
  id: string;
  name: string;
  legalBasis: LegalBasis;
}

/**
 * What is wrong with an objection decision, per field (empty when it can be recorded). Art.
 * 21(1) covers processing on legitimate interests (Art. 6(1)(f); public task, (e), is not a basis
 * this company uses): a consent-based activity is stopped by a withdrawal (Art. 7(3)), not here.
 * A direct-marketing objection needs no assessment and admits none (Art. 21(3)).
 */
export function objectionProblems(input: ObjectionInput, register: RegisterActivity[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const ids = input.activityIds ?? [];
  for (const [i, id] of ids.entries()) {
    const activity = register.find((a) => a.id === id);
    if (!activity) problems[`activityIds[${i}]`] = `no processing activity of the register has the id ${id}`;
    else if (activity.legalBasis === 'consent')
      problems[`activityIds[${i}]`] =
        `"${activity.name}" is based on consent: that is a withdrawal of consent (Art. 7(3)), not an objection`;
    else if (activity.legalBasis !== 'legitimate_interests')
      problems[`activityIds[${i}]`] =
        `"${activity.name}" is based on ${activity.legalBasis.replace('_', ' ')}: Art. 21(1) covers legitimate interests only`;
  }
  if (input.directMarketing) {
    if (input.assessment === 'compelling_grounds')
      problems.assessment =
        'a direct-marketing objection cannot be outweighed: processing for direct marketing stops (Art. 21(3))';
    return problems;
  }
  if (!ids.length) problems.activityIds = 'name the activities of the register the person objects to';
  if (!input.assessment) problems.assessment = 'say whether there are compelling legitimate grounds (Art. 21(1))';
  else if (!(ASSESSMENTS as readonly string[]).includes(input.assessment))
    problems.assessment = `must be one of ${ASSESSMENTS.join(', ')}`;
  else if (input.assessment === 'compelling_grounds' && (input.grounds ?? '').trim().length < MIN_GROUNDS_LENGTH)
    problems.grounds = `state the compelling legitimate grounds, in at least ${MIN_GROUNDS_LENGTH} characters (Art. 21(1))`;
  return problems;
}

/** Whether the objection stops processing: it does unless compelling grounds override it. */
export function objectionStops(input: ObjectionInput): boolean {
  return !!input.directMarketing || input.assessment === 'none';
}

/**
 * The Art. 21(1) statement for an objection refused on compelling grounds, in the request's
 * language: the grounds, and the person's remaining remedies (Art. 12(4)).
 */
export function art21Statement(grounds: string, language: string): string {
  if (language === 'it')
    return (
      `Abbiamo valutato la sua opposizione ai sensi dell'art. 21, par. 1, del Regolamento (UE) 2016/679. ` +
      `Il trattamento prosegue perché sussistono motivi legittimi cogenti che prevalgono sui suoi interessi, diritti e libertà: ${grounds.trim()} ` +
      `Può proporre reclamo al Garante per la protezione dei dati personali o ricorso giurisdizionale (art. 12, par. 4).`
    );
  return (
    `We have assessed your objection under Article 21(1) of Regulation (EU) 2016/679. ` +
    `Processing continues because there are compelling legitimate grounds which override your interests, rights and freedoms: ${grounds.trim()} ` +
    `You may lodge a complaint with the Italian Data Protection Authority (Garante) or seek a judicial remedy (Art. 12(4)).`
  );
}

/**
 * What ingestion does with a record of a person whose processing is stopped:
 * - an objection to direct marketing for a named activity (a newsletter, a mailing list): the
 *   record is refused, since the data "shall no longer be processed for such purposes" (Art. 21(3));
 * - anything else (an Art. 21(1) objection, a direct-marketing objection in general, a withdrawal
 *   of consent): the record is the person's own new step (a contact-form lead is the person asking
 *   again; a chat needs the "AI Chatbot" banner category accepted again, privacy policy section 2),
 *   so it is stored, and flagged, so the stopped purpose does not use it and the officer sees it.
 */
export function ingestionEffect(stop: { reason: StopReason; activityId: string | null }): 'refuse' | 'flag' {
  return stop.reason === 'direct_marketing' && stop.activityId ? 'refuse' : 'flag';
}

/** Whether a stop applies to a record of a source whose register system is `system`. */
export function stopApplies(stop: { sourceSystem: string | null; reason: StopReason }, system: string): boolean {
  if (stop.sourceSystem) return stop.sourceSystem === system;
  // A direct-marketing objection to all marketing marks every new record of the person.
  return stop.reason === 'direct_marketing';
}

/**
 * The consent categories a record of the consent banner grants: a fresh grant by the person
 * lifts their withdrawal for those categories (Art. 7(3) does not forbid consenting again).
 */
export function grantedCategories(record: { action?: unknown; categories?: unknown }): string[] {
  if (record.action !== 'grant' || !record.categories || typeof record.categories !== 'object') return [];
  return Object.entries(record.categories as Record<string, unknown>)
    .filter(([category, given]) => given === true && category !== 'necessary')
    .map(([category]) => category);
}
