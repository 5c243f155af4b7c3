import type { LegalBasis } from '../registers/activities/activity.entity';
import type { TransferMechanism } from '../registers/processors/processor.entity';
import type { Language } from '../requests/request.entity';

/**
 * The words of the README that goes with an access (GDPR Art. 15(1) and (2)) or portability
 * (Art. 20) package, entirely in the request's language: every fact arrives here already in that
 * language (the registers' Italian and English columns, the sources' labels), and these functions
 * add only their own words. Dates are Europe/Rome's, in the reader's format. Where each text comes
 * from and its legal source: docs/legal-texts.md.
 */

/** A recipient of the person's data (Art. 15(1)(c)) and the safeguard of its transfer (Art. 15(2)). */
export interface Recipient {
  name: string;
  service: string;
  location: string;
  mechanism: TransferMechanism;
  /** The transfer impact assessment's date (YYYY-MM-DD), where the register records one. */
  assessedOn: string | null;
}

export interface ReadmeFacts {
  reference: string;
  kind: 'access' | 'portability';
  subject: string;
  generatedAt: Date;
  controller: { name: string; address: string; email: string };
  /** What the sources were searched by: the request's e-mails, phones and the IP addresses given. */
  searchedBy: string[];
  sources: Array<{
    label: string;
    records: number;
    origin: string;
    purposes: string[];
    /** The legal basis of each group of fields (Art. 6(1)), the fields by their glossary words. */
    bases: Array<{ basis: LegalBasis; fields: string[] }>;
    retention: string | null;
    recipients: Recipient[];
  }>;
  /** Sources searched that hold nothing about the person, or not searched and why. */
  empty: Array<{ label: string; why: string | null }>;
  /**
   * What holds in force keep of the person's records despite an erasure (Art. 17(3)): one
   * sentence each, in the reader's language (what, why with its article, until when).
   */
  kept: string[];
  /** What the columns of the data files mean, per file. */
  glossary: Array<{ file: string; label: string; entries: Array<[column: string, meaning: string]> }>;
  files: Array<{ path: string; records: number }>;
}

/** The controller's address, in the reader's language (the privacy policy gives it in English). */
const COUNTRY = { en: 'Italy', it: 'Italia' } as const;

const BASES: Record<Language, Record<LegalBasis, string>> = {
  en: {
    consent: 'your consent (Art. 6(1)(a) GDPR)',
    contract: 'the performance of a contract with you (Art. 6(1)(b) GDPR)',
    legal_obligation: 'a legal obligation of ours (Art. 6(1)(c) GDPR)',
    vital_interests: 'vital interests (Art. 6(1)(d) GDPR)',
    public_task: 'a task in the public interest (Art. 6(1)(e) GDPR)',
    legitimate_interests: 'our legitimate interest (Art. 6(1)(f) GDPR)',
  },
  it: {
    consent: 'il suo consenso (art. 6, par. 1, lett. a GDPR)',
    contract: "l'esecuzione di un contratto con lei (art. 6, par. 1, lett. b GDPR)",
    legal_obligation: 'un nostro obbligo di legge (art. 6, par. 1, lett. c GDPR)',
    vital_interests: 'interessi vitali (art. 6, par. 1, lett. d GDPR)',
    public_task: 'un compito di interesse pubblico (art. 6, par. 1, lett. e GDPR)',
    legitimate_interests: 'il nostro legittimo interesse (art. 6, par. 1, lett. f GDPR)',
  },
};

const SCC = {
  en: 'standard contractual clauses adopted by the European Commission (Implementing Decision (EU) 2021/914)',
  it: 'clausole contrattuali tipo adottate dalla Commissione europea (decisione di esecuzione (UE) 2021/914)',
};
const DPF = {
  en: 'EU-US Data Privacy Framework (Commission adequacy decision (EU) 2023/1795)',
  it: 'EU-US Data Privacy Framework (decisione di adeguatezza della Commissione (UE) 2023/1795)',
};

/** "1 record", "2 records"; Italian "record" is invariable. */
export function recordCount(n: number, language: Language): string {
  if (language === 'it') return `${n} record`;
  return `${n} ${n === 1 ? 'record' : 'records'}`;
}

const dateTimeFormats = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
};
const secondsFormats = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Rome' }),
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Rome' }),
};
const dayFormats = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** An instant as the reader reads it: Rome's time, "22 November 2026 at 11:15" / "22 novembre 2026 alle ore 11:15". */
export function romeDateTime(at: Date, language: Language): string {
  return dateTimeFormats[language].format(at);
}

