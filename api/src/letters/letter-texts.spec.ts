import { describe, expect, it } from 'vitest';
import { recipientNotice, recipientsForSubject } from '../erasure/recipients';
import { REQUEST_TYPES, type Language } from '../requests/request.entity';
import {
  defaultTemplate,
  LETTER_KINDS,
  letterFacts,
  MissingFactsError,
  readersDate,
  renderLetter,
  TEMPLATE_KEYS,
  templateKeyOf,
  templateProblems,
  type LetterInput,
  type RequestForLetter,
} from './letter-texts';

// What an officer writes for colleagues: never in a letter.
const INTERNAL = 'NOTA-INTERNA-7731';

const request = (language: Language, over: Partial<RequestForLetter> = {}) => ({
  reference: 'DSR-2026-0042',
  type: 'access' as const,
  language,
  // 23:30 UTC on 30 November is 1 December in Rome.
  receivedAt: new Date('2026-11-30T23:30:00Z'),
  subjectName: 'Giulia Bianchi',
  subjectEmail: 'giulia.bianchi@example.org',
  subjectPhone: null,
  dueDate: '2027-01-04',
  extendedDueDate: null,
  extensionReason: null,
  identityInfoRequested: null,
  identityInfoRespondBy: null,
  rejectionStatement: null,
  // Fields a letter must never quote.
  description: INTERNAL,
  outcome: INTERNAL,
  ...over,
});

const INPUT: Record<Language, LetterInput> = {
  it: {
    reasons: 'la richiesta riguarda dati conservati in più sistemi',
    identityInfo: 'il numero di telefono con cui ha prenotato',
    respondBy: '2026-12-15',
    rejectionReason: 'manifestly_unfounded',
  },
  en: {
    reasons: 'the request concerns data kept in several systems',
    identityInfo: 'the phone number you booked with',
    respondBy: '2026-12-15',
    rejectionReason: 'manifestly_unfounded',
  },
};

function notice(language: Language) {
  const text = recipientNotice(language, {
    processor: 'Example Processor Srl',
    service: 'CRM',
    reference: 'DSR-2026-0042',
    change: 'erasure',
    categories: [],
    date: '2026-12-10',
    subjectEmail: 'giulia.bianchi@example.org',
  });
  const [first, ...rest] = text.split('\n');
  return { subject: first.replace(/^(Oggetto|Subject): /, ''), body: rest.join('\n').trim() };
}

/** Every letter the console can write in `language`: each kind, and a completion per right. */
function everyLetter(language: Language) {
  const letters: Array<{ name: string; subject: string; text: string }> = [];
  for (const type of REQUEST_TYPES) {
    for (const kind of LETTER_KINDS) {
      if (kind !== 'completion' && type !== 'access') continue;
      const facts = letterFacts(
        request(language, { type }),
        {
          ...INPUT[language],
          notice: notice(language),
          recipients: recipientsForSubject(language, [
            { name: 'Example Processor Srl', service: 'CRM', country: 'IT', categories: [] },
          ]),
        },
        '2026-12-10',
      );
      const rendered = renderLetter(defaultTemplate(templateKeyOf(kind, type), language), facts);
      letters.push({ name: `${kind}/${type}`, ...rendered });
    }
  }
  return letters;
}

// Words only one of the two languages uses, as whole words (not "data": Italian for a date).
const ENGLISH = ['the', 'and', 'you', 'your', 'we', 'our', 'of', 'to', 'request', 'please', 'by', 'received'];
const ITALIAN = ['il', 'la', 'dei', 'della', 'che', 'per', 'sua', 'suoi', 'dati', 'richiesta', 'abbiamo', 'entro', 'è'];
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );
// Proper names that are Italian in every language: the authority and the company.
const PROPER_NAMES = /Garante per la protezione dei dati personali|www\.garanteprivacy\.it|Example Processor Srl/g;

