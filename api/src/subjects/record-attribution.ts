import type { IdentifierRole } from './attribution';
import type { IdentifierKind } from './identifiers';

/**
 * Whose record is it, for one person (Art. 15(4) GDPR): from the owner and mention entries of the
 * index, each record the search found is
 * - `own`: the person is its owner (one of their identifiers is an owner identifier of it) and no
 *   other person is (no owner e-mail or account that is not theirs);
 * - `shared`: the person is an owner but so is someone else (a calendar event with several
 *   attendees; a lead reached through a phone whose e-mail is another person's, two people
 *   sharing one company phone);
 * - `mention`: the person is only mentioned in it (a colleague named in a visitor's chat).
 * Only own records are exported, erased or restricted as the person's; the others are reviewed
 * by the officer. A chat conversation is one record: its visitor identity and what the visitor
 * wrote in all of its messages. Plain functions: no framework, no database.
 */
export type Relation = 'own' | 'shared' | 'mention';

export interface UnitIdentifier {
  kind: IdentifierKind;
  value: string;
  role: IdentifierRole;
}

export interface Unit {
  key: string;
  /** A record holding several people by nature (an event's attendees): their addresses are never the person's by being beside them. */
  multiPerson: boolean;
  identifiers: UnitIdentifier[];
}

export interface Person {
  /** E-mails and Google accounts (one namespace). */
  emails: string[];
  phones: string[];
  consentIds?: string[];
}

export interface Attribution {
  relation: Map<string, Relation>;
  /** The person's e-mails and phones, as the own records show them (the request's and those their own records hold). */
  emails: string[];
  phones: string[];
  consentIds: string[];
  /** The person's identifiers that another person owns too (a shared phone): never suppressed nor masked in the other's records. */
  shared: Array<{ kind: IdentifierKind; value: string }>;
}

const strong = (kind: string) => kind === 'email' || kind === 'account';

export function attributeRecords(person: Person, units: Unit[]): Attribution {
  const emails = new Set(person.emails);
  const phones = new Set(person.phones);
  const consentIds = new Set(person.consentIds ?? []);
  const isPerson = (i: UnitIdentifier) =>
    strong(i.kind)
      ? emails.has(i.value)
      : i.kind === 'phone'
        ? phones.has(i.value)
        : i.kind === 'consent_id'
          ? consentIds.has(i.value)
          : false;
  const owners = (u: Unit) => u.identifiers.filter((i) => i.role === 'owner');
  const othersStrong = (u: Unit) => owners(u).filter((i) => strong(i.kind) && !emails.has(i.value));

  // Known by a phone only: the records that phone owns name the person, if they name one only.
  if (emails.size === 0) {
    const identities = new Set(
      units.flatMap((u) =>
        owners(u).some((i) => i.kind === 'phone' && phones.has(i.value))
          ? owners(u)
              .filter((i) => strong(i.kind))
              .map((i) => i.value)
          : [],
      ),
    );
    if (identities.size === 1) emails.add([...identities][0]);
  }

  const relation = new Map<string, Relation>();
  // Own records, until nothing changes: an own record's other owner identifiers are the person's too.
  for (let changed = true; changed;) {
    changed = false;
    for (const u of units) {
      if (relation.has(u.key)) continue;
      const mine = owners(u).filter(isPerson);
      if (!mine.length) continue;
      const others = othersStrong(u);
      // A one-person record found by the person's e-mail or account: its other addresses are theirs.
      const byStrong = mine.some((i) => strong(i.kind));
      if (others.length && (u.multiPerson || !byStrong)) continue;
      relation.set(u.key, 'own');
      changed = true;
      if (u.multiPerson) continue;
      for (const i of owners(u)) {
        if (strong(i.kind)) emails.add(i.value);
        else if (i.kind === 'phone') phones.add(i.value);
        else if (i.kind === 'consent_id') consentIds.add(i.value);
      }
    }
  }
  const shared = new Map<string, { kind: IdentifierKind; value: string }>();
  for (const u of units) {
    if (relation.has(u.key)) continue;
    const mine = owners(u).filter(isPerson);
    if (mine.length) {
      relation.set(u.key, 'shared');
      // Another person's record holds this identifier as theirs too.
      if (!u.multiPerson) for (const i of mine) shared.set(`${i.kind}:${i.value}`, { kind: i.kind, value: i.value });
    } else if (u.identifiers.some((i) => i.role === 'mention' && isPerson(i))) {
      relation.set(u.key, 'mention');
    }
  }
  const sharedKeys = new Set([...shared.values()].map((s) => s.value));
  return {
    relation,
    emails: [...emails],
    phones: [...phones].filter((p) => !sharedKeys.has(p)),
    consentIds: [...consentIds].filter((c) => !sharedKeys.has(c)),
    shared: [...shared.values()],
  };
}
