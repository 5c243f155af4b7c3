import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Language } from '../requests/request.entity';
import { checkChoices } from './portal-choices-rules';
import { choicesPage, type ChoicesPage } from './portal-choices-pages';
import { PortalChoicesService } from './portal-choices.service';
import { portalCsrf, portalLanguage, portalMessage, portalPage, portalRedirect, readPortalForm } from './portal-http';
import { codePage, withLanguage } from './portal-pages';
import { TURNSTILE_FIELD, turnstilePassed } from './portal-turnstile';
import { PortalService } from './portal.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERIFY = '/privacy/choices/verify';

/**
 * The portal's page for withdrawing consent and objecting to direct marketing, at
 * /privacy/choices: the same e-mail code as the request form, then the choices in force and the
 * subject's status page. Public, CSRF-checked, no script (but Turnstile's when configured).
 */
@ApiExcludeController()
@Public()
@Controller('privacy/choices')
export class PortalChoicesController {
  constructor(
    private readonly choices: PortalChoicesService,
    private readonly portal: PortalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.show(req, res, 200, { language: portalLanguage(req) });
  }

  @Post()
  async submit(@Req() req: Request, @Res() res: Response): Promise<void> {
    const form = readPortalForm(req, res, this.portal.csrfKey);
    if (!form) return;
    const { body, language } = form;
    if (!this.portal.canSend) return this.show(req, res, 503, { language });
    const offered = await this.choices.offered();
    const check = checkChoices(body, offered);
    const challengeProblem = !(await this.passedChallenge(body, req));
    if (!check.ok || challengeProblem)
      return this.show(req, res, 422, {
        language,
        values: check.ok
          ? {
              name: check.choices.name,
              email: check.choices.email,
              categories: check.choices.categories,
              directMarketing: check.choices.directMarketing,
            }
          : check.values,
        errors: check.ok ? {} : check.errors,
        challengeProblem,
      });
    // The trap field only a robot fills: answered as if sent, nothing stored or sent.
    if (body.get('website')) return portalRedirect(res, withLanguage(`${VERIFY}/${randomUUID()}`, language));
    const outcome = await this.choices.submit(check.choices, language, req.ip ?? null);
    if (outcome.kind === 'throttled') return portalMessage(res, 429, language, 'throttled', '/privacy/choices');
    if (outcome.kind === 'failed') return portalMessage(res, 503, language, 'sending_failed', '/privacy/choices');
    portalRedirect(res, withLanguage(`${VERIFY}/${outcome.submissionId}`, language));
  }

  @Get('verify/:id')
  code(@Param('id') id: string, @Req() req: Request, @Res() res: Response): void {
    const language = portalLanguage(req);
    if (!UUID.test(id)) return portalMessage(res, 404, language, 'link_invalid', '/privacy/choices');
    portalPage(res, 200, codePage(language, id, portalCsrf(req, res, this.portal.csrfKey), undefined, VERIFY));
  }

  @Post('verify/:id')
  async verify(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = readPortalForm(req, res, this.portal.csrfKey);
    if (!form) return;
    const { body, language } = form;
    if (!UUID.test(id)) return portalMessage(res, 404, language, 'link_invalid', '/privacy/choices');
    const outcome = await this.choices.verify(id, body.get('code') ?? '', this.baseUrl(req));
    if (outcome.kind === 'confirmed')
      return portalRedirect(res, withLanguage(`/privacy/status/${outcome.token}`, language, { done: 'choices' }));
    const status = outcome.kind === 'wrong' ? 422 : outcome.kind === 'unknown' ? 404 : 410;
    portalPage(
      res,
      status,
      codePage(
        language,
        id,
        portalCsrf(req, res, this.portal.csrfKey),
        { kind: outcome.kind, left: outcome.kind === 'wrong' ? outcome.left : undefined },
        VERIFY,
      ),
    );
  }

  private async show(
    req: Request,
    res: Response,
    status: number,
    page: Omit<ChoicesPage, 'csrf' | 'canSend' | 'offered' | 'turnstileSiteKey'> & { language: Language },
  ): Promise<void> {
    const turnstileSiteKey = this.config.turnstile?.siteKey;
    const html = choicesPage({
      ...page,
      csrf: portalCsrf(req, res, this.portal.csrfKey),
      canSend: this.portal.canSend,
      offered: await this.choices.offered(),
      turnstileSiteKey,
    });
    portalPage(res, status, html, !!turnstileSiteKey);
  }

  private passedChallenge(body: URLSearchParams, req: Request): Promise<boolean> {
    const turnstile = this.config.turnstile;
    if (!turnstile) return Promise.resolve(true);
    return turnstilePassed(turnstile, body.get(TURNSTILE_FIELD), req.ip ?? null);
  }

  private baseUrl(req: Request): string {
    return this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  }
}
