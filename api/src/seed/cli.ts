import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { IngestionService } from '../ingestion/ingestion.service';
import { seedDemoData } from './demo-seeder';

/**
 * npm run seed -- --scale N [--seed S]: adds N generated people to the database (DATABASE_URL,
 * or the embedded one in DATA_DIR; stop the console first), through the ingestion service.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    if (i === -1) return fallback;
    const value = Number(args[i + 1]);
    if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(`--${name} must be a whole number above 0`);
    return value;
  };
  const scale = option('scale', 1000);
  const seed = option('seed', 20261122);
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ ...config, logLevel: 'warn' }, config.databaseUrl ?? embedded!.url),
    { logger: ['error', 'warn'] },
  );
  try {
    const started = Date.now();
    const created = await seedDemoData(app.get(IngestionService), scale, seed);
    const total = Object.values(created).reduce((a, b) => a + b, 0);
    console.log(
      `Seeded ${scale} people: ${Object.entries(created)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ')} (${total} records in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Seeding failed: ${(error as Error).message}`);
  process.exit(1);
});
