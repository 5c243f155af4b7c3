import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { sendPage } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { SweepQueryDto } from './dto/sweep-query.dto';
import { RetentionSweep } from './retention-sweep.entity';
import { presentRetentionSweep, RETENTION_SWEEPS_LIST } from './retention-sweeps.list';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Records past their retention period: the report, the sweep that enforces it, its history. */
@ApiTags('retention')
@Roles(...ANY_ROLE)
@Controller('retention')
export class RetentionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionService,
    private readonly scheduler: RetentionScheduler,
  ) {}

  @Get('report')
  @ApiOperation({
    summary:
      'Per retention policy: the cutoff, the records past it, the oldest, the restricted ones kept; oldest first',
  })
  async report() {
    const [report, last] = await Promise.all([this.retention.report(), this.retention.lastSweep()]);
    return { ...report, schedule: this.scheduler.schedule(), lastSweep: last ? presentRetentionSweep(last) : null };
  }

  @Roles(...STAFF_WRITE)
  @Post('sweep')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deletes or anonymises the records past retention as each policy says, in batches, never a restricted one; ?dryRun=true counts and changes nothing. 409 while another sweep runs.',
  })
  async sweep(@CurrentUser() actor: AuthenticatedUser, @Query() query: SweepQueryDto) {
    return presentRetentionSweep(
      await this.retention.sweep(actor, { dryRun: query.dryRun === 'true', trigger: 'manual' }),
    );
  }

  @Get('sweeps')
  @ListQueryParams()
  @ApiOperation({ summary: 'The sweeps and dry runs, newest first' })
  async sweeps(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const page = await findPage(
      this.dataSource.getRepository(RetentionSweep),
      parseListQuery(RETENTION_SWEEPS_LIST, query),
      RETENTION_SWEEPS_LIST.searchable,
    );
    return sendPage(res, RETENTION_SWEEPS_LIST.resource, page, presentRetentionSweep);
  }

  @Get('sweeps/:id')
  @ApiOperation({ summary: 'One sweep, with its per-policy results' })
  async sweepById(@Param('id', ParseUUIDPipe) id: string) {
    return presentRetentionSweep(await this.retention.findSweep(id));
  }
}
