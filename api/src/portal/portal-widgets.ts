import { CONTROLLER } from '../registers/activities/record-of-processing';
import { escapeHtml as esc } from '../registers/printable-page';
import type { Language } from '../requests/request.entity';
import { ATTACHMENT_LIMITS } from './portal-attachments-rules';
import { choiceText } from './portal-choices-texts';
import { TURNSTILE_ORIGIN } from './portal-turnstile';
import { FIELD_LIMITS, type FieldProblem } from './portal-rules';
import { FIELD_PROBLEMS, text } from './portal-texts';

/**
 * Parts of the portal's forms shared by its pages: the attachments' input, Turnstile's widget, a
 * field's ties to its hint and error, the name and e-mail, the list of problems, the form's end, the
 * card shown without SMTP.
 */

/** The file input: works without JavaScript in a multipart form; the server checks what the browser's filter does not. */
export function attachmentsField(language: Language, problem?: FieldProblem): string {
  const described = ['attachments-hint', problem ? 'attachments-error' : null].filter(Boolean).join(' ');
  return `<div class="field"><label for="attachments">${esc(choiceText(language, 'attachments_label'))}</label>
<p class="hint" id="attachments-hint">${esc(choiceText(language, 'attachments_hint'))}</p>
<input type="file" id="attachments" name="attachments" multiple accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" data-max-files="${ATTACHMENT_LIMITS.files}" aria-describedby="${described}"${problem ? ' aria-invalid="true"' : ''}>
${problem ? `<p class="error" id="attachments-error">${esc(FIELD_PROBLEMS[language][problem])}</p>` : ''}</div>`;
}

/**
 * Cloudflare Turnstile's widget (only when configured): its script from its own origin, allowed
 * by the page's policy then and only then; without JavaScript the page says how to write instead.
 */
export function turnstileWidget(language: Language, siteKey: string | null | undefined): string {
  if (!siteKey) return '';
  return `<script src="${TURNSTILE_ORIGIN}/turnstile/v0/api.js" async defer></script>
<div class="cf-turnstile" data-sitekey="${esc(siteKey)}" data-language="${language}"></div>
<noscript><p class="hint">${esc(choiceText(language, 'challenge_noscript', { email: CONTROLLER.email }))}</p></noscript>`;
}

/** A field's attributes that tie it to its hint and, when it has one, its error (`<field>-error`). */
export function fieldAria(field: string, hasError: boolean, hint?: string): string {
  const described = [hint, hasError ? `${field}-error` : null].filter(Boolean).join(' ');
  return `${hasError ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${described}"` : ''}`;
}

/** The problems of a form sent back, at its top as links to their fields (`items`: the `<li>`s); none, nothing. */
export function problemList(language: Language, items: string[]): string {
  return items.length
    ? `<div class="alert" role="alert"><p><strong>${esc(text(language, 'errors_title'))}</strong></p><ul>${items.join('')}</ul></div>`
    : '';
}

/** A form's last parts: the trap for robots, Turnstile's widget when configured, the button; the form and its card closed. */
export function formEnd(language: Language, turnstileSiteKey: string | null | undefined, submitLabel: string): string {
  return `<div class="trap" aria-hidden="true"><label for="website">${esc(text(language, 'honeypot_label'))}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
${turnstileWidget(language, turnstileSiteKey)}
<button type="submit">${esc(submitLabel)}</button>
</form>
</section>`;
}

/** In place of a form when the console cannot send e-mail (no code could reach the person): how to write instead. */
export function noSendingCard(language: Language): string {
  return `<section class="card" aria-labelledby="form-title">
<h2 id="form-title">${esc(text(language, 'no_sending_title'))}</h2>
<p>${esc(text(language, 'no_sending', { email: CONTROLLER.email }))} <a href="mailto:${esc(CONTROLLER.email)}">${esc(CONTROLLER.email)}</a></p>
</section>`;
}

/**
 * The name and e-mail every portal form asks for, with what was typed; `emailHint`: why the
 * e-mail (a code goes to it); `problems`: each field's problem in words, when it has one.
 */
export function nameAndEmailFields(
  language: Language,
  values: { name: string; email: string },
  emailHint: string,
  problems: { name?: string; email?: string },
): string {
  const t = (key: 'name_label' | 'email_label' | 'required') => esc(text(language, key));
  const problem = (field: 'name' | 'email') =>
    problems[field] ? `<p class="error" id="${field}-error">${esc(problems[field])}</p>` : '';
  return `<div class="field"><label for="name">${t('name_label')} <span class="req">${t('required')}</span></label>
<input type="text" id="name" name="name" autocomplete="name" maxlength="${FIELD_LIMITS.name}" required value="${esc(values.name)}"${fieldAria('name', Boolean(problems.name))}>
${problem('name')}</div>
<div class="field"><label for="email">${t('email_label')} <span class="req">${t('required')}</span></label>
<p class="hint" id="email-hint">${esc(emailHint)}</p>
<input type="email" id="email" name="email" autocomplete="email" maxlength="${FIELD_LIMITS.email}" required value="${esc(values.email)}"${fieldAria('email', Boolean(problems.email), 'email-hint')}>
${problem('email')}</div>`;
}
