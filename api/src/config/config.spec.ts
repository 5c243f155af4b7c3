import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const KEY = 'a'.repeat(64);
const tmp = () => mkdtempSync(join(tmpdir(), 'pc-config-'));

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 with a pool of one', () => {
    const config = loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, databasePoolSize: 1, env: 'development' });
  });

  it('allows the UI dev server as a CORS origin by default in development only, never in production or test', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY }).corsOrigins).toEqual(['http://localhost:5173']);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db.example:5432/console',
      ENCRYPTION_KEY: KEY,
    };
    expect(loadConfig(production).corsOrigins).toEqual([]);
    expect(loadConfig({ ...production, CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: tmp(), ENCRYPTION_KEY: KEY }).corsOrigins).toEqual([]);
    expect(
      loadConfig({ ...production, CORS_ORIGINS: 'https://privacy.example.com, https://admin.example.com' }).corsOrigins,
    ).toEqual(['https://privacy.example.com', 'https://admin.example.com']);
  });

  it('uses the server pool size when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db.example:5432/console',
      DATABASE_POOL_SIZE: '7',
      ENCRYPTION_KEY: KEY,
    });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u:p@db.example:5432/console', databasePoolSize: 7 });
  });

  it('serves from one process by default, from WORKERS processes on a server only', () => {
    const server = { DATABASE_URL: 'postgres://u:p@db.example:5432/console', ENCRYPTION_KEY: KEY };
    expect(loadConfig(server).workers).toBe(1);
    expect(loadConfig({ ...server, WORKERS: '4' }).workers).toBe(4);
    expect(failure({ ...server, WORKERS: '0' })).toBe(
      'Configuration error: WORKERS must be a whole number between 1 and 64 (got "0")',
    );
    expect(failure({ ...server, WORKERS: '1.5' })).toMatch(/^Configuration error: WORKERS must be a whole number/);
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, WORKERS: '1' }).workers).toBe(1);
    expect(failure({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, WORKERS: '2' })).toBe(
      'Configuration error: WORKERS=2 needs DATABASE_URL (the embedded database serves one process: set WORKERS=1 or use a PostgreSQL server)',
    );
  });

  it('generates the key for secrets at rest once into DATA_DIR', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.encryptionKey).toHaveLength(32);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(readFileSync(join(dir, 'encryption.key'), 'utf8').trim()).toBe(first.encryptionKey.toString('hex'));
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number between 0 and 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be a whole number/],
    [{ DATABASE_POOL_SIZE: '1' }, /^Configuration error: DATABASE_POOL_SIZE must be a whole number between 2 and 100/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /^Configuration error: DATABASE_URL must be a URL like postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /^Configuration error: DATABASE_URL must be a URL/],
    [{ ENCRYPTION_KEY: 'short' }, /^Configuration error: ENCRYPTION_KEY must be 64 hexadecimal characters/],
    [{ ADMIN_EMAIL: 'nobody' }, /^Configuration error: ADMIN_EMAIL must be an e-mail address \(got "nobody"\)$/],
    [{ ADMIN_PASSWORD: 'short' }, /^Configuration error: ADMIN_PASSWORD must be at least 12 characters$/],
    [{ NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV/],
    [{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL/],
    [{ RETENTION_SWEEP_CRON: 'daily' }, /^Configuration error: RETENTION_SWEEP_CRON must be a cron expression/],
    [{ RETENTION_SWEEP_CRON: '0 25 * * *' }, /^Configuration error: RETENTION_SWEEP_CRON must be a cron expression/],
    [
      { RETENTION_SWEEP_TIME_ZONE: 'Europe/Nowhere' },
      /^Configuration error: RETENTION_SWEEP_TIME_ZONE must be an IANA time zone/,
    ],
    [
      { RETENTION_SWEEP_BATCH: '10' },
      /^Configuration error: RETENTION_SWEEP_BATCH must be a whole number between 100 and 100000/,
    ],
  ])('refuses %j in one line', (env, message) => {
    const text = failure({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, ...env });
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('never echoes a password from DATABASE_URL', () => {
    expect(failure({ DATABASE_URL: 'mysql://u:secret@h/db' })).not.toContain('secret');
  });

  it('requires a database server and a key in production', () => {
    expect(failure({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY })).toMatch(/DATABASE_URL is required in production/);
    expect(failure({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toMatch(
      /ENCRYPTION_KEY is required in production/,
    );
    expect(
      failure({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', ENCRYPTION_KEY: KEY, ADMIN_EMAIL: 'a@b.it' }),
    ).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
  });

  it('turns Turnstile on only with its site key and secret together, never echoing the secret', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY }).turnstile).toBeNull();
    expect(
      loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, TURNSTILE_SITE_KEY: '0x4AAA', TURNSTILE_SECRET: 's3cr3t' })
        .turnstile,
    ).toEqual({
      siteKey: '0x4AAA',
      secret: 's3cr3t',
      verifyUrl: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
    });
    expect(failure({ TURNSTILE_SITE_KEY: '0x4AAA' })).toMatch(
      /TURNSTILE_SITE_KEY and TURNSTILE_SECRET must be set together/,
    );
    expect(failure({ TURNSTILE_SECRET: 's3cr3t' })).not.toContain('s3cr3t');
    expect(failure({ TURNSTILE_SITE_KEY: 'a', TURNSTILE_SECRET: 'b', TURNSTILE_VERIFY_URL: 'ftp://x' })).toMatch(
      /TURNSTILE_VERIFY_URL/,
    );
  });

  it('sweeps retention daily at 03:00 in Rome unless told otherwise, and never with off', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY })).toMatchObject({
      retentionSweepCron: '0 3 * * *',
      retentionSweepTimeZone: 'Europe/Rome',
      retentionSweepBatchSize: 10_000,
    });
    expect(
      loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, RETENTION_SWEEP_CRON: 'off' }).retentionSweepCron,
    ).toBeNull();
    expect(
      loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, RETENTION_SWEEP_CRON: '30 2 * * 1-5' }).retentionSweepCron,
    ).toBe('30 2 * * 1-5');
  });

  it('gives up a stalled download after 2 minutes unless told otherwise', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY }).exportStallSeconds).toBe(120);
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, EXPORT_STALL_SECONDS: '30' }).exportStallSeconds).toBe(
      30,
    );
    expect(failure({ EXPORT_STALL_SECONDS: '0' })).toMatch(/EXPORT_STALL_SECONDS/);
  });

  it('opens a package published on the portal for 7 days unless told otherwise, 1 to 30', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY }).portalPackageDays).toBe(7);
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, PORTAL_PACKAGE_DAYS: '3' }).portalPackageDays).toBe(3);
    expect(failure({ PORTAL_PACKAGE_DAYS: '0' })).toMatch(/PORTAL_PACKAGE_DAYS/);
    expect(failure({ PORTAL_PACKAGE_DAYS: '31' })).toMatch(/PORTAL_PACKAGE_DAYS/);
  });

  it('keeps the identity clock pause off unless IDENTITY_PAUSE=on', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY }).identityPause).toBe(false);
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, IDENTITY_PAUSE: 'on' }).identityPause).toBe(true);
    expect(loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: KEY, IDENTITY_PAUSE: 'off' }).identityPause).toBe(false);
    expect(failure({ IDENTITY_PAUSE: 'yes' })).toMatch(/IDENTITY_PAUSE must be on or off/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: null,
    });
  });
});
