/** The route of the subject search page. */
export const FIND_PERSON_PATH = '/find-person';

/** A linkable search: `/find-person?q=<identifier>`. */
export const findPersonPath = (q?: string) =>
  q ? `${FIND_PERSON_PATH}?${new URLSearchParams({ q })}` : FIND_PERSON_PATH;
