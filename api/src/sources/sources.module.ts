import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { readOnlyResourceController } from './read-only-resource.controller';
import { SOURCES } from './source-registry';

/** The personal-data sources as read-only resources (leads, chat, calendar, consents, access logs). */
@Module({
  imports: [AuditModule],
  controllers: SOURCES.map((source) => readOnlyResourceController(source)),
})
export class SourcesModule {}
