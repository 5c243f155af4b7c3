import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BreachesModule } from './breaches/breaches.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { redactErrorLog, redactRequestLog } from './common/log-redaction';
import { dataSourceOptions } from './database/data-source';
import { DataKeysModule } from './common/crypto/data-keys.service';
import { ErasureModule } from './erasure/erasure.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { MailboxModule } from './mailbox/mailbox.module';
import { LegalHoldsModule } from './legal-holds/legal-holds.module';
import { LettersModule } from './letters/letters.module';
import { PackageModule } from './portal/package.module';
import { PortalModule } from './portal/portal.module';
import { RegistersModule } from './registers/registers.module';
import { RemindersModule } from './reminders/reminders.module';
import { RequestsModule } from './requests/requests.module';
import { RetentionModule } from './retention/retention.module';
import { SourcesModule } from './sources/sources.module';
import { SubjectsModule } from './subjects/subjects.module';
import { UsersModule } from './users/users.module';

/**
 * The console. `databaseUrl` is the server to use (the embedded one is already started);
 * `migrationsRun` false for a worker forked once the first has brought the schema up to date.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, migrationsRun = true): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot({
          // Express 5 path syntax for "every route" (the default '*' is the old syntax).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Credentials never reach the logs.
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-api-key"]',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            // Searches and list filters carry what an officer typed (e-mails, phones): no value of theirs is logged,
            // nor the values bound to a query that failed.
            serializers: { req: redactRequestLog, err: redactErrorLog },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.databasePoolSize, config.databaseUrl === null),
          migrationsRun,
          // bootstrap has already reached the database once; do not spin for half a minute.
          retryAttempts: 1,
          retryDelay: 1000,
        }),
        DataKeysModule,
        AuditModule,
        AuthModule,
        UsersModule,
        HealthModule,
        ApiKeysModule,
        SourcesModule,
        SubjectsModule,
        IngestionModule,
        RequestsModule,
        RegistersModule,
        ExportsModule,
        ErasureModule,
        RetentionModule,
        BreachesModule,
        MailboxModule,
        LettersModule,
        LegalHoldsModule,
        PortalModule,
        PackageModule,
        RemindersModule,
      ],
    };
  }
}
