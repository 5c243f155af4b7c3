import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { AuditRead } from '../audit/read-audit';
import { NotFoundError } from '../common/errors/domain.error';
import { LANGUAGES, type Language } from '../requests/request.entity';
import { LetterTemplateDto, PreviewLetterDto, SendLetterDto } from './dto/letter.dtos';
import { TEMPLATE_KEYS, type TemplateKey } from './letter-texts';
import { presentLetter } from './letter.presenter';
import { LettersService } from './letters.service';

@ApiTags('letters')
@Roles(...STAFF_WRITE)
@Controller('requests/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Roles(...ANY_ROLE)
  @Get()
  @AuditRead({
    action: 'letters.viewed',
    entity: 'request',
    read: 'one',
    details: (letters: Array<{ id: string }>) => ({ ids: letters.map((l) => l.id) }),
  })
  @ApiOperation({ summary: "The request's letters, newest first, with their state (queued, sent, failed)" })
  async list(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.letters.list(id)).map(presentLetter);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: "A letter as it would be sent, in the request's language (works without SMTP)" })
  preview(@Param('id', ParseUUIDPipe) id: string, @Body() body: PreviewLetterDto) {
    return this.letters.preview(id, body);
  }

  @Post()
  @ApiOperation({
    summary: 'Sends a letter (the officer may give their own subject and text); 409 when sending is not configured',
  })
  async send(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SendLetterDto,
  ) {
    return presentLetter(await this.letters.send(actor, id, body));
  }

  @Post(':letterId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tries a failed letter again, now' })
  async retry(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
  ) {
    return presentLetter(await this.letters.retry(actor, id, letterId));
  }
}

function templateOf(key: string, language: string): [TemplateKey, Language] {
  if (!(TEMPLATE_KEYS as readonly string[]).includes(key) || !(LANGUAGES as readonly string[]).includes(language))
    throw new NotFoundError('Letter template', `${key}/${language}`);
  return [key as TemplateKey, language as Language];
}

@ApiTags('letters')
@Roles(...ANY_ROLE)
@Controller('letter-templates')
export class LetterTemplatesController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @ApiOperation({ summary: 'The template in force of every letter, per language (version 0: the one in code)' })
  list() {
    return this.letters.templates();
  }

  @Get(':key/:language')
  @ApiOperation({ summary: 'A template in force, its earlier versions and the default in code' })
  get(@Param('key') key: string, @Param('language') language: string) {
    return this.letters.template(...templateOf(key, language));
  }

  @Roles('admin')
  @Put(':key/:language')
  @ApiOperation({ summary: 'A new version of a template (audited with what it replaces)' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('key') key: string,
    @Param('language') language: string,
    @Body() body: LetterTemplateDto,
  ) {
    return this.letters.updateTemplate(actor, ...templateOf(key, language), body);
  }
}