/** An instant of the data to the second, in Rome's time ("2 Nov 2026, 11:00:05" / "2 nov 2026, 11:00:05"). */
export function romeInstant(at: Date, language: Language): string {
  const ms = at.getTime();
  // Before 1901 Rome kept its own mean time (UTC+0:49:56): Intl works that out itself.
  if (!(ms >= SINCE_WHOLE_HOURS)) return secondsFormats[language].format(at);
  // Since then Rome's offset from UTC is whole hours and changes on the hour, so an instant's
  // minutes and seconds are its UTC ones: Intl formats each hour once (a chat's README.html
  // shows every message's time, and Intl for each took most of the page's time).
  const hour = Math.floor(ms / HOUR_MS);
  const hours = romeHours[language];
  let start = hours.get(hour);
  if (start === undefined) {
    if (hours.size >= 10_000) hours.clear();
    // "2 Nov 2026, 11:00:00" without its "00:00".
    start = secondsFormats[language].format(hour * HOUR_MS).slice(0, -5);
    hours.set(hour, start);
  }
  const inHour = ms - hour * HOUR_MS;
  return `${start}${twoDigits(Math.floor(inHour / 60_000))}:${twoDigits(Math.floor(inHour / 1000) % 60)}`;
}

const HOUR_MS = 3_600_000;
const SINCE_WHOLE_HOURS = Date.UTC(1901, 0, 1);
const romeHours = { en: new Map<number, string>(), it: new Map<number, string>() };
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A calendar date (YYYY-MM-DD) in words. */
export function dayInWords(day: string, language: Language): string {
  return dayFormats[language].format(new Date(`${day}T00:00:00Z`));
}

/** How a transfer outside the EU is safeguarded (Art. 15(2), Art. 46(2)(c), Art. 45), with its reference. */
export function safeguardWords(r: Pick<Recipient, 'mechanism' | 'assessedOn'>, language: Language): string {
  const en = language === 'en';
  const assessed = r.assessedOn
    ? en
      ? `; transfer impact assessment of ${dayInWords(r.assessedOn, language)}`
      : `; valutazione d'impatto del trasferimento del ${dayInWords(r.assessedOn, language)}`
    : '';
  switch (r.mechanism) {
    case 'none':
      return en ? 'No transfer outside the European Union' : "Nessun trasferimento al di fuori dell'Unione europea";
    case 'scc':
      return `${en ? 'Transfer outside the EU under' : "Trasferimento al di fuori dell'UE sulla base di"} ${SCC[language]}${assessed}`;
    case 'dpf':
      return `${en ? 'Transfer outside the EU under the' : "Trasferimento al di fuori dell'UE sulla base dell'"}${DPF[language]}${assessed}`;
    case 'scc_dpf':
      return `${en ? 'Transfer outside the EU under the' : "Trasferimento al di fuori dell'UE sulla base dell'"}${DPF[language]} ${en ? 'and' : 'e di'} ${SCC[language]}${assessed}`;
    case 'other':
      return en
        ? 'Transfer outside the EU: we are verifying its safeguard; write to us to receive a copy once it is confirmed'
        : "Trasferimento al di fuori dell'UE: ne stiamo verificando la garanzia; ci scriva per riceverne copia appena confermata";
  }
}

