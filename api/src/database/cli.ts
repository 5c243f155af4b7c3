import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, projectRoot } from '../config/config';
import { dataSourceOptions } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * The migration commands, against DATABASE_URL or, when unset, the embedded database in DATA_DIR:
 *   npm run migration:run | migration:revert | migration:generate -- <PascalCaseName>
 */
async function main(command: string | undefined, name: string | undefined): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const dataSource = new DataSource(
    dataSourceOptions(config.databaseUrl ?? embedded!.url, config.databasePoolSize, embedded !== null),
  );
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        break;
      case 'generate':
        await generate(dataSource, name);
        break;
      default:
        throw new Error('Usage: cli.js run | revert | generate <PascalCaseName>');
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

/** Writes the SQL that turns the migrated database into what the entities describe. */
async function generate(dataSource: DataSource, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new Error('Give the migration a PascalCase name: npm run migration:generate -- AddLeads');
  const pending = await dataSource.showMigrations();
  if (pending) throw new Error('Run the pending migrations first (npm run migration:run), then generate.');
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  if (upQueries.length === 0) {
    console.log('The entities and the database already match: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const sql = (queries: typeof upQueries) =>
    queries
      .map(
        (q) =>
          `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  const dir = join(projectRoot(), 'migrations');
  const file = join(dir, `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql(upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql([...downQueries].reverse())}
  }
}
`,
  );
  writeIndex(dir);
  console.log(`Written ${file}; review it, then run: npm run migration:run`);
}

const quote = (sql: string) => '`' + sql.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${') + '`';

/** migrations/index.ts lists every migration class, oldest first. */
function writeIndex(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(f))
    .sort();
  const entries = files.map((f) => {
    const [, timestamp, pascal] = /^(\d{13})-([A-Za-z0-9]+)\.ts$/.exec(f)!;
    return { module: `./${f.replace(/\.ts$/, '')}`, className: `${pascal}${timestamp}` };
  });
  writeFileSync(
    join(dir, 'index.ts'),
    `${entries.map((e) => `import { ${e.className} } from '${e.module}';`).join('\n')}

// The migrations, oldest first. \`npm run migration:generate -- <Name>\` adds new ones here.
export const MIGRATIONS: Function[] = [${entries.map((e) => e.className).join(', ')}];
`,
  );
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Migration command failed: ${(error as Error).message}`);
  process.exit(1);
});
