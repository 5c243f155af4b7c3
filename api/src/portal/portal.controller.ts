import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Language } from '../requests/request.entity';
import { codePage, formPage, messagePage, statusPage, withLanguage, type MessageKind } from './portal-pages';
import { checkMessage, checkSubmission, csrfToken, csrfValid, newCsrfSecret, pickLanguage } from './portal-rules';
import { PORTAL_CSS } from './portal-style';
import { PortalService } from './portal.service';

/** The portal's own cookie: only the CSRF secret, only under /privacy; the officer's session is never read here. */
export const CSRF_COOKIE = 'pp_csrf';

/**
 * Pages stricter than the console's: nothing but the portal's own style sheet and its own forms;
 * no script at all, no inline style, no framing.
 */
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The privacy portal for data subjects, at /privacy (outside /api and its OpenAPI document):
 * server-rendered pages, forms posted as application/x-www-form-urlencoded. Public: the
 * subject has no account; the code, the status link's token and the CSRF token are the checks.
 */
@ApiExcludeController()
@Public()
@Controller('privacy')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('portal.css')
  css(@Res() res: Response): void {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(PORTAL_CSS);
  }

  @Get()
  form(@Req() req: Request, @Res() res: Response): void {
    const language = this.language(req);
    page(res, 200, formPage({ language, csrf: this.csrf(req, res), canSend: this.portal.canSend }));
  }

  @Post()
  async submit(@Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const { body, language } = form;
    // Without SMTP no code can be sent: the page says to write to privacy@ instead.
    if (!this.portal.canSend) return page(res, 503, formPage({ language, csrf: this.csrf(req, res), canSend: false }));
    const check = checkSubmission(body);
    if (!check.ok)
      return page(
        res,
        422,
        formPage({ language, csrf: this.csrf(req, res), canSend: true, values: check.values, errors: check.errors }),
      );
    // The trap field only a robot fills: answered as if sent, nothing stored or sent.
    if (body.get('website')) return redirect(res, withLanguage(`/privacy/verify/${randomUUID()}`, language));
    const outcome = await this.portal.submit(check.submission, language, req.ip ?? null);
    if (outcome.kind === 'throttled') return this.message(res, 429, language, 'throttled', '/privacy');
    if (outcome.kind === 'failed') return this.message(res, 503, language, 'sending_failed', '/privacy');
    redirect(res, withLanguage(`/privacy/verify/${outcome.submissionId}`, language));
  }

  @Get('verify/:id')
  code(@Param('id') id: string, @Req() req: Request, @Res() res: Response): void {
    const language = this.language(req);
    if (!UUID.test(id)) return this.message(res, 404, language, 'link_invalid', '/privacy');
    page(res, 200, codePage(language, id, this.csrf(req, res)));
  }

  @Post('verify/:id')
  async verify(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const { body, language } = form;
    if (!UUID.test(id)) return this.message(res, 404, language, 'link_invalid', '/privacy');
    const outcome = await this.portal.verify(id, body.get('code') ?? '', this.baseUrl(req));
    if (outcome.kind === 'confirmed')
      return redirect(res, withLanguage(`/privacy/status/${outcome.token}`, language, { done: 'confirmed' }));
    const status = outcome.kind === 'wrong' ? 422 : outcome.kind === 'unknown' ? 404 : 410;
    page(
      res,
      status,
      codePage(language, id, this.csrf(req, res), {
        kind: outcome.kind,
        left: outcome.kind === 'wrong' ? outcome.left : undefined,
      }),
    );
  }

  @Get('status/:token')
  async status(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = this.language(req);
    const view = await this.portal.status(token);
    if (!view) return this.message(res, 404, language, 'link_invalid', '/privacy');
    const done = req.query.done === 'confirmed' ? 'confirmed' : req.query.done === 'sent' ? 'sent' : undefined;
    page(res, 200, statusPage(language, token, this.csrf(req, res), view, done));
  }

  @Post('status/:token/messages')
  async addMessage(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const { body, language } = form;
    const checked = checkMessage(body.get('message') ?? '');
    if (!checked.ok) {
      const view = await this.portal.status(token);
      if (!view) return this.message(res, 404, language, 'link_invalid', '/privacy');
      const flash = { problem: checked.problem, text: (body.get('message') ?? '').slice(0, 5000) };
      return page(res, 422, statusPage(language, token, this.csrf(req, res), view, flash));
    }
    const outcome = await this.portal.addMessage(token, checked.text);
    if (outcome === 'unknown') return this.message(res, 404, language, 'link_invalid', '/privacy');
    if (outcome === 'throttled') return this.message(res, 429, language, 'throttled', `/privacy/status/${token}`);
    redirect(res, withLanguage(`/privacy/status/${token}`, language, { done: 'sent' }));
  }

  /**
   * A posted form, read as URL-encoded text, with its CSRF token checked against the portal's
   * cookie; answers the refusal itself (400, 403) and returns null when it did.
   */
  private readForm(req: Request, res: Response): { body: URLSearchParams; language: Language } | null {
    if (typeof req.body !== 'string') {
      this.message(res, 400, this.language(req), 'bad_request', '/privacy');
      return null;
    }
    const body = new URLSearchParams(req.body);
    const language = pickLanguage(body.get('lang'), req.get('accept-language'));
    const secret = (req.cookies as Record<string, unknown> | undefined)?.[CSRF_COOKIE];
    if (
      !csrfValid(this.portal.csrfKey, typeof secret === 'string' ? secret : undefined, body.get('_csrf') ?? undefined)
    ) {
      this.message(res, 403, language, 'csrf', '/privacy');
      return null;
    }
    return { body, language };
  }

  private language(req: Request): Language {
    return pickLanguage(req.query.lang, req.get('accept-language'));
  }

  /** The form's CSRF token, over the portal cookie's secret (made and set when the browser has none). */
  private csrf(req: Request, res: Response): string {
    const current = (req.cookies as Record<string, unknown> | undefined)?.[CSRF_COOKIE];
    let secret = typeof current === 'string' && /^[A-Za-z0-9_-]{32}$/.test(current) ? current : null;
    if (!secret) {
      secret = newCsrfSecret();
      res.cookie(CSRF_COOKIE, secret, { path: '/privacy', httpOnly: true, sameSite: 'strict', secure: req.secure });
    }
    return csrfToken(this.portal.csrfKey, secret);
  }

  private message(res: Response, status: number, language: Language, kind: MessageKind, path: string): void {
    page(res, status, messagePage(language, kind, withLanguage(path, language === 'it' ? 'en' : 'it')));
  }

  /** Where the status link points: PUBLIC_URL, or the address this request came to. */
  private baseUrl(req: Request): string {
    return this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  }
}

export function page(res: Response, status: number, html: string): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  // Pages about a person's requests stay out of browser and proxy caches.
  res.setHeader('Cache-Control', 'no-store');
  res.send(html);
}

/** After a POST, the next page by GET (303): reloading it sends nothing twice. */
export function redirect(res: Response, location: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(303, location);
}
