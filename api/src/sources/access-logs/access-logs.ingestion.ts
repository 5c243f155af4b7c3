import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { isPlainIpAddress } from '../../common/ip-address';
import { INSTANT, OptionalText, WithExternalId } from '../../ingestion/ingest-dto-parts';
import { defineIngestion, storeEach } from '../../ingestion/source-ingestion';

export class IngestAccessLogDto extends WithExternalId {
  @ApiProperty({ example: '93.44.12.7' })
  @ValidateBy({
    name: 'isPlainIpAddress',
    validator: {
      validate: isPlainIpAddress,
      defaultMessage: () => 'must be an IPv4 or IPv6 address, without a zone (%eth0)',
    },
  })
  ip: string;

  @OptionalText(1000) userAgent?: string;

  @ApiProperty({ example: '/servizi/vetrine' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  path: string;

  @ApiProperty({ example: 'GET' })
  @IsIn(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], { message: 'must be an HTTP method in capitals' })
  method: string;

  @ApiProperty({ example: 200 })
  @IsInt({ message: 'must be a whole number' })
  @Min(100)
  @Max(599)
  status: number;

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  at: string;
}

/** An access-log line is indexed by nothing: its IP is found by the search's IP lookup, not the index. */
export const accessLogsIngestion = defineIngestion({
  dto: IngestAccessLogDto,
  summary: 'Web server access-log lines',
  store: storeEach((r: IngestAccessLogDto) => ({
    row: {
      externalId: r.externalId ?? null,
      ip: r.ip,
      userAgent: r.userAgent ?? null,
      path: r.path,
      method: r.method,
      status: r.status,
      at: new Date(r.at),
    },
    identifiers: [],
  })),
});
