import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** The query of `POST /retention/sweep`: `?dryRun=true` counts what a sweep would change and changes nothing. */
export class SweepQueryDto {
  @ApiPropertyOptional({
    description: 'true: count, per retention policy, what a sweep would delete or anonymise, and change nothing',
    default: false,
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  dryRun?: 'true' | 'false';
}
