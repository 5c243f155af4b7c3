import { HttpError } from 'react-admin';

import { fieldText } from '../refusals';
import type { Translate } from './rightsText';
import { apiError } from './shared';

/**
 * A refusal of the API that the UI knows: its status, and the field the API names or the words of
 * its message. `key` says it in the officer's language.
 */
export interface KnownRefusal {
  status: number;
  /** The field the API names: its name, or a pattern (`activityIds[2]`). */
  field?: string | RegExp;
  message?: RegExp;
  key: string;
}

const matches = (known: KnownRefusal, status: number | undefined, message: string, field?: string) =>
  known.status === status &&
  (!known.message || known.message.test(message)) &&
  (!known.field || (typeof known.field === 'string' ? known.field === field : !!field && known.field.test(field)));

/**
 * The API's refusal in the UI's language when the case is known (marked `explained`); else the
 * error unchanged, for `explainRefusal` to say by its reason code. Field errors the UI does not
 * know here are said by their reason code too. Answers an HttpError shaped as the API's, so
 * `useSubmit` reads it as it reads any refusal.
 */
export const explainError = (translate: Translate, known: KnownRefusal[], error: unknown): unknown => {
  const { status, message, errors } = apiError(error);
  const fieldReasons = (error as { body?: { fieldReasons?: Record<string, string> } } | null)?.body?.fieldReasons;
  const fields = Object.keys(errors ?? {});
  const hit =
    known.find((k) => !k.field && matches(k, status, message)) ??
    known.find((k) => k.field && fields.some((field) => matches(k, status, message, field)));
  if (!hit) return error;
  const text = translate(hit.key);
  const translated = errors
    ? Object.fromEntries(
        Object.keys(errors).map((field) => {
          const known_ = known.find((k) => k.field && matches(k, status, message, field));
          return [field, known_ ? translate(known_.key) : fieldText(translate, fieldReasons?.[field])];
        }),
      )
    : undefined;
  return new HttpError(text, status ?? 500, { message: text, errors: translated, explained: true });
};

/** The action, its refusals explained (see explainError). */
export const explained =
  <A extends unknown[], R>(translate: Translate, known: KnownRefusal[], action: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await action(...args);
    } catch (error) {
      throw explainError(translate, known, error);
    }
  };
