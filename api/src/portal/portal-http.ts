import type { Request, Response } from 'express';
import type { Language } from '../requests/request.entity';
import type { NotFoundPage } from '../common/errors/http-exception.filter';
import {
  ATTACHMENT_LIMITS,
  boundaryOf,
  checkAttachments,
  parseMultipart,
  type Attachment,
  type AttachmentProblem,
} from './portal-attachments-rules';
import { messagePage, withLanguage, type MessageKind } from './portal-pages';
import { csrfToken, csrfValid, newCsrfSecret, pickLanguage } from './portal-rules';
import { portalCsp } from './portal-turnstile';

/**
 * The portal's HTTP plumbing shared by its controllers: the posted form (URL-encoded or, with
 * documents, multipart), its CSRF check, the page's language, and the answers.
 */

/** The portal's own cookie: only the CSRF secret, only under /privacy; the officer's session is never read here. */
export const CSRF_COOKIE = 'pp_csrf';

export interface PostedForm {
  body: URLSearchParams;
  language: Language;
  /** The documents attached, checked by content; or what is wrong with them. */
  attachments: { ok: true; attachments: Attachment[] } | { ok: false; problem: AttachmentProblem };
}

/**
 * A posted form, URL-encoded (kept as text by the body parser) or multipart (kept as bytes, read
 * by portal-attachments-rules), with its CSRF token checked against the portal's cookie. Answers
 * the refusal itself (400, 403) and returns null when it did.
 */
export function readPortalForm(req: Request, res: Response, csrfKey: Buffer): PostedForm | null {
  let body: URLSearchParams | null = null;
  let files: Parameters<typeof checkAttachments>[0] = [];
  if (typeof req.body === 'string') body = new URLSearchParams(req.body);
  else if (Buffer.isBuffer(req.body) && req.body.length <= ATTACHMENT_LIMITS.body) {
    const boundary = boundaryOf(req.get('content-type'));
    const parsed = boundary ? parseMultipart(req.body, boundary) : null;
    if (parsed) {
      body = parsed.fields;
      files = parsed.files.filter((f) => f.field === 'attachments');
    }
  }
  if (!body) {
    portalMessage(res, 400, portalLanguage(req), 'bad_request', '/privacy');
    return null;
  }
  const language = pickLanguage(body.get('lang'), req.get('accept-language'));
  const secret = (req.cookies as Record<string, unknown> | undefined)?.[CSRF_COOKIE];
  if (!csrfValid(csrfKey, typeof secret === 'string' ? secret : undefined, body.get('_csrf') ?? undefined)) {
    portalMessage(res, 403, language, 'csrf', '/privacy');
    return null;
  }
  return { body, language, attachments: checkAttachments(files) };
}

export function portalLanguage(req: Request): Language {
  return pickLanguage(req.query.lang, req.get('accept-language'));
}

/**
 * body-parser's refusals of a portal form (over its size, unreadable), answered as the portal's
 * pages in the reader's language, not as the API's JSON: whoever posted a form reads the answer.
 */
export function portalBodyErrors(
  error: { type?: string; status?: number },
  req: Request,
  res: Response,
  next: (e?: unknown) => void,
): void {
  if (error?.type === 'entity.too.large') return portalMessage(res, 413, portalLanguage(req), 'too_large', '/privacy');
  if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500)
    return portalMessage(res, error.status, portalLanguage(req), 'bad_request', '/privacy');
  next(error);
}

/** The form's CSRF token, over the portal cookie's secret (made and set when the browser has none). */
export function portalCsrf(req: Request, res: Response, csrfKey: Buffer): string {
  const current = (req.cookies as Record<string, unknown> | undefined)?.[CSRF_COOKIE];
  let secret = typeof current === 'string' && /^[A-Za-z0-9_-]{32}$/.test(current) ? current : null;
  if (!secret) {
    secret = newCsrfSecret();
    res.cookie(CSRF_COOKIE, secret, { path: '/privacy', httpOnly: true, sameSite: 'strict', secure: req.secure });
  }
  return csrfToken(csrfKey, secret);
}

/** A page, with the portal's headers; `turnstile`: the page carries Turnstile's widget, and its policy lets it in. */
export function portalPage(res: Response, status: number, html: string, turnstile = false): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', portalCsp(turnstile));
  res.setHeader('X-Frame-Options', 'DENY');
  // Pages about a person's requests stay out of browser and proxy caches.
  res.setHeader('Cache-Control', 'no-store');
  res.send(html);
}

/** After a POST, the next page by GET (303): reloading it sends nothing twice. */
export function portalRedirect(res: Response, location: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(303, location);
}

export function portalMessage(
  res: Response,
  status: number,
  language: Language,
  kind: MessageKind,
  path: string,
): void {
  portalPage(res, status, messagePage(language, kind, withLanguage(path, language === 'it' ? 'en' : 'it')));
}

/**
 * An address under /privacy/ that no page answers (a link cut short in an e-mail or a letter,
 * /privacy/package/ without its token): the portal's "link not valid" page in the visitor's
 * language, not the API's JSON.
 */
export const PORTAL_NOT_FOUND: NotFoundPage = {
  prefix: '/privacy/',
  answer: (req, res) => portalMessage(res, 404, portalLanguage(req), 'link_invalid', '/privacy'),
};