const T = {
  en: {
    title: (k: string) =>
      k === 'access'
        ? 'Your personal data: a copy (GDPR Article 15)'
        : 'Your personal data in a machine-readable format (GDPR Article 20)',
    intro: (f: ReadmeFacts) =>
      `${f.controller.name} (${f.controller.address}) answers request ${f.reference}. This package holds the personal data we hold about ${f.subject}, as of ${romeDateTime(f.generatedAt, 'en')} (Italian time).`,
    nothing: (f: ReadmeFacts) =>
      `We hold no personal data about ${f.subject}. We searched all our records on ${romeDateTime(f.generatedAt, 'en')} (Italian time) and found nothing about you.`,
    searchedBy: 'We searched by',
    what: 'What we hold, where it came from, why and for how long',
    origin: 'Where it came from',
    purposes: 'Purposes',
    basis: 'Legal basis',
    basisOf: (basis: string, fields: string[]) => `${basis}: ${fields.join(', ')}`,
    retention: 'How long we keep it',
    receivedBy: 'Who received it',
    noRecipient: 'no one outside the company',
    empty: 'Searched, with nothing about you',
    kept: 'What we keep and why',
    nothingHeld: 'nothing held',
    recipients: 'Recipients and sub-processors',
    noRecipients: 'No recipient outside the company.',
    files: 'Files in this package',
    filesNote:
      'Each source is given as JSON and as CSV, and as tables further down this page (README.html). manifest.json lists every file with its size, number of records and SHA-256 checksum.',
    glossary: 'What the columns of the files mean',
    data: 'Your data',
    conversation: (started: string, provider: string) => `Conversation started on ${started}; replies by ${provider}`,
    yes: 'yes',
    no: 'no',
    rights: 'Your rights',
    rightsList: [
      'Rectification of inaccurate or incomplete data (Art. 16)',
      'Erasure ("right to be forgotten", Art. 17)',
      'Restriction of processing (Art. 18)',
      'Portability of the data you provided (Art. 20)',
      'Objection to processing based on legitimate interest (Art. 21)',
      'Withdrawal of consent at any time, without affecting what was done before (Art. 7(3))',
      'A complaint to the Italian supervisory authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it)',
    ],
    automated:
      'Automated decision-making: the AI chatbot generates its answers automatically, but this produces no legal effects and does not significantly affect you (Art. 22); its answers are informational only. We do not profile site visitors.',
    contact: (email: string) => `To exercise your rights, write to ${email}.`,
    portability: (bases: string[]) =>
      `This package holds only the data you provided to us yourself that we process on the basis of ${bases.join(' or of ')} (Art. 20(1)(a)). What we recorded ourselves or keep on another basis (how you reached the website, which we measured; the record of your cookie choices, which the law requires us to keep as proof of consent) is in the copy of your data (Art. 15), not here.`,
    portabilityNothing:
      'We hold no data that you provided yourself on the basis of your consent or of a contract: this package has no data file (Art. 20(1)(a)).',
  },
  it: {
    title: (k: string) =>
      k === 'access'
        ? 'I suoi dati personali: copia (art. 15 GDPR)'
        : 'I suoi dati personali in formato leggibile da dispositivo automatico (art. 20 GDPR)',
    intro: (f: ReadmeFacts) =>
      `${f.controller.name} (${f.controller.address}) risponde alla richiesta ${f.reference}. Questo pacchetto contiene i dati personali che trattiamo su ${f.subject}, aggiornati al ${romeDateTime(f.generatedAt, 'it')} (ora italiana).`,
    nothing: (f: ReadmeFacts) =>
      `Non trattiamo alcun dato personale su ${f.subject}. Abbiamo consultato tutti i nostri archivi il ${romeDateTime(f.generatedAt, 'it')} (ora italiana) senza trovare nulla che la riguardi.`,
    searchedBy: 'Abbiamo cercato per',
    what: 'Quali dati trattiamo, da dove provengono, perché e per quanto tempo',
    origin: 'Origine',
    purposes: 'Finalità',
    basis: 'Base giuridica',
    basisOf: (basis: string, fields: string[]) => `${basis}: ${fields.join(', ')}`,
    retention: 'Periodo di conservazione',
    receivedBy: 'Chi li ha ricevuti',
    noRecipient: 'nessuno al di fuori della società',
    empty: 'Archivi consultati senza trovare dati che la riguardano',
    kept: 'Cosa conserviamo e perché',
    nothingHeld: 'nessun dato',
    recipients: 'Destinatari e responsabili del trattamento',
    noRecipients: 'Nessun destinatario esterno alla società.',
    files: 'File contenuti nel pacchetto',
    filesNote:
      'Ogni fonte è fornita in JSON e in CSV, e in tabelle più avanti in questa pagina (README.html). manifest.json elenca ogni file con dimensione, numero di record e impronta SHA-256.',
    glossary: 'Che cosa significano le colonne dei file',
    data: 'I suoi dati',
    conversation: (started: string, provider: string) =>
      `Conversazione iniziata il ${started}; risposte generate da ${provider}`,
    yes: 'sì',
    no: 'no',
    rights: 'I suoi diritti',
    rightsList: [
      'Rettifica dei dati inesatti o incompleti (art. 16)',
      'Cancellazione ("diritto all\'oblio", art. 17)',
      'Limitazione del trattamento (art. 18)',
      'Portabilità dei dati da lei forniti (art. 20)',
      'Opposizione al trattamento basato sul legittimo interesse (art. 21)',
      'Revoca del consenso in qualsiasi momento, senza pregiudicare quanto fatto prima (art. 7, par. 3)',
      'Reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it)',
    ],
    automated:
      'Processi decisionali automatizzati: il chatbot AI genera le risposte in modo automatico, ma ciò non produce effetti giuridici né incide in modo significativo su di lei (art. 22); le risposte hanno carattere solo informativo. Non effettuiamo profilazione dei visitatori del sito.',
    contact: (email: string) => `Per esercitare i suoi diritti scriva a ${email}.`,
    portability: (bases: string[]) =>
      `Questo pacchetto contiene solo i dati che lei ci ha fornito e che trattiamo sulla base di: ${bases.join('; ')} (art. 20, par. 1, lett. a). Quanto abbiamo registrato noi o conserviamo su un'altra base (la provenienza della sua visita al sito, che abbiamo misurato noi; la registrazione delle sue scelte sui cookie, che la legge ci chiede di conservare come prova del consenso) è nella copia dei suoi dati (art. 15), non qui.`,
    portabilityNothing:
      'Non trattiamo dati che lei ci abbia fornito sulla base del consenso o di un contratto: questo pacchetto non contiene file di dati (art. 20, par. 1, lett. a).',
  },
} as const;

