import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { readOnlyResourceController } from './read-only-resource.controller';
import { registeredSources } from './source-registry';

/** The personal-data sources as read-only resources: one per registered source. */
@Module({
  imports: [AuditModule],
  controllers: registeredSources().map((source) => readOnlyResourceController(source)),
})
export class SourcesModule {}
