import { escapeHtml as escape, renderPrintablePage, tableRow } from '../printable-page';
import { controllerAddress } from '../../exports/export-texts';
import { twinList, twinText } from '../twins';
import type { presentActivity } from './activities.register';

/**
 * The record of processing activities (GDPR Art. 30(1)) as one printable HTML page, in
 * Italian or English: what an auditor reads. A plain function from the register's data.
 */

export type RecordLanguage = 'it' | 'en';
type Activity = ReturnType<typeof presentActivity> & {
  processors: Array<{
    name: string;
    country: string;
    location: string;
    locationIt?: string | null;
    locationEn?: string | null;
    transferMechanism: string;
    service?: string;
    transferNotes?: string | null;
  }>;
};

/** The controller, as its privacy policy names it (section 1). */
export const CONTROLLER = {
  name: 'Vimage Srl',
  vat: '03654120272',
  address: 'Via Scortegara 173, 30035 Mirano (VE), Italy',
  email: 'privacy@vimage.it',
};

const LABELS = {
  it: {
    title: 'Registro delle attività di trattamento',
    subtitle: 'Art. 30, par. 1, Regolamento (UE) 2016/679',
    controller: 'Titolare del trattamento',
    vat: 'P. IVA / C.F.',
    dpo: 'Responsabile della protezione dei dati: non nominato (art. 37 GDPR non applicabile)',
    generated: 'Generato il',
    activities: 'Attività di trattamento',
    purposes: 'Finalità',
    basis: 'Base giuridica',
    consentCategory: 'Categoria di consenso',
    subjects: 'Categorie di interessati',
    data: 'Categorie di dati personali',
    recipients: 'Destinatari e responsabili (art. 28)',
    transfers: 'Trasferimenti verso paesi terzi e garanzie',
    retention: 'Termini di conservazione',
    security: 'Misure di sicurezza tecniche e organizzative',
    source: 'Sistema di origine',
    none: 'Nessuno',
    notStated: 'Non indicato',
    onlyEnglish: 'testo disponibile solo in inglese: la traduzione italiana non è ancora stata scritta',
    retentionMissing: 'MANCANTE: nessun termine di conservazione registrato (art. 30, par. 1, lett. f)',
    mechanisms: {
      none: 'nessun trasferimento extra UE',
      scc: 'Clausole contrattuali tipo (2021/914)',
      dpf: 'EU-US Data Privacy Framework',
      scc_dpf: 'Clausole contrattuali tipo + EU-US Data Privacy Framework',
      other: 'da verificare',
    },
    bases: {
      consent: 'Consenso (art. 6.1.a)',
      contract: 'Esecuzione di un contratto (art. 6.1.b)',
      legal_obligation: 'Obbligo legale (art. 6.1.c)',
      vital_interests: 'Interessi vitali (art. 6.1.d)',
      public_task: 'Compito di interesse pubblico (art. 6.1.e)',
      legitimate_interests: 'Legittimo interesse (art. 6.1.f)',
    },
  },
  en: {
    title: 'Record of processing activities',
    subtitle: 'Article 30(1), Regulation (EU) 2016/679',
    controller: 'Controller',
    vat: 'VAT / Tax code',
    dpo: 'Data protection officer: not appointed (GDPR Art. 37 does not apply)',
    generated: 'Generated on',
    activities: 'Processing activities',
    purposes: 'Purposes',
    basis: 'Legal basis',
    consentCategory: 'Consent category',
    subjects: 'Categories of data subjects',
    data: 'Categories of personal data',
    recipients: 'Recipients and processors (Art. 28)',
    transfers: 'Transfers to third countries and safeguards',
    retention: 'Time limits for erasure',
    security: 'Technical and organisational security measures',
    source: 'Source system',
    none: 'None',
    notStated: 'Not stated',
    onlyEnglish: 'text available in Italian only: the English translation has not been written yet',
    retentionMissing: 'MISSING: no retention period recorded (Art. 30(1)(f))',
    mechanisms: {
      none: 'no transfer outside the EU',
      scc: 'Standard Contractual Clauses (2021/914)',
      dpf: 'EU-US Data Privacy Framework',
      scc_dpf: 'Standard Contractual Clauses + EU-US Data Privacy Framework',
      other: 'to be verified',
    },
    bases: {
      consent: 'Consent (Art. 6(1)(a))',
      contract: 'Performance of a contract (Art. 6(1)(b))',
      legal_obligation: 'Legal obligation (Art. 6(1)(c))',
      vital_interests: 'Vital interests (Art. 6(1)(d))',
      public_task: 'Public task (Art. 6(1)(e))',
      legitimate_interests: 'Legitimate interests (Art. 6(1)(f))',
    },
  },
} as const;

