import type { Response } from 'express';

export interface Page<T> {
  rows: T[];
  total: number;
  skip: number;
}

/** `Content-Range: users 0-24/319`, as ra-data-simple-rest reads the total from it. */
export function contentRange(resource: string, page: Pick<Page<unknown>, 'rows' | 'skip' | 'total'>): string {
  if (page.rows.length === 0) return `${resource} */${page.total}`;
  return `${resource} ${page.skip}-${page.skip + page.rows.length - 1}/${page.total}`;
}

export function sendPage<T, J>(res: Response, resource: string, page: Page<T>, present: (row: T) => J): J[] {
  res.setHeader('Content-Range', contentRange(resource, page));
  return page.rows.map(present);
}
