import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  controllerAddress,
  dayInWords,
  escapeHtml,
  readmeHtml,
  readmeText,
  recordCount,
  romeDateTime,
  romeInstant,
  safeguardWords,
  type ReadmeFacts,
} from './export-texts';
import { keptLines } from '../legal-holds/legal-hold-rules';

/** Whole words that betray the other language (a short list of tell-tales is enough). */
const ENGLISH = /(^|[^\p{L}])(the|and|your|you|months|records|from|which|Italy|Not stated)($|[^\p{L}])/u;
const ITALIAN = /(^|[^\p{L}])(il|della|suoi|lei|mesi|trattiamo|Italia|che|non)($|[^\p{L}])/u;

/** The facts as the service gives them in each language: every word from the registers already in it. */
const facts = (language: 'it' | 'en', sources = true): ReadmeFacts => ({
  reference: 'DSR-2026-0007',
  kind: 'access',
  subject: 'Giulia Bianchi',
  generatedAt: new Date('2026-11-22T23:30:00Z'),
  controller: {
    name: 'Vimage Srl',
    address: controllerAddress('Via Scortegara 173, 30035 Mirano (VE), Italy', language),
    email: 'privacy@vimage.it',
  },
  searchedBy: ['giulia.bianchi@example.it'],
  sources: sources
    ? [
        {
          label: language === 'it' ? 'Richieste dal modulo di contatto' : 'Contact-form requests',
          records: 1,
          origin: language === 'it' ? 'Lei, tramite il modulo di contatto del sito' : 'You, through the contact form',
          purposes: [language === 'it' ? 'Rispondere alle richieste' : 'Respond to requests'],
          bases: [
            { basis: 'consent', fields: [language === 'it' ? 'Nome' : 'First name'] },
            { basis: 'legitimate_interests', fields: [language === 'it' ? 'Fonte della campagna' : 'Campaign source'] },
          ],
          retention: language === 'it' ? '24 mesi dalla raccolta' : '24 months from collection',
          recipients: [
            {
              name: 'OpenAI, LLC',
              service: language === 'it' ? 'Assistente AI' : 'AI assistant',
              location: language === 'it' ? 'Stati Uniti' : 'USA',
              mechanism: 'scc_dpf',
              assessedOn: '2026-03-01',
            },
          ],
        },
      ]
    : [],
  empty: [{ label: language === 'it' ? 'Scelte sui cookie' : 'Cookie choices', why: null }],
  kept: [],
  glossary: sources
    ? [
        {
          file: 'data/leads.json, .csv',
          label: language === 'it' ? 'Richieste dal modulo di contatto' : 'Contact-form requests',
          entries: [['firstName', language === 'it' ? 'Nome' : 'First name']],
        },
      ]
    : [],
  files: sources ? [{ path: 'data/leads.json', records: 1 }] : [],
});

