import { escapeHtml as esc } from '../registers/printable-page';
import type { Language } from '../requests/request.entity';
import type { PackageCodeState } from './package-rules';
import type { PackageKind } from './package.entity';
import { facts, hidden, layout, withLanguage } from './portal-pages';
import { CODE } from './portal-rules';
import { formatMoment, formatSize, PACKAGE_KIND_NAMES, packageText, type PackageTextKey } from './package-texts';

/**
 * A published package's page behind its secret link: what the file is and until when it can be
 * downloaded, the button that sends the one-time code, and the code's form, whose answer is the
 * ZIP itself. No script: two plain forms. Nothing on it names the person.
 */

export interface PackageView {
  reference: string;
  kind: PackageKind;
  fileName: string;
  size: number;
  expiresAt: Date;
  code: PackageCodeState;
}

export type PackageProblem = { kind: 'wrong'; left: number } | { kind: 'expired' | 'locked' | 'missing' };

const other = (language: Language): Language => (language === 'it' ? 'en' : 'it');

export function packagePath(token: string): string {
  return `/privacy/package/${token}`;
}

export function packagePage(
  language: Language,
  token: string,
  csrf: string,
  view: PackageView,
  options: { sent?: boolean; problem?: PackageProblem } = {},
): string {
  const t = (key: PackageTextKey, values: Record<string, string | number> = {}) =>
    esc(packageText(language, key, { ...facts(language), minutes: CODE.validMinutes, ...values }));
  const path = packagePath(token);
  const { problem, sent } = options;
  // The code's form shows while a code may be entered (or was just entered wrong).
  const entering = view.code === 'waiting' || problem?.kind === 'wrong';
  const alert = problem
    ? `<div class="alert" role="alert"><p id="code-error">${
        problem.kind === 'wrong'
          ? t('package_code_wrong', { left: problem.left })
          : t(
              problem.kind === 'expired'
                ? 'package_code_expired'
                : problem.kind === 'locked'
                  ? 'package_code_locked'
                  : 'package_code_missing',
            )
      }</p></div>`
    : sent
      ? `<div class="ok" role="status"><p>${t('package_code_sent')}</p></div>`
      : '';
  const codeForm = entering
    ? `<form method="post" action="${esc(path)}" novalidate>
${hidden('_csrf', csrf)}
${hidden('lang', language)}
<div class="field"><label for="code">${t('package_code_label')}</label>
<input type="text" class="code" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required${
        problem ? ' aria-invalid="true" aria-describedby="code-error"' : ''
      }>
</div>
<button type="submit">${t('package_download')}</button>
</form>`
    : '';
  const sendForm = `<form method="post" action="${esc(path)}/code" novalidate>
${hidden('_csrf', csrf)}
${hidden('lang', language)}
<button type="submit">${t(entering ? 'package_new_code' : 'package_send_code')}</button>
</form>`;
  return layout({
    language,
    title: packageText(language, 'package_title'),
    otherLanguageHref: withLanguage(path, other(language)),
    body: `<h1>${t('package_title')}</h1>
${alert}
<section class="card" aria-labelledby="file-title">
<h2 id="file-title">${esc(view.fileName)}</h2>
<p>${t('package_intro', { reference: view.reference, kind: PACKAGE_KIND_NAMES[language][view.kind] })}</p>
<dl class="facts">
<dt>${t('package_size')}</dt><dd>${esc(formatSize(language, view.size))}</dd>
<dt>${t('package_until')}</dt><dd>${esc(formatMoment(language, view.expiresAt))}</dd>
</dl>
</section>
<section class="card" aria-labelledby="download-title">
<h2 id="download-title">${t('package_download')}</h2>
<p>${t('package_how')}</p>
${codeForm}
${entering ? '' : sendForm}
</section>
${entering ? `<section class="card">\n${sendForm}\n</section>\n` : ''}<p>${t('package_keep_safe')}</p>`,
  });
}

/** The link is over (expired, withdrawn, or its file deleted): said in the package's language. */
export function packageExpiredPage(language: Language, token: string, reference: string): string {
  const t = (key: PackageTextKey) => esc(packageText(language, key, { ...facts(language), reference }));
  return layout({
    language,
    title: packageText(language, 'package_expired_title'),
    otherLanguageHref: withLanguage(packagePath(token), other(language)),
    body: `<h1>${t('package_expired_title')}</h1>
<section class="card">
<p>${t('package_expired')}</p>
</section>`,
  });
}
