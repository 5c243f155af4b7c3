import { CONTROLLER } from '../registers/activities/record-of-processing';
import { escapeHtml as esc } from '../registers/printable-page';
import { REQUEST_TYPES, type Language, type RequestStatus, type RequestType } from '../requests/request.entity';
import { CODE, FIELD_LIMITS, type FieldProblem, type Submission } from './portal-rules';
import { choiceText } from './portal-choices-texts';
import { attachmentsField, fieldAria, formEnd, nameAndEmailFields, noSendingCard, problemList } from './portal-widgets';
import { FIELD_PROBLEMS, formatDate, RIGHT_NAMES, STATUS_NAMES, text, type TextKey } from './portal-texts';

/**
 * The portal's pages as server-rendered HTML: they work without JavaScript and carry none, and
 * everything a person typed is escaped. Each page names the company and offers the other language.
 */

/** The company's facts as a page quotes them; the country in the page's language. */
export function facts(language: Language): Record<string, string> {
  return {
    controller: CONTROLLER.name,
    address: language === 'it' ? CONTROLLER.address.replace(/, Italy$/, ', Italia') : CONTROLLER.address,
    vat: CONTROLLER.vat,
    email: CONTROLLER.email,
  };
}

interface Layout {
  language: Language;
  title: string;
  /** The same page in the other language (path and query, no host). */
  otherLanguageHref: string;
  body: string;
}

export function layout({ language, title, otherLanguageHref, body }: Layout): string {
  const other: Language = language === 'it' ? 'en' : 'it';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} — ${esc(CONTROLLER.name)}</title>
<link rel="stylesheet" href="/privacy/portal.css">
</head>
<body>
<a class="skip" href="#main">${esc(text(language, 'skip'))}</a>
<header class="site"><div class="bar">
<p class="company">${esc(CONTROLLER.name)}</p>
<a href="${esc(otherLanguageHref)}" hreflang="${other}" lang="${other}" aria-label="${esc(text(language, 'other_lang_label'))}">${esc(text(language, 'other_lang_name'))}</a>
</div></header>
<main id="main">
${body}
</main>
<footer class="site"><div class="bar"><p>${esc(text(language, 'footer', facts(language)))} · <a href="mailto:${esc(CONTROLLER.email)}">${esc(CONTROLLER.email)}</a></p></div></footer>
</body>
</html>
`;
}

/** `/privacy...` with `lang` set. */
export function withLanguage(path: string, language: Language, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...extra, lang: language });
  return `${path}?${query.toString()}`;
}

export function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${esc(value)}">`;
}

/** `dataProcessed`: the page's own "data processed" paragraph, where it asks for other data than the request form. */
export function notice(language: Language, dataProcessed?: string): string {
  const keys: TextKey[] = [
    'notice_controller',
    'notice_dpo',
    'notice_purpose',
    'notice_basis',
    'notice_data',
    'notice_retention',
    'notice_complaint',
  ];
  return `<section class="card notice" aria-labelledby="notice-title">
<h2 id="notice-title">${esc(text(language, 'notice_title'))}</h2>
${keys.map((k) => `<p>${esc(k === 'notice_data' && dataProcessed ? dataProcessed : text(language, k, facts(language)))}</p>`).join('\n')}
</section>`;
}

export interface FormPage {
  language: Language;
  csrf: string;
  /** SMTP is configured: without it the page tells how to write instead. */
  canSend: boolean;
  values?: Partial<Record<keyof Submission, string[]>>;
  errors?: Partial<Record<keyof Submission, FieldProblem>>;
  /** A problem with the attached files, or with the anti-robot check. */
  attachmentProblem?: FieldProblem;
  challengeProblem?: boolean;
  /** Cloudflare Turnstile's site key, when configured. */
  turnstileSiteKey?: string | null;
}

