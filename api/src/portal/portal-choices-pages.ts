import { CONTROLLER } from '../registers/activities/record-of-processing';
import { escapeHtml as esc } from '../registers/printable-page';
import type { Language } from '../requests/request.entity';
import { CATEGORY_NAMES, type ChoiceProblem, type ConsentChoice } from './portal-choices-rules';
import { CHOICE_PROBLEMS, choiceText, type ChoiceTextKey } from './portal-choices-texts';
import { facts, hidden, layout, notice, withLanguage } from './portal-pages';
import { FIELD_LIMITS } from './portal-rules';
import { FIELD_PROBLEMS, text, type TextKey } from './portal-texts';
import { turnstileWidget } from './portal-widgets';

export interface ChoicesPage {
  language: Language;
  csrf: string;
  canSend: boolean;
  /** The categories that can be withdrawn (from the register). */
  offered: readonly string[];
  values?: { name: string; email: string; categories: string[]; directMarketing: boolean };
  errors?: Partial<Record<'name' | 'email' | 'choices', ChoiceProblem>>;
  challengeProblem?: boolean;
  turnstileSiteKey?: string | null;
}

/** The page for withdrawing consent and objecting to direct marketing: no free text, a few boxes, the e-mail check. */
export function choicesPage({
  language,
  csrf,
  canSend,
  offered,
  values = { name: '', email: '', categories: [], directMarketing: false },
  errors = {},
  challengeProblem,
  turnstileSiteKey,
}: ChoicesPage): string {
  const c = (key: ChoiceTextKey) => esc(choiceText(language, key));
  const t = (key: TextKey) => esc(text(language, key, facts(language)));
  const problem = (field: 'name' | 'email' | 'choices') =>
    errors[field] ? `<p class="error" id="${field}-error">${esc(CHOICE_PROBLEMS[language][errors[field]])}</p>` : '';
  const invalid = (field: 'name' | 'email', hint?: string) => {
    const described = [hint, errors[field] ? `${field}-error` : null].filter(Boolean).join(' ');
    return `${errors[field] ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${described}"` : ''}`;
  };
  const firstChoice = offered.length ? `category-${offered[0]}` : 'direct-marketing';
  const listed = [
    ...(['choices', 'name', 'email'] as const)
      .filter((f) => errors[f])
      .map(
        (f) =>
          `<li><a href="#${f === 'choices' ? firstChoice : f}">${esc(CHOICE_PROBLEMS[language][errors[f]!])}</a></li>`,
      ),
    ...(challengeProblem ? [`<li>${esc(FIELD_PROBLEMS[language].challenge_failed)}</li>`] : []),
  ];
  const errorList = listed.length
    ? `<div class="alert" role="alert"><p><strong>${t('errors_title')}</strong></p><ul>${listed.join('')}</ul></div>`
    : '';
  const chosen = new Set(values.categories);
  const categories = offered.length
    ? `<fieldset${errors.choices ? ' aria-describedby="choices-error"' : ''}>
<legend>${c('choices_withdraw_legend')}</legend>
<p class="hint">${c('choices_withdraw_hint')}</p>
${offered
  .map(
    (category) =>
      `<div class="choice"><input type="checkbox" id="category-${esc(category)}" name="categories" value="${esc(category)}"${
        chosen.has(category) ? ' checked' : ''
      }><label for="category-${esc(category)}">${esc(CATEGORY_NAMES[language][category as ConsentChoice] ?? category)}</label></div>`,
  )
  .join('\n')}
</fieldset>`
    : `<p>${c('choices_none')}</p>`;
  const form = canSend
    ? `<section class="card" aria-labelledby="form-title">
<h2 id="form-title">${c('choices_form_title')}</h2>
${errorList}
<form method="post" action="/privacy/choices" novalidate>
${hidden('_csrf', csrf)}
${hidden('lang', language)}
${categories}
<fieldset>
<legend>${c('choices_marketing_legend')}</legend>
<div class="choice"><input type="checkbox" id="direct-marketing" name="direct_marketing" value="yes"${
        values.directMarketing ? ' checked' : ''
      } aria-describedby="direct-marketing-hint"><label for="direct-marketing">${c('choices_marketing_label')}</label></div>
<p class="hint" id="direct-marketing-hint">${c('choices_marketing_hint')}</p>
</fieldset>
${problem('choices')}
<div class="field"><label for="name">${t('name_label')} <span class="req">${t('required')}</span></label>
<input type="text" id="name" name="name" autocomplete="name" maxlength="${FIELD_LIMITS.name}" required value="${esc(values.name)}"${invalid('name')}>
${problem('name')}</div>
<div class="field"><label for="email">${t('email_label')} <span class="req">${t('required')}</span></label>
<p class="hint" id="email-hint">${c('choices_email_hint')}</p>
<input type="email" id="email" name="email" autocomplete="email" maxlength="${FIELD_LIMITS.email}" required value="${esc(values.email)}"${invalid('email', 'email-hint')}>
${problem('email')}</div>
<div class="trap" aria-hidden="true"><label for="website">${t('honeypot_label')}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
${turnstileWidget(language, turnstileSiteKey)}
<button type="submit">${c('choices_submit')}</button>
</form>
</section>`
    : `<section class="card" aria-labelledby="form-title">
<h2 id="form-title">${t('no_sending_title')}</h2>
<p>${t('no_sending')} <a href="mailto:${esc(CONTROLLER.email)}">${esc(CONTROLLER.email)}</a></p>
</section>`;
  return layout({
    language,
    title: choiceText(language, 'choices_title'),
    otherLanguageHref: withLanguage('/privacy/choices', language === 'it' ? 'en' : 'it'),
    body: `<h1>${c('choices_title')}</h1>
<p>${c('choices_intro')}</p>
${form}
${notice(language, choiceText(language, 'choices_notice_data'))}`,
  });
}
