import { escapeHtml as esc } from '../registers/printable-page';
import type { Language } from '../requests/request.entity';
import { CATEGORY_NAMES, type ChoiceProblem, type ConsentChoice } from './portal-choices-rules';
import { CHOICE_PROBLEMS, choiceText, type ChoiceTextKey } from './portal-choices-texts';
import { hidden, layout, notice, withLanguage } from './portal-pages';
import { FIELD_PROBLEMS } from './portal-texts';
import { formEnd, nameAndEmailFields, noSendingCard, problemList } from './portal-widgets';

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
  const problem = (field: 'name' | 'email' | 'choices') =>
    errors[field] ? `<p class="error" id="${field}-error">${esc(CHOICE_PROBLEMS[language][errors[field]])}</p>` : '';
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
  const errorList = problemList(language, listed);
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
${nameAndEmailFields(language, values, choiceText(language, 'choices_email_hint'), {
  name: errors.name && CHOICE_PROBLEMS[language][errors.name],
  email: errors.email && CHOICE_PROBLEMS[language][errors.email],
})}
${formEnd(language, turnstileSiteKey, choiceText(language, 'choices_submit'))}`
    : noSendingCard(language);
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
