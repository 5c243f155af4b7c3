import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ANY_ROLE, Roles } from '../../auth/access.decorators';
import { InvalidInputError } from '../../common/errors/domain.error';
import { presentActivity } from './activities.register';
import { ProcessingActivity } from './activity.entity';
import { renderRecordOfProcessing } from './record-of-processing';

/** Registered before the activities resource, so that `record.html` is not taken for an id. */
@ApiTags('registers')
@Roles(...ANY_ROLE)
@Controller('activities')
export class RecordOfProcessingController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('record.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiQuery({ name: 'lang', required: false, enum: ['it', 'en'] })
  @ApiOperation({
    summary: 'The record of processing activities (Art. 30(1)) as a printable page, in Italian or English',
  })
  async record(@Query('lang') lang?: string) {
    const language = lang ?? 'it';
    if (language !== 'it' && language !== 'en')
      throw new InvalidInputError('lang must be it or en', { lang: 'must be it or en' });
    const activities = await this.dataSource
      .getRepository(ProcessingActivity)
      .find({ relations: ['processors', 'retentionPolicy'], order: { name: 'ASC' } });
    return renderRecordOfProcessing(activities.map(presentActivity), language);
  }
}