describe('the words of a package', () => {
  it('counts records as each language does: English singular and plural, Italian invariable', () => {
    expect(recordCount(1, 'en')).toBe('1 record');
    expect(recordCount(2, 'en')).toBe('2 records');
    expect(recordCount(0, 'en')).toBe('0 records');
    expect(recordCount(1, 'it')).toBe('1 record');
    expect(recordCount(2, 'it')).toBe('2 record');
  });

  it("gives instants in Rome's time and the reader's format, never as UTC ISO text", () => {
    const at = new Date('2026-11-22T23:30:00Z'); // already the 23rd in Rome
    expect(romeDateTime(at, 'it')).toMatch(/^23 novembre 2026.*00:30$/);
    expect(romeDateTime(at, 'en')).toMatch(/^23 November 2026.*00:30$/);
    expect(dayInWords('2026-03-01', 'it')).toBe('1 marzo 2026');
    expect(dayInWords('2026-03-01', 'en')).toBe('1 March 2026');
  });

  it('names each safeguard with its reference, and the transfer impact assessment where recorded', () => {
    const both = safeguardWords({ mechanism: 'scc_dpf', assessedOn: '2026-03-01' }, 'en');
    expect(both).toContain('Decision (EU) 2021/914');
    expect(both).toContain('adequacy decision (EU) 2023/1795');
    expect(both).toContain('transfer impact assessment of 1 March 2026');
    expect(safeguardWords({ mechanism: 'scc', assessedOn: null }, 'it')).toContain(
      'decisione di esecuzione (UE) 2021/914',
    );
    expect(safeguardWords({ mechanism: 'dpf', assessedOn: null }, 'it')).toContain('(UE) 2023/1795');
    expect(safeguardWords({ mechanism: 'none', assessedOn: null }, 'it')).not.toMatch(ENGLISH);
    // A mechanism still being verified is said as such to the subject, never as the officer's note.
    expect(safeguardWords({ mechanism: 'other', assessedOn: null }, 'en')).not.toMatch(/must be verified|Not stated/);
  });

  for (const language of ['it', 'en'] as const) {
    it(`writes README.txt and README.html in ${language === 'it' ? 'Italian' : 'English'} only`, () => {
      for (const text of [readmeText(facts(language), language), readmeHtml(facts(language), language)]) {
        expect(text).not.toMatch(language === 'it' ? ENGLISH : ITALIAN);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        expect(text).not.toMatch(/\b1 records\b/);
        expect(text).toContain(language === 'it' ? 'Italia' : 'Italy');
      }
      const txt = readmeText(facts(language), language);
      expect(txt).toContain(
        language === 'it'
          ? 'Base giuridica: il nostro legittimo interesse (art. 6, par. 1, lett. f GDPR): Fonte della campagna'
          : 'Legal basis: our legitimate interest (Art. 6(1)(f) GDPR): Campaign source',
      );
      expect(txt).toContain(language === 'it' ? 'firstName: Nome' : 'firstName: First name');
      expect(txt).toContain(language === 'it' ? 'Scelte sui cookie: nessun dato' : 'Cookie choices: nothing held');
    });

    it(`says plainly that nothing is held, what was searched and when (${language})`, () => {
      const txt = readmeText(facts(language, false), language);
      expect(txt).toContain(
        language === 'it'
          ? 'Non trattiamo alcun dato personale su Giulia Bianchi'
          : 'We hold no personal data about Giulia Bianchi',
      );
      expect(txt).toContain('giulia.bianchi@example.it');
      expect(txt).toContain(language === 'it' ? '23 novembre 2026' : '23 November 2026');
      expect(txt).not.toMatch(language === 'it' ? ENGLISH : ITALIAN);
    });
  }

  it('states the bases of exactly what a portability package holds', () => {
    const f = { ...facts('en'), kind: 'portability' as const };
    f.sources[0].bases = [{ basis: 'consent', fields: ['First name'] }];
    const txt = readmeText(f, 'en');
    expect(txt).toContain('on the basis of your consent (Art. 6(1)(a) GDPR) (Art. 20(1)(a))');
    expect(txt).not.toContain('contract with you');
  });

  it("gives a data instant to the second in Rome's time, as Intl does, across changes of the clocks (fast-check)", () => {
    const intl = {
      en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Rome' }),
      it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Rome' }),
    };
    // The hour before and after the clocks go forward (29 March 2026) and back (25 October 2026).
    expect(romeInstant(new Date('2026-03-29T00:59:59.999Z'), 'en')).toBe('29 Mar 2026, 01:59:59');
    expect(romeInstant(new Date('2026-03-29T01:00:00Z'), 'en')).toBe('29 Mar 2026, 03:00:00');
    expect(romeInstant(new Date('2026-10-25T00:30:07Z'), 'it')).toBe('25 ott 2026, 02:30:07');
    expect(romeInstant(new Date('2026-10-25T01:30:07Z'), 'it')).toBe('25 ott 2026, 02:30:07');
    fc.assert(
      fc.property(
        // From 1850 (before Rome kept whole hours from UTC) to 2200, to the millisecond.
        fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.constantFrom('en' as const, 'it' as const),
        (ms, language) => {
          expect(romeInstant(new Date(ms), language)).toBe(intl[language].format(new Date(ms)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('escapes the five characters of HTML, and gives other text as it is', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
    expect(escapeHtml('Buongiorno, vorrei sapere')).toBe('Buongiorno, vorrei sapere');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('escapes what it quotes in README.html', () => {
    const f = facts('en');
    f.subject = '<script>alert(1)</script>';
    expect(readmeHtml(f, 'en')).not.toContain('<script>');
  });

  it('says what a legal hold keeps, why and until when, in the reader’s language only (Art. 17(3))', () => {
    const parts = [
      {
        what: 'x',
        records: 1,
        ground: 'legal_claims' as const,
        legalReference: null,
        until: '2027-06-30',
        untilIsReview: true,
      },
    ];
    for (const language of ['it', 'en'] as const) {
      const f = {
        ...facts(language),
        kept: keptLines(
          parts.map((p) => ({
            ...p,
            what: language === 'it' ? 'Richieste dal modulo di contatto' : 'Contact-form requests',
          })),
          language,
          (day) => dayInWords(day, language),
        ),
      };
      const text = readmeText(f, language);
      const html = readmeHtml(f, language);
      expect(text).toContain(language === 'it' ? '== Cosa conserviamo e perché ==' : '== What we keep and why ==');
      expect(text).toContain(language === 'it' ? '30 giugno 2027' : '30 June 2027');
      expect(text).toContain(language === 'it' ? 'art. 17, par. 3, lett. e' : 'Art. 17(3)(e)');
      expect(html).toContain(language === 'it' ? 'Cosa conserviamo e perché' : 'What we keep and why');
      const section = text.slice(text.indexOf('=='), text.indexOf('== ', text.indexOf('conserviamo') + 1));
      expect(section).not.toMatch(language === 'it' ? ENGLISH : ITALIAN);
    }
    // Nothing held by a hold: no such section.
    expect(readmeText(facts('en'), 'en')).not.toContain('What we keep');
  });
});
