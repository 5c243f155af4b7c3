import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { seal } from '../../common/crypto/secret-box';
import { trim } from '../../common/rest/transforms';
import { EMAIL, INSTANT, OptionalText, WithExternalId } from '../../ingestion/ingest-dto-parts';
import { defineIngestion, storeEach } from '../../ingestion/source-ingestion';
import { IdentifierCollector, type FoundIdentifier } from '../../subjects/identifier-collector';
import { normaliseEmail, normaliseName } from '../../subjects/identifiers';
import { EVENT_ORIGINS, type Attendee, type EventOrigin } from './calendar-event.entity';

export class IngestCalendarConnectionDto extends WithExternalId {
  @ApiProperty({ example: 'mario.rossi@gmail.com' })
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  accountEmail: string;

  @ApiPropertyOptional({ description: 'Stored encrypted; never answered' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  accessToken?: string;

  @ApiPropertyOptional({ description: 'Stored encrypted; never answered' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  refreshToken?: string;

  @ApiProperty({
    example: ['https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/calendar'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  scopes: string[];

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  connectedAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, INSTANT)
  revokedAt?: string;
}

export class AttendeeDto {
  @ApiPropertyOptional({ example: 'anna.verdi@example.it' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  email?: string;

  @OptionalText(200) name?: string;
}

export class IngestCalendarEventDto extends WithExternalId {
  @ApiPropertyOptional({ description: 'The externalId of the calendar connection it belongs to' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  connectionExternalId?: string;

  @ApiProperty({ enum: EVENT_ORIGINS })
  @IsIn(EVENT_ORIGINS, { message: `must be one of ${EVENT_ORIGINS.join(', ')}` })
  origin: EventOrigin;

  @ApiProperty({ example: 'Sopralluogo negozio' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @OptionalText(10_000) description?: string;

  @ApiPropertyOptional({ type: [AttendeeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @ApiProperty({ example: '2026-11-25T09:00:00+01:00' })
  @IsISO8601({ strict: true }, INSTANT)
  startsAt: string;

  @ApiProperty({ example: '2026-11-25T10:00:00+01:00' })
  @IsISO8601({ strict: true }, INSTANT)
  endsAt: string;
}

/** The Google account connected is its owner's. */
export function calendarConnectionIdentifiers(connection: { accountEmail: string }): FoundIdentifier[] {
  const c = new IdentifierCollector();
  c.add('account', normaliseEmail(connection.accountEmail), 'accountEmail');
  return c.found;
}

/** Each attendee owns the shared event; its title and description, written by others, only mention. */
export function calendarEventIdentifiers(event: {
  title: string;
  description?: string | null;
  attendees?: Attendee[] | null;
}): FoundIdentifier[] {
  const c = new IdentifierCollector();
  for (const attendee of event.attendees ?? []) {
    c.add('email', normaliseEmail(attendee.email), 'attendees');
    c.add('name', normaliseName(attendee.name), 'attendees');
  }
  c.writtenByOthers(event.title, 'title');
  c.writtenByOthers(event.description, 'description');
  return c.found;
}

export const calendarConnectionsIngestion = defineIngestion({
  dto: IngestCalendarConnectionDto,
  summary: 'Google Calendar connections (tokens are encrypted at rest)',
  store: storeEach((r: IngestCalendarConnectionDto, batch) => {
    const row = {
      externalId: r.externalId ?? null,
      accountEmail: r.accountEmail.toLowerCase(),
      accessTokenEncrypted: r.accessToken ? seal(batch.encryptionKey, r.accessToken) : null,
      refreshTokenEncrypted: r.refreshToken ? seal(batch.encryptionKey, r.refreshToken) : null,
      scopes: r.scopes,
      connectedAt: new Date(r.connectedAt),
      revokedAt: r.revokedAt ? new Date(r.revokedAt) : null,
    };
    return { row, identifiers: calendarConnectionIdentifiers(row) };
  }),
});

export const calendarEventsIngestion = defineIngestion({
  dto: IngestCalendarEventDto,
  summary: 'Calendar events: manual, system or imported',
  check: (e): Record<string, string> =>
    e.startsAt && e.endsAt && new Date(e.endsAt) < new Date(e.startsAt)
      ? { endsAt: 'must not be before startsAt' }
      : {},
  async store(records, batch) {
    const wanted = records.flatMap((r) => (r.connectionExternalId ? [r.connectionExternalId] : []));
    const connections = await batch.idsByExternalId(
      'calendar-connections',
      wanted,
      'connectionExternalId',
      'calendar connection',
    );
    return batch.insert(
      records.map((r) => {
        const attendees = (r.attendees ?? []).map((a) => ({ email: a.email ?? null, name: a.name ?? null }));
        const row = {
          externalId: r.externalId ?? null,
          connectionId: r.connectionExternalId ? connections.get(r.connectionExternalId)! : null,
          origin: r.origin,
          title: r.title,
          description: r.description ?? null,
          attendees,
          startsAt: new Date(r.startsAt),
          endsAt: new Date(r.endsAt),
        };
        return { row, identifiers: calendarEventIdentifiers(row) };
      }),
    );
  },
});
