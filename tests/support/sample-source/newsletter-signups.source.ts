import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsISO8601, MaxLength } from 'class-validator';
import { trim } from '../../../api/src/common/rest/transforms';
import { pagedByOffset } from '../../../api/src/exports/export-reader';
import { isoOf } from '../../../api/src/exports/source-export';
import { EMAIL, INSTANT, WithExternalId } from '../../../api/src/ingestion/ingest-dto-parts';
import { defineIngestion, storeEach } from '../../../api/src/ingestion/source-ingestion';
import { defineSource } from '../../../api/src/sources/source-definition';
import { iso } from '../../../api/src/sources/present-parts';
import { IdentifierCollector } from '../../../api/src/subjects/identifier-collector';
import { normaliseEmail } from '../../../api/src/subjects/identifiers';
import { NewsletterSignup } from './newsletter-signup.entity';
import { newsletterSignupsErasure, newsletterSignupsRestriction } from './newsletter-signups.erasure';
import { newsletterSignupsRetention } from './newsletter-signups.retention';

/**
 * A source that exists only in the tests, written as docs/architecture.md says a new source is:
 * its folder (entity, migration, this definition) and one registration line (here the test's
 * `startTestConsole({ extraSources })`). Nothing else in the console names it.
 */

export class IngestNewsletterSignupDto extends WithExternalId {
  @ApiProperty({ example: 'mario.rossi@example.it' })
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  signedUpAt: string;
}

export function presentNewsletterSignup(s: NewsletterSignup) {
  return { id: s.id, externalId: s.externalId, email: s.email, signedUpAt: iso(s.signedUpAt) };
}
export type NewsletterSignupView = ReturnType<typeof presentNewsletterSignup>;

/** Whose the record is: the address that signed up. */
export function signupIdentifiers(signup: { email: string }) {
  const identifiers = new IdentifierCollector();
  identifiers.add('email', normaliseEmail(signup.email), 'email');
  return identifiers.found;
}

interface SignupColumns {
  email: string;
  signed_up_at: Date;
}

export const newsletterSignupsSource = defineSource({
  resource: 'newsletter-signups',
  entity: NewsletterSignup,
  idType: 'uuid',
  present: presentNewsletterSignup,
  list: {
    resource: 'newsletter-signups',
    fields: { id: 'uuid', externalId: 'text', email: 'text', signedUpAt: 'datetime' },
    searchable: ['email'],
    defaultSort: ['signedUpAt', 'DESC'],
  },
  ingestion: defineIngestion({
    dto: IngestNewsletterSignupDto,
    summary: 'Newsletter sign-ups (a sample source of the tests)',
    store: storeEach((r: IngestNewsletterSignupDto) => {
      const row = {
        externalId: r.externalId ?? null,
        email: r.email.toLowerCase(),
        signedUpAt: new Date(r.signedUpAt),
      };
      return { row, identifiers: signupIdentifiers(row) };
    }),
  }),
  severalPeoplePerRecord: false,
  registerSystem: 'newsletter-signups',
  packages: {
    kind: 'file',
    label: { en: 'Newsletter sign-ups', it: 'Iscrizioni alla newsletter' },
    origin: { en: 'You, through the newsletter form', it: 'Lei, tramite il modulo della newsletter' },
    columns: [{ fields: ['email', 'signedUpAt'], legalBasis: 'consent', portable: true }],
    read: ({ ids, reader }) => {
      const signups = ids('newsletter-signups');
      if (!signups.length) return null;
      return pagedByOffset<SignupColumns>(
        reader,
        `SELECT * FROM newsletter_signups WHERE id = ANY($1::uuid[]) ORDER BY signed_up_at, id`,
        [signups],
        (s) => ({ email: s.email, signedUpAt: isoOf(s.signed_up_at) }),
      );
    },
  },
  identifiers: { of: signupIdentifiers },
  erasure: newsletterSignupsErasure,
  restriction: newsletterSignupsRestriction,
  retention: newsletterSignupsRetention,
  // Everyone in the demo data signed up once, when they first came: no faker, so the other
  // sources' demo data stays as it is without this source.
  demo: {
    of: ({ person, firstSeen, nextId }): IngestNewsletterSignupDto[] => [
      { externalId: nextId('signup'), email: person.email, signedUpAt: firstSeen.toISOString() },
    ],
  },
});
