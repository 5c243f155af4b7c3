import { attributeText, type IdentifierRole } from './attribution';
import { extractEmails, extractPhones, type IdentifierKind } from './identifiers';

/**
 * An identifier a record holds, in which field, and whose it is (Art. 15(4)): `owner` when it
 * says whose record it is, `mention` when the record only names someone else. Each source says
 * which its records hold in its own folder (`sources/<folder>/<name>.ingestion.ts`).
 */
export interface FoundIdentifier {
  kind: IdentifierKind;
  value: string;
  field: string;
  role: IdentifierRole;
}

/** Gathers a record's identifiers once each; what a source's identifier function builds on. */
export class IdentifierCollector {
  readonly found: FoundIdentifier[] = [];

  add(kind: IdentifierKind, value: string | null, field: string, role: IdentifierRole = 'owner'): void {
    if (!value) return;
    const key = `${kind}\u0000${value}\u0000${field}`;
    const earlier = this.found.find((f) => `${f.kind}\u0000${f.value}\u0000${f.field}` === key);
    // Written twice, once with a cue: the writer said it is theirs.
    if (earlier) {
      if (role === 'owner') earlier.role = 'owner';
      return;
    }
    this.found.push({ kind, value, field, role });
  }

  /** Text the person wrote: whose each identifier is follows the rules of `attributeText`. */
  writtenBySubject(text: string | null | undefined, field: string): void {
    const attributed = attributeText(text);
    for (const kind of ['email', 'phone'] as const) {
      for (const a of attributed.filter((x) => x.kind === kind)) this.add(kind, a.value, field, a.role);
    }
  }

  /** Text written by someone else about people (an event's title): every identifier is a mention. */
  writtenByOthers(text: string | null | undefined, field: string): void {
    for (const email of extractEmails(text)) this.add('email', email, field, 'mention');
    for (const phone of extractPhones(text)) this.add('phone', phone, field, 'mention');
  }
}
