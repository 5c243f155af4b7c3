import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError, loadConfig, projectRoot, type AppConfig } from '../config/config';
import { embeddedLockHolder } from './embedded-postgres';

/**
 * Backup and restore of the console's database:
 *   npm run backup [-- <file>]     a server (DATABASE_URL): pg_dump's custom format;
 *                                  the embedded default: a .tar.gz of its data folder
 *   npm run restore -- <file>      the reverse; the embedded one keeps the replaced folder beside it
 * The encryption key is never in a backup: keep ENCRYPTION_KEY (or DATA_DIR/encryption.key)
 * separately, a restore needs the same key to read the OAuth tokens.
 */
export async function backup(config: AppConfig, file?: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (config.databaseUrl) {
    const target = resolve(file ?? join(projectRoot(), 'backups', `console-${stamp}.dump`));
    mkdirSync(dirname(target), { recursive: true });
    run('pg_dump', ['--format=custom', '--no-owner', '--file', target, '--dbname', config.databaseUrl]);
    return target;
  }
  const pgdata = embeddedDir(config);
  refuseWhileRunning(config);
  const target = resolve(file ?? join(projectRoot(), 'backups', `console-${stamp}.tar.gz`));
  mkdirSync(dirname(target), { recursive: true });
  const db = await PGlite.create(pgdata);
  try {
    const dump = await db.dumpDataDir('gzip');
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  return target;
}

export async function restore(config: AppConfig, file: string): Promise<string> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new Error(`No backup file at ${source}`);
  if (config.databaseUrl) {
    // --clean drops what the backup holds before re-creating it: the database ends as it was.
    run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--dbname',
      config.databaseUrl,
      source,
    ]);
    return `Restored ${source} into the database of DATABASE_URL.${setAsideAuditAnchor(config)}`;
  }
  refuseWhileRunning(config);
  const pgdata = embeddedDir(config);
  const replaced = `${pgdata}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(pgdata)) renameSync(pgdata, replaced);
  try {
    const db = await PGlite.create({ dataDir: pgdata, loadDataDir: new Blob([readFileSync(source)]) });
    await db.query('SELECT count(*) FROM migrations');
    await db.close();
  } catch (error) {
    // A bad archive must not leave the console without its data.
    if (existsSync(replaced)) {
      if (existsSync(pgdata)) renameSync(pgdata, `${pgdata}.failed-restore`);
      renameSync(replaced, pgdata);
    }
    throw new Error(`${source} is not a backup of the embedded database: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return `Restored ${source} into ${pgdata}${existsSync(replaced) ? `; the replaced data is in ${replaced}` : ''}.${setAsideAuditAnchor(config)}`;
}

/**
 * A restore takes the audit chain back to the backup's checkpoint on purpose: this instance's
 * copy of a later checkpoint (DATA_DIR/audit-checkpoint.<chain id>.json) is set aside, kept for the
 * auditor, so that the restored chain is checked against its own signed checkpoint.
 */
function setAsideAuditAnchor(config: AppConfig): string {
  if (!existsSync(config.dataDir)) return '';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const kept = readdirSync(config.dataDir)
    .filter((name) => /^audit-checkpoint\.[0-9a-f]{32}\.json$/.test(name))
    .map((name) => {
      const to = join(config.dataDir, `${name}.before-restore-${stamp}`);
      renameSync(join(config.dataDir, name), to);
      return to;
    });
  return kept.length ? ` The audit checkpoint seen before the restore is kept in ${kept.join(', ')}.` : '';
}

function embeddedDir(config: AppConfig): string {
  return join(config.dataDir, 'pgdata');
}

function refuseWhileRunning(config: AppConfig): void {
  const pid = embeddedLockHolder(config.dataDir);
  if (pid)
    throw new Error(
      `The console (process ${pid}) is using ${config.dataDir}: stop it first, the embedded database has one user at a time`,
    );
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`${command} could not be run (${result.error.message}): install the PostgreSQL client tools`);
  if (result.status !== 0)
    throw new Error(`${command} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'backup') console.log(`Backup written to ${await backup(config, file)}`);
  else if (command === 'restore' && file) console.log(await restore(config, file));
  else throw new Error('Usage: npm run backup [-- <file>] | npm run restore -- <file>');
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : `${(error as Error).message}`);
    process.exit(1);
  });
}
