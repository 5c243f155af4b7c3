import type { Language } from '../requests/request.entity';

/**
 * The words of the README that goes with an access package (GDPR Art. 15(1) and (2)), in the
 * request's language. Facts about processors and retention come from the registers.
 */

export interface ReadmeFacts {
  reference: string;
  kind: 'access' | 'portability';
  subject: string;
  generatedAt: Date;
  controller: { name: string; address: string; email: string };
  sources: Array<{
    source: string;
    label: string;
    records: number;
    origin: string;
    purposes: string[];
    legalBases: string[];
    retention: string | null;
  }>;
  recipients: Array<{ name: string; service: string; location: string; safeguard: string }>;
  files: Array<{ path: string; records: number }>;
}

const T = {
  en: {
    title: (k: string) =>
      k === 'access'
        ? 'Your personal data: a copy (GDPR Article 15)'
        : 'Your personal data in a machine-readable format (GDPR Article 20)',
    intro: (f: ReadmeFacts) =>
      `${f.controller.name} (${f.controller.address}) answers request ${f.reference}. This package holds the personal data we hold about ${f.subject}, as of ${f.generatedAt.toISOString()}.`,
    what: 'What we hold, where it came from, why and for how long',
    records: 'records',
    origin: 'Where it came from',
    purposes: 'Purposes',
    basis: 'Legal basis',
    retention: 'How long we keep it',
    recipients: 'Recipients and sub-processors',
    noRecipients: 'No recipient outside the company.',
    files: 'Files in this package',
    filesNote:
      'Each source is given as JSON and as CSV. manifest.json lists every file with its size, number of records and SHA-256 checksum.',
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
    portability:
      'This package holds only the data you provided to us yourself, on the basis of your consent or of a contract: what you typed in the contact form, your own chat messages, your cookie choices and the appointments you created.',
  },
  it: {
    title: (k: string) =>
      k === 'access'
        ? 'I suoi dati personali: copia (art. 15 GDPR)'
        : 'I suoi dati personali in formato leggibile da dispositivo automatico (art. 20 GDPR)',
    intro: (f: ReadmeFacts) =>
      `${f.controller.name} (${f.controller.address}) risponde alla richiesta ${f.reference}. Questo pacchetto contiene i dati personali che trattiamo su ${f.subject}, aggiornati al ${f.generatedAt.toISOString()}.`,
    what: 'Quali dati trattiamo, da dove provengono, perché e per quanto tempo',
    records: 'record',
    origin: 'Origine',
    purposes: 'Finalità',
    basis: 'Base giuridica',
    retention: 'Periodo di conservazione',
    recipients: 'Destinatari e responsabili del trattamento',
    noRecipients: 'Nessun destinatario esterno alla società.',
    files: 'File contenuti nel pacchetto',
    filesNote:
      'Ogni fonte è fornita in JSON e in CSV. manifest.json elenca ogni file con dimensione, numero di record e impronta SHA-256.',
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
    portability:
      'Questo pacchetto contiene solo i dati che lei ci ha fornito, sulla base del consenso o di un contratto: quanto scritto nel modulo di contatto, i suoi messaggi in chat, le sue scelte sui cookie e gli appuntamenti da lei creati.',
  },
} as const;

const escape = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function readmeText(f: ReadmeFacts, language: Language): string {
  const t = T[language];
  const lines = [t.title(f.kind), '', t.intro(f), ''];
  if (f.kind === 'portability') lines.push(t.portability, '');
  lines.push(`== ${t.what} ==`, '');
  for (const s of f.sources) {
    lines.push(`* ${s.label} (${s.records} ${t.records})`);
    lines.push(`  ${t.origin}: ${s.origin}`);
    if (s.purposes.length) lines.push(`  ${t.purposes}: ${s.purposes.join('; ')}`);
    if (s.legalBases.length) lines.push(`  ${t.basis}: ${s.legalBases.join('; ')}`);
    lines.push(`  ${t.retention}: ${s.retention ?? '-'}`, '');
  }
  lines.push(`== ${t.recipients} ==`, '');
  if (f.recipients.length)
    for (const r of f.recipients) lines.push(`* ${r.name}: ${r.service}. ${r.location}. ${r.safeguard}`);
  else lines.push(t.noRecipients);
  lines.push('', `== ${t.files} ==`, '', t.filesNote, '');
  for (const file of f.files) lines.push(`* ${file.path} (${file.records} ${t.records})`);
  lines.push('', `== ${t.rights} ==`, '');
  for (const right of t.rightsList) lines.push(`* ${right}`);
  lines.push('', t.automated, '', t.contact(f.controller.email), '');
  return lines.join('\n');
}

export function readmeHtml(f: ReadmeFacts, language: Language): string {
  const t = T[language];
  const sources = f.sources
    .map(
      (s) => `<section><h3>${escape(s.label)} <small>(${s.records} ${t.records})</small></h3><dl>
<dt>${t.origin}</dt><dd>${escape(s.origin)}</dd>
${s.purposes.length ? `<dt>${t.purposes}</dt><dd>${s.purposes.map(escape).join('<br>')}</dd>` : ''}
${s.legalBases.length ? `<dt>${t.basis}</dt><dd>${s.legalBases.map(escape).join('<br>')}</dd>` : ''}
<dt>${t.retention}</dt><dd>${escape(s.retention ?? '-')}</dd></dl></section>`,
    )
    .join('\n');
  const recipients = f.recipients.length
    ? `<ul>${f.recipients.map((r) => `<li><strong>${escape(r.name)}</strong>: ${escape(r.service)}. ${escape(r.location)}. ${escape(r.safeguard)}</li>`).join('')}</ul>`
    : `<p>${t.noRecipients}</p>`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escape(t.title(f.kind))}</title>
<style>body{font-family:system-ui,Arial,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2b33}h1{color:#1f4e5f;font-size:1.5rem}h2{color:#1f4e5f;font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}small{color:#667}</style>
</head><body>
<h1>${escape(t.title(f.kind))}</h1>
<p>${escape(t.intro(f))}</p>
${f.kind === 'portability' ? `<p>${escape(t.portability)}</p>` : ''}
<h2>${t.what}</h2>
${sources}
<h2>${t.recipients}</h2>
${recipients}
<h2>${t.files}</h2>
<p>${t.filesNote}</p>
<ul>${f.files.map((file) => `<li><code>${escape(file.path)}</code> (${file.records} ${t.records})</li>`).join('')}</ul>
<h2>${t.rights}</h2>
<ul>${t.rightsList.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>
<p>${escape(t.automated)}</p>
<p>${escape(t.contact(f.controller.email))}</p>
</body></html>
`;
}
