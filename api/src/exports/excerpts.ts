import { identifiersInText } from '../subjects/attribution';

/**
 * Excerpts of records that are not the person's own (someone else's chat that names them, an
 * event they share): what the officer may include in an access package after review, with the
 * other people redacted (Art. 15(4) GDPR: the right of access must not adversely affect the
 * rights and freedoms of others). Plain functions: no framework, no database.
 */
export const REDACTED = '[…]';

export interface PersonIdentifiers {
  emails: string[];
  phones: string[];
}

/** Sentences of a text, as written (the dots of an e-mail address end nothing). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A text with the other people taken out:
 * - a sentence that holds another person's e-mail or phone and none of the person's is dropped
 *   (words about someone else: "Soffro di asma... il mio cellulare è 333..." in the text of the
 *   colleague it mentions);
 * - in a sentence kept, every e-mail and phone that is not the person's is replaced by `[…]`;
 * - `onlyAboutThePerson`: only the sentences that hold one of the person's identifiers are kept
 *   (the passage proposed for review); otherwise sentences without any identifier stay (the
 *   officer's own wording of the excerpt).
 */
export function redactOthers(
  text: string,
  person: PersonIdentifiers,
  options: { onlyAboutThePerson: boolean },
): string {
  const emails = new Set(person.emails.map((e) => e.toLowerCase()));
  const phones = new Set(person.phones);
  const theirs = (i: { kind: string; value: string }) =>
    i.kind === 'email' ? emails.has(i.value) : phones.has(i.value);
  const kept: string[] = [];
  for (const sentence of sentences(text)) {
    const found = identifiersInText(sentence);
    const mine = found.filter(theirs);
    const others = found.filter((i) => !theirs(i));
    if (mine.length === 0 && (others.length > 0 || options.onlyAboutThePerson)) continue;
    let out = sentence;
    for (const other of [...others].sort((a, b) => b.start - a.start))
      out = out.slice(0, other.start) + REDACTED + out.slice(other.end);
    kept.push(out);
  }
  return kept.join(' … ');
}

const SOURCE_WORDS: Record<string, { en: string; it: string }> = {
  leads: {
    en: 'A contact-form message written by someone else',
    it: 'Un messaggio del modulo di contatto scritto da altri',
  },
  'chat-conversations': {
    en: 'A conversation of someone else with the AI assistant',
    it: "Una conversazione di un'altra persona con l'assistente AI",
  },
  'calendar-events': {
    en: 'A calendar event shared with other people',
    it: 'Un evento di calendario condiviso con altre persone',
  },
  consents: {
    en: 'A cookie-choice record shared with someone else',
    it: "Una registrazione delle scelte sui cookie condivisa con un'altra persona",
  },
};

/** `excerpts.txt` of an access package: the excerpts the officer included after review, in the request's language. */
export function excerptsText(
  excerpts: Array<{ source: string; date: string | null; excerpt: string }>,
  language: 'it' | 'en',
): string {
  const head =
    language === 'it'
      ? [
          'Estratti di dati che la riguardano contenuti in registrazioni di altre persone',
          '',
          "Queste registrazioni appartengono ad altre persone o sono condivise con loro. Ai sensi dell'art. 15, par. 4, GDPR",
          'le forniamo solo i passaggi che la riguardano; i dati delle altre persone sono stati omessi o sostituiti da […].',
        ]
      : [
          'Excerpts of data about you held in other people’s records',
          '',
          'These records belong to other people or are shared with them. Under Art. 15(4) GDPR we give you only the',
          'passages about you; the other people’s data has been left out or replaced by […].',
        ];
  const body = excerpts.flatMap((e, i) => [
    '',
    `${i + 1}. ${SOURCE_WORDS[e.source]?.[language] ?? e.source}${e.date ? ` (${e.date.slice(0, 10)})` : ''}`,
    `   ${e.excerpt}`,
  ]);
  return [...head, ...body, ''].join('\n');
}
