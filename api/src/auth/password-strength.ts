import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * The password policy beyond the length (which the DTOs check): a password a person chooses is
 * estimated by zxcvbn-ts against its lists of common passwords, names, words and keyboard patterns
 * (they ship inside the packages: nothing is downloaded), with the person's e-mail as a hint.
 *
 * zxcvbn's score 3 means about 10^8 guesses or more: with argon2id, out of reach of an offline
 * attack on a stolen database and far beyond an online one (the sign-in is throttled).
 */
export const MIN_PASSWORD_SCORE = 3;
export const MAX_PASSWORD_LENGTH = 256;

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries are a few megabytes the console does not need until then. */
function zxcvbn(): ZxcvbnFactory {
  return (estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  }));
}

/** Why a password is refused, in words that follow the field name (`password …`), or null. */
export function passwordProblem(password: string, email: string | null): string | null {
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (new Set(password).size < 5) return 'must use at least 5 different characters';
  const lowered = password.toLowerCase();
  const local = email?.trim().toLowerCase().split('@')[0];
  if (local && local.length >= 4 && lowered.includes(local)) return 'must not contain the e-mail address';
  const hints = email
    ? [email.trim().toLowerCase(), ...(local ? local.split(/[^a-z0-9]+/).filter((part) => part.length >= 3) : [])]
    : [];
  const result = zxcvbn().check(password, hints);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning?.replace(/\.$/, '');
  const why = warning ? ` (${warning.charAt(0).toLowerCase()}${warning.slice(1)})` : '';
  return `is too easy to guess${why}: choose a longer passphrase, e.g. three or four unrelated words`;
}
