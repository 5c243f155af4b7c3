/**
 * The API's refusals in the officer's language. The API answers a stable `reason` code (and
 * `fieldReasons` per field) beside its English `message`, which stays for API clients; the
 * console says the reason from `app.requests.refusals`, and when it does not know it, a general
 * sentence in the UI's language by status — never the API's English.
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ApiRefusalBody {
  message?: string;
  reason?: string;
  reasonArgs?: Record<string, string | number>;
  errors?: Record<string, string>;
  fieldReasons?: Record<string, string>;
  /** Already in the UI's language (explainError's known refusals). */
  explained?: boolean;
}

export interface ExplainedRefusal {
  status?: number;
  message: string;
  /** Per field, in the UI's language, for react-admin to show beside the inputs. */
  errors?: Record<string, string>;
}

const R = 'app.requests.refusals';
const MISSING = '\u0000missing';

/** The translation of `key`, or null when the UI has none. */
const known = (translate: Translate, key: string, args: Record<string, unknown> = {}): string | null => {
  const text = translate(key, { ...args, _: MISSING });
  return text === MISSING || text === key ? null : text;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** The reason's values as the officer reads them: dates in the UI's locale. */
const formatArgs = (args: Record<string, string | number> | undefined, locale: string): Record<string, unknown> => {
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  return Object.fromEntries(
    Object.entries(args ?? {}).map(([name, value]): [string, string | number] => {
      if (typeof value !== 'string') return [name, value];
      if (DAY.test(value)) return [name, long.format(noon(value))];
      if (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
        return [
          name,
          new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value)),
        ];
      return [name, value];
    }),
  );
};

/** The general sentence for a status, when the reason is unknown to the UI. */
const generalKey = (status: number | undefined) => {
  if (status === 400 || status === 422) return `${R}.reasons.invalid_input`;
  if (status === 409) return `${R}.reasons.conflict`;
  if (status === 404) return `${R}.reasons.not_found`;
  if (status === 403) return `${R}.reasons.forbidden`;
  if (status === 401) return `${R}.reasons.unauthenticated`;
  return `${R}.reasons.error`;
};

/** One field's problem: its own sentence, else the reason's, else "not valid". */
export const fieldText = (translate: Translate, code: string | undefined) =>
  (code && (known(translate, `${R}.fields.${code}`) ?? known(translate, `${R}.reasons.${code}`))) ||
  translate(`${R}.fields.invalid`);

/**
 * The refusal (a react-admin HttpError from the data provider, or any error) in the UI's
 * language: the message for the notification, and each field's problem for its input.
 */
export const explainRefusal = (translate: Translate, locale: string, error: unknown): ExplainedRefusal => {
  const e = (error && typeof error === 'object' ? error : {}) as { status?: number; body?: ApiRefusalBody };
  const body = e.body ?? {};
  if (body.explained) return { status: e.status, message: body.message ?? '', errors: body.errors };
  const args = formatArgs(body.reasonArgs, locale);
  const message =
    (body.reason && known(translate, `${R}.reasons.${body.reason}`, args)) || translate(generalKey(e.status));
  const errors = body.errors
    ? Object.fromEntries(
        Object.keys(body.errors).map((field) => [field, fieldText(translate, body.fieldReasons?.[field])]),
      )
    : undefined;
  return { status: e.status, message, errors };
};
