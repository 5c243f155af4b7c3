import type { DataProvider, fetchUtils, GetListResult, GetOneResult, UpdateResult } from 'react-admin';

import type { LetterTemplate, LetterTemplateDetail } from '../api';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

export const LETTER_TEMPLATES = 'letter-templates';

/** The console's id of a template: its kind and language, as the API's path has them. */
const idOf = (t: { key: string; language: string }) => `${t.key}/${t.language}`;
const pathOf = (id: string | number) =>
  String(id)
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');

/**
 * `GET /api/letter-templates` answers every template in force at once (no paging, no id): the
 * console gives each the id `key/language` and pages them itself.
 */
export const letterTemplatesMethods = (
  apiUrl: string,
  httpClient: HttpClient,
): Pick<DataProvider, 'getList' | 'getOne' | 'update'> => ({
  getList: async (_resource, params): Promise<GetListResult> => {
    const { json } = await httpClient(`${apiUrl}/${LETTER_TEMPLATES}`);
    const language = (params.filter as { language?: string } | undefined)?.language;
    const all = (json as Omit<LetterTemplate, 'id'>[])
      .map((t) => ({ ...t, id: idOf(t) }))
      .filter((t) => !language || t.language === language);
    const { page = 1, perPage = all.length } = params.pagination ?? {};
    return { data: all.slice((page - 1) * perPage, page * perPage), total: all.length };
  },
  getOne: async (_resource, params): Promise<GetOneResult> => {
    const { json } = await httpClient(`${apiUrl}/${LETTER_TEMPLATES}/${pathOf(params.id)}`);
    const detail = json as Omit<LetterTemplateDetail, 'id'>;
    return { data: { ...detail, id: idOf(detail) } };
  },
  update: async (_resource, params): Promise<UpdateResult> => {
    const { subject, body } = params.data as { subject: string; body: string };
    const id = params.id as string;
    const { json } = await httpClient(`${apiUrl}/${LETTER_TEMPLATES}/${pathOf(id)}`, {
      method: 'PUT',
      body: JSON.stringify({ subject, body }),
    });
    const saved = json as Omit<LetterTemplate, 'id'>;
    return { data: { ...saved, id: idOf(saved) } };
  },
});