/** The words of the package in a language: the texts above, for the readable page (`export-page.ts`) too. */
export const packageWords = (language: Language) => T[language];

/** The controller's address in the reader's language. */
export const controllerAddress = (address: string, language: Language) =>
  address.replace(/, Italy$/, `, ${COUNTRY[language]}`);

/** The legal bases (Art. 6(1)) in the reader's words. */
export const basisWords = (basis: LegalBasis, language: Language) => BASES[language][basis];

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/;

/** Text as HTML: most cells of a package's readable page have nothing to escape, and are returned as they are. */
export const escapeHtml = (s: string | number | null | undefined) => {
  const text = String(s ?? '');
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]) : text;
};

const recipientLine = (r: Recipient, language: Language) =>
  `${r.name}: ${r.service}. ${r.location}. ${safeguardWords(r, language)}.`;

/** Every recipient of the package once, in order of name. */
const allRecipients = (f: ReadmeFacts) => {
  const byName = new Map<string, Recipient>();
  for (const s of f.sources) for (const r of s.recipients) byName.set(r.name, r);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
};

/** The bases of what a portability package holds, in words, each once. */
const portableBases = (f: ReadmeFacts, language: Language) => [
  ...new Set(f.sources.flatMap((s) => s.bases.map((b) => basisWords(b.basis, language)))),
];

export function readmeText(f: ReadmeFacts, language: Language): string {
  const t = T[language];
  // Held: a data file, or only excerpts of other people's records that mention the person (Art. 15(4)).
  const held = f.files.length > 0;
  const lines = [t.title(f.kind), '', held ? t.intro(f) : t.nothing(f), ''];
  if (f.searchedBy.length) lines.push(`${t.searchedBy}: ${f.searchedBy.join(', ')}.`, '');
  if (f.kind === 'portability') lines.push(held ? t.portability(portableBases(f, language)) : t.portabilityNothing, '');
  if (f.sources.length) {
    lines.push(`== ${t.what} ==`, '');
    for (const s of f.sources) {
      lines.push(`* ${s.label} (${recordCount(s.records, language)})`);
      lines.push(`  ${t.origin}: ${s.origin}`);
      if (s.purposes.length) lines.push(`  ${t.purposes}: ${s.purposes.join('; ')}`);
      for (const b of s.bases) lines.push(`  ${t.basis}: ${t.basisOf(basisWords(b.basis, language), b.fields)}`);
      lines.push(`  ${t.retention}: ${s.retention ?? '-'}`);
      lines.push(
        `  ${t.receivedBy}: ${s.recipients.length ? s.recipients.map((r) => r.name).join(', ') : t.noRecipient}`,
        '',
      );
    }
  }
  if (f.kept.length) {
    lines.push(`== ${t.kept} ==`, '');
    for (const line of f.kept) lines.push(`* ${line}`);
    lines.push('');
  }
  if (f.empty.length) {
    lines.push(`== ${t.empty} ==`, '');
    for (const e of f.empty) lines.push(`* ${e.label}: ${e.why ?? t.nothingHeld}`);
    lines.push('');
  }
  if (held) {
    lines.push(`== ${t.recipients} ==`, '');
    const recipients = allRecipients(f);
    if (recipients.length) for (const r of recipients) lines.push(`* ${recipientLine(r, language)}`);
    else lines.push(t.noRecipients);
    lines.push('', `== ${t.files} ==`, '', t.filesNote, '');
    for (const file of f.files) lines.push(`* ${file.path} (${recordCount(file.records, language)})`);
    lines.push('', `== ${t.glossary} ==`, '');
    for (const g of f.glossary) {
      lines.push(`${g.label} (${g.file}):`);
      for (const [column, meaning] of g.entries) lines.push(`  ${column}: ${meaning}`);
      lines.push('');
    }
  }
  lines.push(`== ${t.rights} ==`, '');
  for (const right of t.rightsList) lines.push(`* ${right}`);
  lines.push('', t.automated, '', t.contact(f.controller.email), '');
  return lines.join('\n');
}