/** The request form and its information notice. */
export function formPage({
  language,
  csrf,
  canSend,
  values = {},
  errors = {},
  attachmentProblem,
  challengeProblem,
  turnstileSiteKey,
}: FormPage): string {
  const t = (key: TextKey) => esc(text(language, key, facts(language)));
  const value = (field: keyof Submission) => values[field]?.[0] ?? '';
  const problem = (field: keyof Submission) =>
    errors[field] ? `<p class="error" id="${field}-error">${esc(FIELD_PROBLEMS[language][errors[field]])}</p>` : '';
  const invalid = (field: keyof Submission, hint?: string) => fieldAria(field, Boolean(errors[field]), hint);
  const extraErrors = [
    ...(attachmentProblem
      ? [`<li><a href="#attachments">${esc(FIELD_PROBLEMS[language][attachmentProblem])}</a></li>`]
      : []),
    ...(challengeProblem ? [`<li>${esc(FIELD_PROBLEMS[language].challenge_failed)}</li>`] : []),
  ];
  const errorList = problemList(language, [
    ...(Object.keys(errors) as Array<keyof Submission>).map(
      (f) =>
        `<li><a href="#${f === 'rights' ? 'right-access' : f}">${esc(FIELD_PROBLEMS[language][errors[f]!])}</a></li>`,
    ),
    ...extraErrors,
  ]);
  const chosen = new Set(values.rights ?? []);
  const form = canSend
    ? `<section class="card" aria-labelledby="form-title">
<h2 id="form-title">${t('form_title')}</h2>
${errorList}
<form method="post" action="/privacy" enctype="multipart/form-data" novalidate>
${hidden('_csrf', csrf)}
${hidden('lang', language)}
<fieldset${errors.rights ? ' aria-describedby="rights-error"' : ''}>
<legend>${t('rights_legend')}</legend>
${REQUEST_TYPES.map(
  (type: RequestType) =>
    `<div class="choice"><input type="checkbox" id="right-${type}" name="rights" value="${type}"${
      chosen.has(type) ? ' checked' : ''
    }><label for="right-${type}">${esc(RIGHT_NAMES[language][type])}</label></div>`,
).join('\n')}
${problem('rights')}
</fieldset>
${nameAndEmailFields(language, { name: value('name'), email: value('email') }, text(language, 'email_hint'), {
  name: errors.name && FIELD_PROBLEMS[language][errors.name],
  email: errors.email && FIELD_PROBLEMS[language][errors.email],
})}
<div class="field"><label for="phone">${t('phone_label')}</label>
<input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="${FIELD_LIMITS.phone}" value="${esc(value('phone'))}"${invalid('phone')}>
${problem('phone')}</div>
<div class="field"><label for="message">${t('message_label')} <span class="req">${t('required')}</span></label>
<p class="hint" id="message-hint">${t('message_hint')}</p>
<textarea id="message" name="message" maxlength="${FIELD_LIMITS.message}" required${invalid('message', 'message-hint')}>${esc(value('message'))}</textarea>
${problem('message')}</div>
${attachmentsField(language, attachmentProblem)}
${formEnd(language, turnstileSiteKey, text(language, 'submit'))}`
    : noSendingCard(language);
  return layout({
    language,
    title: text(language, 'portal_title'),
    otherLanguageHref: withLanguage('/privacy', language === 'it' ? 'en' : 'it'),
    body: `<h1>${t('portal_title')}</h1>
<p>${t('intro')}</p>
${canSend ? `<p><a href="${esc(withLanguage('/privacy/choices', language))}">${esc(choiceText(language, 'choices_link'))}</a></p>` : ''}
${form}
${notice(language)}`,
  });
}

export type CodeProblem = 'wrong' | 'expired' | 'locked' | 'unknown';

/** "Check your mailbox", and the code's form. */
export function codePage(
  language: Language,
  submissionId: string,
  csrf: string,
  problem?: { kind: CodeProblem; left?: number },
  /** Where the code is posted: the request form's, or the choices form's. */
  base = '/privacy/verify',
): string {
  const t = (key: TextKey, values: Record<string, string | number> = {}) =>
    esc(text(language, key, { ...facts(language), ...values }));
  const path = `${base}/${encodeURIComponent(submissionId)}`;
  const finished = problem && problem.kind !== 'wrong';
  const message = problem
    ? `<div class="alert" role="alert"><p id="code-error">${
        problem.kind === 'wrong'
          ? t('code_wrong', { left: problem.left ?? 0 })
          : t(problem.kind === 'expired' ? 'code_expired' : problem.kind === 'locked' ? 'code_locked' : 'code_unknown')
      }</p>${finished ? `<p><a href="${esc(withLanguage('/privacy', language))}">${t('start_again')}</a></p>` : ''}</div>`
    : '';
  const form = finished
    ? ''
    : `<form method="post" action="${esc(path)}" novalidate>
${hidden('_csrf', csrf)}
${hidden('lang', language)}
<div class="field"><label for="code">${t('code_label')}</label>
<input type="text" class="code" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required${
        problem ? ' aria-invalid="true" aria-describedby="code-error"' : ''
      }>
</div>
<button type="submit">${t('code_submit')}</button>
</form>`;
  return layout({
    language,
    title: text(language, 'code_sent_title'),
    otherLanguageHref: withLanguage(path, language === 'it' ? 'en' : 'it'),
    body: `<h1>${t('code_sent_title')}</h1>
<section class="card">
${message}
<p>${t('code_sent', { minutes: CODE.validMinutes })}</p>
${form}
</section>`,
  });
}