describe('the letters (every kind, both languages)', () => {
  it('the Italian letters hold no English word', () => {
    for (const letter of everyLetter('it')) {
      const found = words(`${letter.subject}\n${letter.text}`);
      expect(
        ENGLISH.filter((w) => found.has(w)),
        letter.name,
      ).toEqual([]);
    }
  });

  it('the English letters hold no Italian word', () => {
    for (const letter of everyLetter('en')) {
      const found = words(`${letter.subject}\n${letter.text}`.replace(PROPER_NAMES, ''));
      expect(
        ITALIAN.filter((w) => found.has(w)),
        letter.name,
      ).toEqual([]);
    }
  });

  it('quote no internal note and leave no placeholder unfilled', () => {
    for (const letter of [...everyLetter('it'), ...everyLetter('en')]) {
      expect(letter.text, letter.name).not.toContain(INTERNAL);
      expect(`${letter.subject}${letter.text}`, letter.name).not.toMatch(/\{\{|\}\}|undefined|null/);
      expect(letter.subject, letter.name).toContain('DSR-2026-0042');
    }
  });

  it('gives dates in Rome, as the reader writes them', () => {
    const it = everyLetter('it').find((l) => l.name === 'acknowledgement/access')!;
    expect(it.text).toContain('abbiamo ricevuto il 1 dicembre 2026');
    expect(it.text).toContain('entro il 4 gennaio 2027');
    const en = everyLetter('en').find((l) => l.name === 'acknowledgement/access')!;
    expect(en.text).toContain('on 1 December 2026');
    expect(en.text).toContain('by 4 January 2027');
    expect(readersDate('2027-03-01', 'it')).toBe('1 marzo 2027');
  });

  it('the extension gives its reasons and the deadline three months from receipt', () => {
    const en = everyLetter('en').find((l) => l.name === 'extension/access')!;
    expect(en.text).toContain('for these reasons: the request concerns data kept in several systems.');
    expect(en.text).toContain('from 4 January 2027 to 1 March 2027');
  });

  it('the refusal is the Art. 12(4) statement of request-rules, word for word', () => {
    const it = everyLetter('it').find((l) => l.name === 'refusal/access')!;
    expect(it.text).toContain(
      'Non possiamo dare seguito alla sua richiesta perché la richiesta è manifestamente infondata',
    );
    expect(it.text).toContain('Garante per la protezione dei dati personali');
    const recorded = letterFacts(
      request('en', { rejectionStatement: 'We cannot act on your request because X.' }),
      {},
      '2026-12-10',
    );
    expect(recorded.statement).toBe('We cannot act on your request because X.');
  });

  it('the completions of access and portability say the data come apart, never attached', () => {
    for (const language of ['it', 'en'] as const) {
      for (const type of ['access', 'portability'] as const) {
        const letter = everyLetter(language).find((l) => l.name === `completion/${type}`)!;
        expect(letter.text).toMatch(language === 'it' ? /non alleghiamo/ : /do not attach/);
      }
    }
  });

  it('the Art. 19 notice is the erasure module’s own', () => {
    const letter = everyLetter('it').find((l) => l.name === 'recipient_notice/access')!;
    expect(letter.subject).toBe("comunicazione ai sensi dell'art. 19 GDPR (rif. DSR-2026-0042)");
    expect(letter.text).toContain(notice('it').body);
  });

  it('says what is missing instead of writing a letter without it', () => {
    const facts = letterFacts(request('it'), {}, '2026-12-10');
    expect(() => renderLetter(defaultTemplate('extension', 'it'), facts)).toThrow(MissingFactsError);
    try {
      renderLetter(defaultTemplate('identity_info', 'it'), facts);
    } catch (error) {
      expect((error as MissingFactsError).missing).toEqual(['identityInfo', 'respondBy']);
    }
  });

  it('greets a person without a name politely', () => {
    const facts = letterFacts(request('en', { subjectName: null }), {}, '2026-12-10');
    expect(renderLetter(defaultTemplate('acknowledgement', 'en'), facts).text).toMatch(/^Dear Sir or Madam,/);
  });
});

describe('templateProblems (an admin’s edit)', () => {
  it('accepts every default', () => {
    for (const key of TEMPLATE_KEYS)
      for (const language of ['it', 'en'] as const)
        expect(templateProblems(key, defaultTemplate(key, language)), key).toEqual({});
  });

  it('refuses an unknown placeholder, one the law needs left out, and a subject on two lines', () => {
    expect(
      templateProblems('acknowledgement', { subject: 'x', body: '{{reference}} {{deadline}} {{notes}}' }).body,
    ).toMatch(/unknown placeholder \{\{notes\}\}/);
    expect(templateProblems('acknowledgement', { subject: 'x', body: '{{reference}}' }).body).toMatch(
      /must quote \{\{deadline\}\}/,
    );
    expect(templateProblems('refusal', { subject: 'a\nb', body: '{{statement}}' }).subject).toBe('must be one line');
  });
});