/**
 * README.html around the readable copy of the data (`export-page.ts`), which goes between `head`
 * and `tail`: the data can be far larger than anything kept in memory.
 */
export function readmeHtmlParts(f: ReadmeFacts, language: Language): { head: string; tail: string } {
  const t = T[language];
  const e = escapeHtml;
  const held = f.files.length > 0;
  const sources = f.sources
    .map(
      (s) => `<section><h3>${e(s.label)} <small>(${recordCount(s.records, language)})</small></h3><dl>
<dt>${t.origin}</dt><dd>${e(s.origin)}</dd>
${s.purposes.length ? `<dt>${t.purposes}</dt><dd>${s.purposes.map(e).join('<br>')}</dd>` : ''}
${s.bases.length ? `<dt>${t.basis}</dt><dd>${s.bases.map((b) => e(t.basisOf(basisWords(b.basis, language), b.fields))).join('<br>')}</dd>` : ''}
<dt>${t.retention}</dt><dd>${e(s.retention ?? '-')}</dd>
<dt>${t.receivedBy}</dt><dd>${s.recipients.length ? s.recipients.map((r) => e(r.name)).join(', ') : t.noRecipient}</dd></dl></section>`,
    )
    .join('\n');
  const recipients = allRecipients(f);
  const empty = f.empty.length
    ? `<h2>${t.empty}</h2><ul>${f.empty.map((x) => `<li>${e(x.label)}: ${e(x.why ?? t.nothingHeld)}</li>`).join('')}</ul>`
    : '';
  const kept = f.kept.length
    ? `<h2>${t.kept}</h2><ul>${f.kept.map((line) => `<li>${e(line)}</li>`).join('')}</ul>`
    : '';
  const glossary = f.glossary
    .map(
      (g) =>
        `<h3>${e(g.label)} <small><code>${e(g.file)}</code></small></h3><dl>${g.entries.map(([c, m]) => `<dt><code>${e(c)}</code></dt><dd>${e(m)}</dd>`).join('')}</dl>`,
    )
    .join('\n');
  const head = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${e(t.title(f.kind))}</title>
<style>body{font-family:system-ui,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2b33}h1{color:#1f4e5f;font-size:1.5rem}h2{color:#1f4e5f;font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}small{color:#667}table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccd;padding:.2rem .4rem;text-align:left;vertical-align:top}.msg{margin:.3rem 0;padding:.3rem .6rem;border-radius:.4rem;background:#eef3f5}.msg.own{background:#e3efe0}.msg b{display:block;font-size:.8rem;color:#445}</style>
</head><body>
<h1>${e(t.title(f.kind))}</h1>
<p>${e(held ? t.intro(f) : t.nothing(f))}</p>
${f.searchedBy.length ? `<p>${e(`${t.searchedBy}: ${f.searchedBy.join(', ')}.`)}</p>` : ''}
${f.kind === 'portability' ? `<p>${e(held ? t.portability(portableBases(f, language)) : t.portabilityNothing)}</p>` : ''}
${f.sources.length ? `<h2>${t.what}</h2>\n${sources}` : ''}
${kept}
${empty}
${
  held
    ? `<h2>${t.recipients}</h2>
${recipients.length ? `<ul>${recipients.map((r) => `<li><strong>${e(r.name)}</strong>: ${e(`${r.service}. ${r.location}. ${safeguardWords(r, language)}.`)}</li>`).join('')}</ul>` : `<p>${t.noRecipients}</p>`}
<h2>${t.files}</h2>
<p>${t.filesNote}</p>
<ul>${f.files.map((file) => `<li><code>${e(file.path)}</code> (${recordCount(file.records, language)})</li>`).join('')}</ul>
<h2>${t.glossary}</h2>
${glossary}`
    : ''
}
<h2>${t.rights}</h2>
<ul>${t.rightsList.map((r) => `<li>${e(r)}</li>`).join('')}</ul>
<p>${e(t.automated)}</p>
<p>${e(t.contact(f.controller.email))}</p>
${held ? `<h2>${t.data}</h2>\n` : ''}`;
  return { head, tail: '</body></html>\n' };
}

/** README.html with the readable copy of the data given whole (tests, small packages). */
export function readmeHtml(f: ReadmeFacts, language: Language, data = ''): string {
  const { head, tail } = readmeHtmlParts(f, language);
  return head + data + tail;
}
