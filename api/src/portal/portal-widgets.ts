import { CONTROLLER } from '../registers/activities/record-of-processing';
import { escapeHtml as esc } from '../registers/printable-page';
import type { Language } from '../requests/request.entity';
import { ATTACHMENT_LIMITS } from './portal-attachments-rules';
import { choiceText } from './portal-choices-texts';
import { TURNSTILE_ORIGIN } from './portal-turnstile';
import type { FieldProblem } from './portal-rules';
import { FIELD_PROBLEMS } from './portal-texts';

/** Parts of the portal's forms shared by its pages: the attachments' input and Turnstile's widget. */

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
