export const R = 'app.requests.rights';

export type Translate = (key: string, options?: object) => string;

export const show = (value: unknown) =>
  value == null || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** A field's name as its source's screens call it. */
export const fieldName = (translate: Translate, source: string, field: string) =>
  translate(`resources.${source}.fields.${field}`, { _: field });
