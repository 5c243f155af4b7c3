import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import type { Language } from '../requests/request.entity';
import { packageExpiredPage, packagePage, packagePath, type PackageProblem } from './package-pages';
import { PackageService } from './package.service';
import { withLanguage } from './portal-pages';
import {
  portalCsrf,
  portalLanguage,
  portalMessage,
  portalPage as page,
  portalRedirect as redirect,
  readPortalForm,
} from './portal-http';
import { pickLanguage } from './portal-rules';
import { PortalService } from './portal.service';
/**
 * A published package's page on the privacy portal (/privacy/package/<token>): the subject asks
 * for a one-time code, enters it, and the answer is the ZIP. Public and outside the API like the
 * portal's other pages, with their CSP, their CSRF cookie, and no script.
 */
@ApiExcludeController()
@Public()
@Controller('privacy/package')
export class PackagePortalController {
  constructor(
    private readonly packages: PackageService,
    private readonly portal: PortalService,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const opened = await this.packages.open(token);
    if (!opened) return this.invalid(res, portalLanguage(req));
    // The package's language (the request's) unless the subject chose the other one.
    const language = pickLanguage(req.query.lang, opened.pkg.language);
    if (opened.kind === 'over') return page(res, 410, packageExpiredPage(language, token, opened.reference));
    page(res, 200, packagePage(language, token, this.csrf(req, res), opened.view, { sent: req.query.done === 'sent' }));
  }

  @Post(':token/code')
  async sendCode(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const outcome = await this.packages.sendCode(token);
    if (outcome === 'sent') return redirect(res, withLanguage(packagePath(token), form.language, { done: 'sent' }));
    if (outcome === 'throttled') return portalMessage(res, 429, form.language, 'throttled', packagePath(token));
    if (outcome === 'failed') return portalMessage(res, 503, form.language, 'sending_failed', packagePath(token));
    await this.over(token, form.language, res);
  }

  @Post(':token')
  async download(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = this.readForm(req, res);
    if (!form) return;
    const check = await this.packages.checkDownload(token, form.body.get('code') ?? '');
    if (check.kind === 'ok') {
      res.status(200);
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="${check.pkg.fileName}"`);
      res.setHeader('Content-Length', String(check.pkg.size));
      res.setHeader('Cache-Control', 'no-store');
      return this.packages.download(check.pkg, res);
    }
    if (check.kind === 'expired' || check.kind === 'unknown') return this.over(token, form.language, res);
    const problem: PackageProblem =
      check.kind === 'wrong'
        ? { kind: 'wrong', left: check.left }
        : { kind: check.kind === 'expired_code' ? 'expired' : check.kind };
    const opened = await this.packages.open(token);
    if (opened?.kind !== 'open') return this.over(token, form.language, res);
    page(res, 422, packagePage(form.language, token, this.csrf(req, res), opened.view, { problem }));
  }

  /** The link that no longer opens (the expiry page), or never did (the portal's "link not valid"). */
  private async over(token: string, language: Language, res: Response): Promise<void> {
    const opened = await this.packages.open(token);
    if (!opened) return this.invalid(res, language);
    page(
      res,
      410,
      packageExpiredPage(language, token, opened.kind === 'over' ? opened.reference : opened.view.reference),
    );
  }

  private invalid(res: Response, language: Language): void {
    portalMessage(res, 404, language, 'link_invalid', '/privacy');
  }

  private readForm(req: Request, res: Response) {
    return readPortalForm(req, res, this.portal.csrfKey);
  }

  private csrf(req: Request, res: Response): string {
    return portalCsrf(req, res, this.portal.csrfKey);
  }
}
