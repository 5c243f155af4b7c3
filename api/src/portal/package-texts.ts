import type { Language } from '../requests/request.entity';
import type { PackageKind } from './package.entity';

/**
 * The words of a package's download page and of the paragraph its e-mail adds, in Italian and
 * English (the portal's other words are in portal-texts.ts). The pages never show the person's
 * name or e-mail address: whoever holds the link without the mailbox learns nothing from it.
 */

const IT = {
  package_title: 'Scarichi i suoi dati',
  package_intro: '{controller} ha preparato quanto ha chiesto con la richiesta {reference}: {kind}.',
  package_size: 'Dimensione',
  package_until: 'Disponibile fino al',
  package_how:
    'Per scaricarlo serve un codice di 6 cifre, che inviamo all’indirizzo e-mail a cui abbiamo mandato questo link. Il codice vale {minutes} minuti e serve per un solo download.',
  package_send_code: 'Inviatemi il codice',
  package_new_code: 'Inviatemi un nuovo codice',
  package_code_sent: 'Le abbiamo inviato il codice per e-mail. Lo inserisca qui sotto entro {minutes} minuti.',
  package_code_label: 'Codice di 6 cifre',
  package_download: 'Scarica il file ZIP',
  package_code_wrong: 'Il codice non è corretto. Tentativi rimasti: {left}.',
  package_code_expired: 'Il codice è scaduto. Chieda un nuovo codice.',
  package_code_locked: 'Troppi tentativi errati: questo codice non è più valido. Chieda un nuovo codice.',
  package_code_missing: 'Chieda prima il codice: lo riceverà per e-mail.',
  package_keep_safe:
    'Il file contiene i suoi dati personali: lo conservi in un luogo sicuro. Il file README.html al suo interno spiega ogni file.',
  package_expired_title: 'Questo link è scaduto',
  package_expired:
    'Il download non è più disponibile e il file viene cancellato dai nostri sistemi. Se le servono ancora i suoi dati, scriva a {email} indicando il riferimento {reference}.',
  package_code_mail_subject: 'Il codice per scaricare i suoi dati: {code}',
  package_code_mail_body:
    'Buongiorno,\n\nper scaricare i suoi dati da {controller} inserisca questo codice nella pagina da cui l’ha chiesto:\n\n{code}\n\nIl codice vale {minutes} minuti e serve per un solo download. Se non l’ha chiesto lei, ignori questo messaggio: senza il codice il file non si scarica.\n\n{controller}\n{email}',
  package_paragraph:
    'Può scaricare il file a questo indirizzo personale fino al {until}. Quando lo apre, le invieremo a questo indirizzo e-mail un codice da inserire per il download. Non condivida l’indirizzo con altri:\n{link}',
} as const;

export type PackageTextKey = keyof typeof IT;

const EN: Record<PackageTextKey, string> = {
  package_title: 'Download your data',
  package_intro: '{controller} has prepared what you asked for with request {reference}: {kind}.',
  package_size: 'Size',
  package_until: 'Available until',
  package_how:
    'To download it you need a 6-digit code, which we send to the e-mail address this link was sent to. The code is valid for {minutes} minutes and works for one download.',
  package_send_code: 'Send me the code',
  package_new_code: 'Send me a new code',
  package_code_sent: 'We have sent you the code by e-mail. Enter it below within {minutes} minutes.',
  package_code_label: '6-digit code',
  package_download: 'Download the ZIP file',
  package_code_wrong: 'The code is not correct. Tries left: {left}.',
  package_code_expired: 'The code has expired. Ask for a new code.',
  package_code_locked: 'Too many wrong tries: this code no longer works. Ask for a new code.',
  package_code_missing: 'Ask for the code first: you will receive it by e-mail.',
  package_keep_safe:
    'The file holds your personal data: keep it somewhere safe. The README.html file inside explains each file.',
  package_expired_title: 'This link has expired',
  package_expired:
    'The download is no longer available and the file is being deleted from our systems. If you still need your data, write to {email} quoting the reference {reference}.',
  package_code_mail_subject: 'The code to download your data: {code}',
  package_code_mail_body:
    'Hello,\n\nTo download your data from {controller}, enter this code on the page you asked for it from:\n\n{code}\n\nThe code is valid for {minutes} minutes and works for one download. If you did not ask for it, ignore this message: without the code the file cannot be downloaded.\n\n{controller}\n{email}',
  package_paragraph:
    'You can download the file at this personal address until {until}. When you open it, we will send a code to this e-mail address to enter for the download. Do not share the address with anyone:\n{link}',
};

const TEXTS: Record<Language, Record<PackageTextKey, string>> = { it: IT, en: EN };

export const PACKAGE_KIND_NAMES: Record<Language, Record<PackageKind, string>> = {
  it: {
    access: 'copia dei dati personali (accesso, art. 15 GDPR)',
    portability: 'dati in formato strutturato e leggibile da dispositivo automatico (portabilità, art. 20 GDPR)',
  },
  en: {
    access: 'a copy of your personal data (access, GDPR Art. 15)',
    portability: 'your data in a structured, machine-readable format (portability, GDPR Art. 20)',
  },
};

/** A package text in `language`, with `{name}` placeholders filled. */
export function packageText(
  language: Language,
  key: PackageTextKey,
  values: Record<string, string | number> = {},
): string {
  return TEXTS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

export function packageTextKeys(): PackageTextKey[] {
  return Object.keys(IT) as PackageTextKey[];
}

/** A moment as the subject reads it, in Rome: "10 dicembre 2026 alle ore 11:20", "10 December 2026 at 11:20". */
export function formatMoment(language: Language, date: Date): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  }).format(date);
}

/** A file's size in the reader's words (KB, MB, with the reader's decimal mark). */
export function formatSize(language: Language, bytes: number): string {
  const locale = language === 'it' ? 'it-IT' : 'en-GB';
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}
