import { CONTROLLER } from '../registers/activities/record-of-processing';
import { escapeHtml as escape, renderPrintablePage, tableRow } from '../registers/printable-page';
import type { PresentedBreach } from './breach.presenter';

/**
 * The register of personal-data breaches (GDPR Art. 33(5): "the facts relating to the personal
 * data breach, its effects and the remedial action taken", and the decisions with their
 * reasons) as one printable page in Italian or English, and its CSV columns. The labels follow
 * the language; the entries are printed as written in the register.
 */

export type RegisterLanguage = 'it' | 'en';

const LABELS = {
  it: {
    title: 'Registro delle violazioni dei dati personali',
    subtitle: 'Art. 33, par. 5, Regolamento (UE) 2016/679',
    controller: 'Titolare del trattamento',
    generated: 'Generato il',
    count: 'Violazioni registrate',
    none: 'Nessuna violazione registrata.',
    empty: 'Non indicato',
    description: 'Fatti',
    when: 'Periodo della violazione',
    ongoing: 'in corso',
    from: 'dal',
    to: 'al',
    aware: 'Conoscenza della violazione',
    deadline: 'Termine di 72 ore',
    nature: 'Natura',
    natures: { confidentiality: 'riservatezza', integrity: 'integrità', availability: 'disponibilità' },
    sources: 'Sistemi coinvolti',
    processors: 'Responsabili coinvolti',
    processorNotice: 'comunicazione del responsabile il',
    categories: 'Categorie di dati',
    numbers: 'Numero approssimativo di interessati / di registrazioni',
    consequences: 'Probabili conseguenze',
    measuresTaken: 'Misure adottate',
    measuresProposed: 'Misure proposte',
    risk: 'Valutazione del rischio',
    risks: {
      none: 'improbabile che presenti un rischio',
      risk: 'rischio per i diritti e le libertà delle persone',
      high: 'rischio elevato per i diritti e le libertà delle persone',
    },
    notAssessed: 'non ancora valutato',
    notifications: 'Notifiche al Garante',
    initial: 'iniziale',
    supplementary: 'integrativa',
    protocol: 'protocollo',
    delay: 'motivi del ritardo',
    decisions: 'Decisioni',
    kinds: {
      notify_authority: 'notificare al Garante',
      not_notify_authority: 'non notificare al Garante',
      communicate_subjects: 'comunicare agli interessati',
      not_communicate_subjects: 'non comunicare agli interessati',
    },
    decidedBy: 'deciso da',
    reason: 'motivazione',
    status: 'Stato',
    statuses: { open: 'aperta', closed: 'chiusa' },
    locale: 'it-IT',
  },
  en: {
    title: 'Register of personal data breaches',
    subtitle: 'Article 33(5), Regulation (EU) 2016/679',
    controller: 'Controller',
    generated: 'Generated on',
    count: 'Breaches recorded',
    none: 'No breach recorded.',
    empty: 'Not stated',
    description: 'Facts',
    when: 'When it happened',
    ongoing: 'ongoing',
    from: 'from',
    to: 'to',
    aware: 'Became aware',
    deadline: '72-hour deadline',
    nature: 'Nature',
    natures: { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability' },
    sources: 'Systems involved',
    processors: 'Processors involved',
    processorNotice: "processor's notice on",
    categories: 'Categories of data',
    numbers: 'Approximate number of people / records',
    consequences: 'Likely consequences',
    measuresTaken: 'Measures taken',
    measuresProposed: 'Measures proposed',
    risk: 'Risk assessment',
    risks: {
      none: 'unlikely to result in a risk',
      risk: 'risk to people’s rights and freedoms',
      high: 'high risk to people’s rights and freedoms',
    },
    notAssessed: 'not yet assessed',
    notifications: 'Notifications to the Garante',
    initial: 'initial',
    supplementary: 'supplementary',
    protocol: 'protocol',
    delay: 'reasons for the delay',
    decisions: 'Decisions',
    kinds: {
      notify_authority: 'notify the Garante',
      not_notify_authority: 'not notify the Garante',
      communicate_subjects: 'tell the people affected',
      not_communicate_subjects: 'not tell the people affected',
    },
    decidedBy: 'decided by',
    reason: 'reason',
    status: 'Status',
    statuses: { open: 'open', closed: 'closed' },
    locale: 'en-GB',
  },
} as const;

export function renderBreachRegister(
  breaches: PresentedBreach[],
  language: RegisterLanguage,
  now = new Date(),
): string {
  const t = LABELS[language];
  const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' });
  const at = (iso: string | null) =>
    iso ? escape(when.format(new Date(iso))) : `<span class="muted">${t.empty}</span>`;
  const text = (v: string | null) => (v ? `<p>${escape(v)}</p>` : `<p class="muted">${t.empty}</p>`);
  const row = tableRow;
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p class="muted">${t.empty}</p>`;

  const sections = breaches
    .map(
      (b, i) => `
  <section class="breach">
    <h2>${i + 1}. ${escape(b.title)} <span class="status">${t.statuses[b.status]}</span></h2>
    <table>
      ${row(t.description, text(b.description))}
      ${row(t.when, `${t.from} ${at(b.startedAt)} ${b.ongoing ? `&mdash; ${t.ongoing}` : b.endedAt ? `${t.to} ${at(b.endedAt)}` : ''}`)}
      ${row(t.aware, at(b.awareAt))}
      ${row(t.deadline, at(b.clock.deadline))}
      ${row(t.nature, escape(b.nature.map((n) => t.natures[n]).join(', ')))}
      ${row(t.sources, list(b.sources.map((s) => `<code>${escape(s)}</code>`)))}
      ${row(t.processors, list(b.processors.map((p) => `${escape(p.name ?? p.processorId)}${p.noticeAt ? ` &mdash; ${t.processorNotice} ${at(p.noticeAt)}` : ''}${p.notes ? `: ${escape(p.notes)}` : ''}`)))}
      ${row(t.categories, list(b.dataCategories.map(escape)))}
      ${row(t.numbers, `${escape(b.subjectsApprox ?? '?')} / ${escape(b.recordsApprox ?? '?')}`)}
      ${row(t.consequences, text(b.consequences))}
      ${row(t.measuresTaken, text(b.measuresTaken))}
      ${row(t.measuresProposed, text(b.measuresProposed))}
      ${row(t.risk, `<p><strong>${b.riskLevel ? t.risks[b.riskLevel] : t.notAssessed}</strong></p>${b.riskReasoning ? `<p class="note">${escape(b.riskReasoning)}</p>` : ''}`)}
      ${row(
        t.notifications,
        list(
          b.notifications.map(
            (n) =>
              `${at(n.at)} &mdash; ${n.kind === 'initial' ? t.initial : t.supplementary}, ${t.protocol} ${escape(n.protocolNumber)}${n.delayReasons ? `<br><span class="note">${t.delay}: ${escape(n.delayReasons)}</span>` : ''}${n.notes ? `<br><span class="note">${escape(n.notes)}</span>` : ''}`,
          ),
        ),
      )}
      ${row(t.decisions, list(b.decisions.map((d) => `${at(d.decidedAt)} &mdash; <strong>${t.kinds[d.kind]}</strong>, ${t.decidedBy} ${escape(d.decidedBy)}${d.reason ? `<br><span class="note">${t.reason}: ${escape(d.reason)}</span>` : ''}`)))}
    </table>
  </section>`,
    )
    .join('\n');

  return renderPrintablePage({
    language,
    title: t.title,
    subtitle: t.subtitle,
    controller: `<p><strong>${t.controller}:</strong> ${escape(CONTROLLER.name)} &mdash; ${escape(CONTROLLER.address)} &mdash; ${escape(CONTROLLER.email)}</p>`,
    main: `<p><strong>${t.count}:</strong> ${breaches.length}</p>
  ${breaches.length ? sections : `<p class="muted">${t.none}</p>`}`,
    generated: `${t.generated} ${when.format(now)}`,
  });
}

/** The CSV of the register: header and how to read each column from the presented breach. */
export const BREACH_CSV_COLUMNS: Array<[string, (b: PresentedBreach) => unknown]> = [
  ['Title', (b) => b.title],
  ['Status', (b) => b.status],
  ['Description', (b) => b.description],
  ['Started at', (b) => b.startedAt],
  ['Ended at', (b) => b.endedAt],
  ['Ongoing', (b) => (b.ongoing ? 'yes' : 'no')],
  ['Aware at', (b) => b.awareAt],
  ['72-hour deadline', (b) => b.clock.deadline],
  ['Clock', (b) => b.clock.state],
  ['Nature', (b) => b.nature],
  ['Sources', (b) => b.sources],
  [
    'Processors',
    (b) => b.processors.map((p) => `${p.name ?? p.processorId}${p.noticeAt ? ` (notice ${p.noticeAt})` : ''}`),
  ],
  ['Data categories', (b) => b.dataCategories],
  ['People (approx.)', (b) => b.subjectsApprox],
  ['Records (approx.)', (b) => b.recordsApprox],
  ['Likely consequences', (b) => b.consequences],
  ['Measures taken', (b) => b.measuresTaken],
  ['Measures proposed', (b) => b.measuresProposed],
  ['Risk', (b) => b.riskLevel],
  ['Risk reasoning', (b) => b.riskReasoning],
  [
    'Notifications',
    (b) =>
      b.notifications.map(
        (n) => `${n.kind} ${n.at} protocol ${n.protocolNumber}${n.delayReasons ? ` delay: ${n.delayReasons}` : ''}`,
      ),
  ],
  [
    'Decisions',
    (b) => b.decisions.map((d) => `${d.kind} ${d.decidedAt} by ${d.decidedBy}${d.reason ? `: ${d.reason}` : ''}`),
  ],
  ['Contact point', (b) => `${b.contactName}, ${b.contactDetails}`],
];
