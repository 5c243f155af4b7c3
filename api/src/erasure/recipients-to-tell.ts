import { DataSource, In } from 'typeorm';
import { NotFoundError } from '../common/errors/domain.error';
import { ProcessingActivity } from '../registers/activities/activity.entity';
import { romeDate } from '../requests/deadlines';
import { DataSubjectRequest } from '../requests/request.entity';
import { sourceSystemOf } from '../sources/source-registry';
import { categoriesIn, categoryGlossary } from '../registers/twins';
import { categoriesReceived, receivedEmail, recipientNotice, type NotifiedChange } from './recipients';

export interface Recipient {
  processorId: string;
  name: string;
  service: string;
  country: string;
  transferMechanism: string;
  contact: string | null;
  activities: string[];
  /** What it received, in the request's language. */
  categories: string[];
  change: NotifiedChange;
  notice: string;
}

/**
 * Art. 19: the processors of the activities whose data this request erased, rectified or
 * restricted, each with a notice ready to send in the request's language. Only the recipients
 * that received this person's records are listed (a chat's own AI provider), each told only the
 * categories it received (the activity's `recipientCategories`), and the person's e-mail is named
 * only to a recipient that received it.
 */
export async function recipientsToTell(
  dataSource: DataSource,
  requestId: string,
): Promise<{ reference: string; sources: string[]; recipients: Recipient[] }> {
  const request = await dataSource.getRepository(DataSubjectRequest).findOne({ where: { id: requestId } });
  if (!request) throw new NotFoundError('Request', requestId);
  const events: Array<{
    kind: string;
    details: { recordsAffected?: number; source?: string; sources?: string[]; notReceivedBy?: string[] };
    at: Date;
  }> = await dataSource.query(
    `SELECT kind, details, at FROM request_events WHERE request_id = $1 AND kind IN ('erasure_source_done', 'rectified', 'restricted') ORDER BY at`,
    [request.id],
  );
  const changed = new Map<string, { change: NotifiedChange; at: Date }>();
  // Per source system, the recipients that received some of the changed records: a processor
  // is told when one change of that system does not list it as never having received them.
  const received = new Map<string, (name: string) => boolean>();
  for (const e of events) {
    const change: NotifiedChange =
      e.kind === 'rectified' ? 'rectification' : e.kind === 'restricted' ? 'restriction' : 'erasure';
    const sources: string[] =
      e.kind === 'erasure_source_done'
        ? (e.details.recordsAffected ?? 0) > 0
          ? [e.details.source!]
          : []
        : (e.details.sources ?? []);
    const notReceivedBy = e.details.notReceivedBy ?? [];
    for (const s of sources) {
      const system = sourceSystemOf(s);
      changed.set(system, { change, at: new Date(e.at) });
      const before = received.get(system);
      received.set(system, (name) => !notReceivedBy.includes(name) || (before?.(name) ?? false));
    }
  }
  if (!changed.size) return { reference: request.reference, sources: [], recipients: [] };
  const activities = await dataSource
    .getRepository(ProcessingActivity)
    .find({ where: { sourceSystem: In([...changed.keys()]) }, relations: ['processors'] });
  const byProcessor = new Map<string, Recipient>();
  // The categories as the register writes them (English), for the e-mail test and to merge.
  const inEnglish = new Map<string, string[]>();
  const glossaries = new Map<string, Map<string, string>>();
  for (const activity of activities) {
    const { change, at } = changed.get(activity.sourceSystem!)!;
    const receivedIt = received.get(activity.sourceSystem!)!;
    for (const p of activity.processors.filter((p) => p.status !== 'inactive' && receivedIt(p.name))) {
      const service = (request.language === 'it' ? p.serviceIt : p.serviceEn) || p.service;
      const entry = byProcessor.get(p.id) ?? {
        processorId: p.id,
        name: p.name,
        service,
        country: p.country,
        transferMechanism: p.transferMechanism,
        contact: p.contact,
        activities: [],
        categories: [],
        change,
        notice: '',
      };
      entry.activities.push((request.language === 'it' ? activity.nameIt : activity.nameEn) || activity.name);
      // What this processor received of the activity's data, not all of it, in the request's
      // language through the twins of the activity's and the processor's categories.
      const english = inEnglish.get(p.id) ?? [];
      const glossary = glossaries.get(p.id) ?? new Map<string, string>();
      for (const c of categoriesReceived(activity, p.id)) if (!english.includes(c)) english.push(c);
      for (const [en, it] of categoryGlossary(
        activity as unknown as Record<string, unknown>,
        p as unknown as Record<string, unknown>,
      ))
        if (!glossary.has(en)) glossary.set(en, it);
      inEnglish.set(p.id, english);
      glossaries.set(p.id, glossary);
      entry.categories = categoriesIn(english, request.language, glossary);
      entry.notice = recipientNotice(request.language, {
        processor: p.name,
        service,
        reference: request.reference,
        change: entry.change,
        categories: entry.categories,
        date: romeDate(at),
        subjectEmail: receivedEmail(english) ? request.subjectEmail : null,
      });
      byProcessor.set(p.id, entry);
    }
  }
  return {
    reference: request.reference,
    sources: [...changed.keys()],
    recipients: [...byProcessor.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