export interface StatusView {
  requests: Array<{
    reference: string;
    type: RequestType;
    status: RequestStatus;
    receivedAt: Date;
    workingDueDate: string;
    /** The legal deadline in force: one month, or three once extended (Art. 12(3)). */
    legalDueDate: string;
  }>;
  letters: Array<{ subject: string; body: string; sentAt: Date }>;
}

/** The subject's page behind the secret link: their requests, our letters, and a form for more. */
export function statusPage(
  language: Language,
  token: string,
  csrf: string,
  view: StatusView,
  flash?: 'confirmed' | 'choices' | 'sent' | { problem: FieldProblem; text: string },
): string {
  const t = (key: TextKey, values: Record<string, string | number> = {}) =>
    esc(text(language, key, { ...facts(language), ...values }));
  const path = `/privacy/status/${token}`;
  const banner =
    flash === 'confirmed'
      ? `<div class="ok" role="status"><p>${t('confirmed')}</p></div>`
      : flash === 'choices'
        ? `<div class="ok" role="status"><p>${esc(choiceText(language, 'choices_done'))}</p></div>`
        : flash === 'sent'
          ? `<div class="ok" role="status"><p>${t('more_sent')}</p></div>`
          : '';
  const problem = flash && typeof flash === 'object' ? flash : null;
  const requests = view.requests
    .map(
      (r) => `<section class="card" aria-labelledby="ref-${esc(r.reference)}">
<h2 id="ref-${esc(r.reference)}">${esc(RIGHT_NAMES[language][r.type])}</h2>
<dl class="facts">
<dt>${t('reference')}</dt><dd>${esc(r.reference)}</dd>
<dt>${t('status')}</dt><dd>${esc(STATUS_NAMES[language][r.status])}</dd>
<dt>${t('received_on')}</dt><dd>${esc(formatDate(language, r.receivedAt))}</dd>
<dt>${t('deadline')}</dt><dd>${esc(formatDate(language, r.workingDueDate))}</dd>
<dt>${t('legal_deadline')}</dt><dd>${esc(formatDate(language, r.legalDueDate))}</dd>
</dl>
</section>`,
    )
    .join('\n');
  const letters = view.letters.length
    ? view.letters
        .map(
          (l) => `<article class="letter">
<h3>${esc(l.subject)}</h3>
<p class="when">${t('sent_on', { date: formatDate(language, l.sentAt) })}</p>
<p class="body">${esc(l.body)}</p>
</article>`,
        )
        .join('\n')
    : `<p>${t('no_letters')}</p>`;
  return layout({
    language,
    title: text(language, 'status_title'),
    otherLanguageHref: withLanguage(path, language === 'it' ? 'en' : 'it'),
    body: `<h1>${t('status_title')}</h1>
${banner}
<p>${t('status_intro')}</p>
${requests}
<section class="card" aria-labelledby="letters-title">
<h2 id="letters-title">${t('letters_title')}</h2>
${letters}
</section>
<section class="card" aria-labelledby="more-title">
<h2 id="more-title">${t('more_title')}</h2>
<form method="post" action="${esc(path)}/messages" enctype="multipart/form-data" novalidate>
${hidden('_csrf', csrf)}
${hidden('lang', language)}
<div class="field"><label for="more">${t('more_label')}</label>
<textarea id="more" name="message" maxlength="${FIELD_LIMITS.message}" required${
      problem && !problem.problem.startsWith('attachment_') ? ' aria-invalid="true" aria-describedby="more-error"' : ''
    }>${esc(problem?.text ?? '')}</textarea>
${problem && !problem.problem.startsWith('attachment_') ? `<p class="error" id="more-error" role="alert">${esc(FIELD_PROBLEMS[language][problem.problem])}</p>` : ''}
</div>
${attachmentsField(language, problem?.problem.startsWith('attachment_') ? problem.problem : undefined)}
<button type="submit">${t('more_submit')}</button>
</form>
</section>`,
  });
}

export type MessageKind = 'link_invalid' | 'csrf' | 'throttled' | 'bad_request' | 'too_large' | 'sending_failed';

/** A page that only says what went wrong, with the way back. */
export function messagePage(language: Language, kind: MessageKind, otherLanguageHref: string): string {
  const t = (key: TextKey) => esc(text(language, key, facts(language)));
  return layout({
    language,
    title: text(language, `${kind}_title`),
    otherLanguageHref,
    body: `<h1>${t(`${kind}_title`)}</h1>
<section class="card">
<p>${t(kind)}</p>
<p><a href="${esc(withLanguage('/privacy', language))}">${t('start_again')}</a></p>
</section>`,
  });
}
