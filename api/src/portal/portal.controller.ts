import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Language } from '../requests/request.entity';
import { codePage, formPage, messagePage, statusPage, withLanguage, type MessageKind } from './portal-pages';
import { portalCsrf, portalLanguage, portalPage, portalRedirect, readPortalForm, type PostedForm } from './portal-http';
import { checkMessage, checkSubmission } from './portal-rules';
import { PORTAL_CSS } from './portal-style';
import { TURNSTILE_FIELD, turnstilePassed } from './portal-turnstile';
import { PortalService } from './portal.service';

export { CSRF_COOKIE } from './portal-http';

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
    const turnstileSiteKey = this.config.turnstile?.siteKey;
    page(
      res,
      200,
      formPage({ language, csrf: this.csrf(req, res), canSend: this.portal.canSend, turnstileSiteKey }),
      !!turnstileSiteKey,
    );
  }

  @Post()
  async submit(@Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const { body, language, attachments } = form;
    // Without SMTP no code can be sent: the page says to write to privacy@ instead.
    if (!this.portal.canSend) return page(res, 503, formPage({ language, csrf: this.csrf(req, res), canSend: false }));
    const check = checkSubmission(body);
    // Turnstile, when configured: checked with the others, so that the form comes back with all its problems.
    const challengeProblem = !(await this.passedChallenge(body, req));
    if (!check.ok || !attachments.ok || challengeProblem) {
      const values = check.ok ? undefined : check.values;
      const turnstileSiteKey = this.config.turnstile?.siteKey;
      return page(
        res,
        422,
        formPage({
          language,
          csrf: this.csrf(req, res),
          canSend: true,
          values: values ?? valuesOf(body),
          errors: check.ok ? {} : check.errors,
          attachmentProblem: attachments.ok ? undefined : attachments.problem,
          challengeProblem,
          turnstileSiteKey,
        }),
        !!turnstileSiteKey,
      );
    }
    // The trap field only a robot fills: answered as if sent, nothing stored or sent.
    if (body.get('website')) return redirect(res, withLanguage(`/privacy/verify/${randomUUID()}`, language));
    const outcome = await this.portal.submit(check.submission, language, req.ip ?? null, attachments.attachments);
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
    const done = (['confirmed', 'choices', 'sent'] as const).find((d) => d === req.query.done);
    page(res, 200, statusPage(language, token, this.csrf(req, res), view, done));
  }

  @Post('status/:token/messages')
  async addMessage(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const { body, language, attachments } = form;
    const checked = checkMessage(body.get('message') ?? '');
    if (!checked.ok || !attachments.ok) {
      const view = await this.portal.status(token);
      if (!view) return this.message(res, 404, language, 'link_invalid', '/privacy');
      const problem = !checked.ok ? checked.problem : !attachments.ok ? attachments.problem : 'message_missing';
      const flash = { problem, text: (body.get('message') ?? '').slice(0, 5000) };
      return page(res, 422, statusPage(language, token, this.csrf(req, res), view, flash));
    }
    const outcome = await this.portal.addMessage(token, checked.text, attachments.attachments);
    if (outcome === 'unknown') return this.message(res, 404, language, 'link_invalid', '/privacy');
    if (outcome === 'throttled') return this.message(res, 429, language, 'throttled', `/privacy/status/${token}`);
    redirect(res, withLanguage(`/privacy/status/${token}`, language, { done: 'sent' }));
  }

  /** A posted form (URL-encoded, or multipart with documents), CSRF-checked: null when refused (answered). */
  private readForm(req: Request, res: Response): PostedForm | null {
    return readPortalForm(req, res, this.portal.csrfKey);
  }

  /** Cloudflare Turnstile's answer, when it is configured; without it, nothing to pass. */
  private passedChallenge(body: URLSearchParams, req: Request): Promise<boolean> {
    const turnstile = this.config.turnstile;
    if (!turnstile) return Promise.resolve(true);
    return turnstilePassed(turnstile, body.get(TURNSTILE_FIELD), req.ip ?? null);
  }

  private language(req: Request): Language {
    return portalLanguage(req);
  }

  /** The form's CSRF token, over the portal cookie's secret (made and set when the browser has none). */
  private csrf(req: Request, res: Response): string {
    return portalCsrf(req, res, this.portal.csrfKey);
  }

  private message(res: Response, status: number, language: Language, kind: MessageKind, path: string): void {
    page(res, status, messagePage(language, kind, withLanguage(path, language === 'it' ? 'en' : 'it')));
  }

  /** Where the status link points: PUBLIC_URL, or the address this request came to. */
  private baseUrl(req: Request): string {
    return this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  }
}

function page(res: Response, status: number, html: string, turnstile = false): void {
  portalPage(res, status, html, turnstile);
}

/** After a POST, the next page by GET (303): reloading it sends nothing twice. */
function redirect(res: Response, location: string): void {
  portalRedirect(res, location);
}

/** The form's fields as typed, to show it again when only its documents or the check failed. */
function valuesOf(body: URLSearchParams) {
  return {
    rights: body.getAll('rights').slice(0, 20),
    name: [body.get('name') ?? ''],
    email: [body.get('email') ?? ''],
    phone: [body.get('phone') ?? ''],
    message: [body.get('message') ?? ''],
  };
}
