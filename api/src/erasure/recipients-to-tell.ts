import { DataSource, In } from 'typeorm';
import { NotFoundError } from '../common/errors/domain.error';
import { ProcessingActivity } from '../registers/activities/activity.entity';
import { romeDate } from '../requests/deadlines';
import { DataSubjectRequest } from '../requests/request.entity';
import { sourceSystemOf } from '../sources/source-registry';
import { recipientNotice, type NotifiedChange } from './recipients';

export interface Recipient {
  processorId: string;
  name: string;
  service: string;
  country: string;
  transferMechanism: string;
  contact: string | null;
  activities: string[];
  categories: string[];
  change: NotifiedChange;
  notice: string;
}

/**
 * Art. 19: the processors of the activities whose data this request erased, rectified or
 * restricted, each with a notice ready to send in the request's language.
 */
export async function recipientsToTell(
  dataSource: DataSource,
  requestId: string,
): Promise<{ reference: string; sources: string[]; recipients: Recipient[] }> {
  const request = await dataSource.getRepository(DataSubjectRequest).findOne({ where: { id: requestId } });
  if (!request) throw new NotFoundError('Request', requestId);
  const events: Array<{
    kind: string;
    details: { recordsAffected?: number; source?: string; sources?: string[] };
    at: Date;
  }> = await dataSource.query(
    `SELECT kind, details, at FROM request_events WHERE request_id = $1 AND kind IN ('erasure_source_done', 'rectified', 'restricted') ORDER BY at`,
    [request.id],
  );
  const changed = new Map<string, { change: NotifiedChange; at: Date }>();
  for (const e of events) {
    const change: NotifiedChange =
      e.kind === 'rectified' ? 'rectification' : e.kind === 'restricted' ? 'restriction' : 'erasure';
    const sources: string[] =
      e.kind === 'erasure_source_done'
        ? (e.details.recordsAffected ?? 0) > 0
          ? [e.details.source!]
          : []
        : (e.details.sources ?? []);
    for (const s of sources) changed.set(sourceSystemOf(s), { change, at: new Date(e.at) });
  }
  if (!changed.size) return { reference: request.reference, sources: [], recipients: [] };
  const activities = await dataSource
    .getRepository(ProcessingActivity)
    .find({ where: { sourceSystem: In([...changed.keys()]) }, relations: ['processors'] });
  const byProcessor = new Map<string, Recipient>();
  for (const activity of activities) {
    const { change, at } = changed.get(activity.sourceSystem!)!;
    for (const p of activity.processors.filter((p) => p.status !== 'inactive')) {
      const entry = byProcessor.get(p.id) ?? {
        processorId: p.id,
        name: p.name,
        service: p.service,
        country: p.country,
        transferMechanism: p.transferMechanism,
        contact: p.contact,
        activities: [],
        categories: [],
        change,
        notice: '',
      };
      entry.activities.push(activity.name);
      // What the processor receives of what changed: the categories both registers name.
      for (const c of activity.dataCategories) if (!entry.categories.includes(c)) entry.categories.push(c);
      entry.notice = recipientNotice(request.language, {
        processor: p.name,
        service: p.service,
        reference: request.reference,
        change: entry.change,
        categories: entry.categories,
        date: romeDate(at),
        subjectEmail: request.subjectEmail,
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
