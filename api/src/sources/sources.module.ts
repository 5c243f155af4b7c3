import { Module } from '@nestjs/common';
import { readOnlyResourceController } from './read-only-resource.controller';
import { SOURCES } from './source-registry';

/** The personal-data sources as read-only resources (leads, chat, calendar, consents, access logs). */
@Module({
  controllers: SOURCES.map((source) => readOnlyResourceController(source)),
})
export class SourcesModule {}