export function renderRecordOfProcessing(activities: Activity[], language: RecordLanguage, now = new Date()): string {
  const t = LABELS[language];
  const other = language === 'it' ? 'en' : 'it';
  // A text the officer left empty in this language is printed in the other one, marked as such.
  const fallbackNote = (fallback: boolean) => (fallback ? ` <span class="fallback">(${t.onlyEnglish})</span>` : '');
  const inOther = (html: string, fallback: boolean) =>
    fallback ? `<span lang="${other}">${html}</span>${fallbackNote(true)}` : html;
  const list = (record: Record<string, unknown>, field: string) => {
    const { items, fallback } = twinList(record, field, language);
    return items.length
      ? `<ul${fallback ? ` lang="${other}"` : ''}>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>${fallback ? `<p>${fallbackNote(true)}</p>` : ''}`
      : `<p class="muted">${t.none}</p>`;
  };
  const row = tableRow;
  const text = (record: Record<string, unknown>, field: string, cls = '') => {
    const { text: value, fallback } = twinText(record, field, language);
    return value
      ? `<p${cls ? ` class="${cls}"` : ''}>${inOther(escape(value), fallback)}</p>`
      : cls
        ? ''
        : `<p class="muted">${t.notStated}</p>`;
  };
  const words = (record: Record<string, unknown>, field: string) => {
    const { text: value, fallback } = twinText(record, field, language);
    return inOther(escape(value ?? ''), fallback);
  };
  const date = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(now);

  const sections = activities
    .map(
      (a, i) => `
  <section class="activity">
    <h2>${i + 1}. ${words(a, 'name')}</h2>
    <table>
      ${row(t.purposes, text(a, 'purposes'))}
      ${row(t.basis, `<p>${escape(t.bases[a.legalBasis])}${a.consentCategory ? ` &mdash; ${t.consentCategory}: <code>${escape(a.consentCategory)}</code>` : ''}</p>${text(a, 'legalBasisNotes', 'note')}`)}
      ${row(t.subjects, list(a, 'subjectCategories'))}
      ${row(t.data, list(a, 'dataCategories'))}
      ${row(
        t.recipients,
        a.processors.length
          ? `<ul>${a.processors.map((p) => `<li><strong>${escape(p.name)}</strong> &mdash; ${words(p, 'location')} (${escape(p.country)}): ${escape(t.mechanisms[p.transferMechanism] ?? p.transferMechanism)}</li>`).join('')}</ul>`
          : `<p class="muted">${t.none}</p>`,
      )}
      ${row(t.transfers, text(a, 'transfers'))}
      ${row(t.retention, a.retention ? text(a.retention, 'periodText') : `<p class="missing">${t.retentionMissing}</p>`)}
      ${row(t.security, text(a, 'securityMeasures'))}
      ${a.sourceSystem ? row(t.source, `<p><code>${escape(a.sourceSystem)}</code></p>`) : ''}
    </table>
  </section>`,
    )
    .join('\n');

  return renderPrintablePage({
    language,
    title: t.title,
    subtitle: t.subtitle,
    controller: `<dl class="controller">
    <dt>${t.controller}</dt><dd>${escape(CONTROLLER.name)} &mdash; ${escape(controllerAddress(CONTROLLER.address, language))}</dd>
    <dt>${t.vat}</dt><dd>${escape(CONTROLLER.vat)}</dd>
    <dt>E-mail</dt><dd>${escape(CONTROLLER.email)}</dd>
  </dl>
  <p class="note">${t.dpo}</p>`,
    main: `<p><strong>${t.activities}:</strong> ${activities.length}</p>
  ${sections}`,
    generated: `${t.generated} ${date}`,
  });
}

/** A legal basis in words, e.g. "Consenso (art. 6.1.a)". */
export function legalBasisWords(basis: string, language: RecordLanguage): string {
  return (LABELS[language].bases as Record<string, string>)[basis] ?? basis;
}
