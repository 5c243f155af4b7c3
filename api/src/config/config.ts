import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deriveAuditKey } from '../audit/audit-checkpoint';
import { validateCronExpression } from 'cron';
import { maskImapUrl, parseImapUrl, type ImapSettings } from '../mailbox/imap-url';
import { maskSmtpUrl, parseMailFrom, parseSmtpUrl, type MailFrom, type SmtpSettings } from '../letters/smtp-settings';
import { z } from 'zod';

/** The console's configuration, read once from the environment and validated at start. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** A PostgreSQL server; null means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** Processes serving HTTP on the port (WORKERS, or `npm start -- --workers N`); more than 1 needs a server. */
  workers: number;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  /** 32-byte key for secrets at rest (AES-256-GCM). */
  encryptionKey: Buffer;
  /** Signs the audit chain's checkpoint (AUDIT_KEY, or derived from the encryption key); never in the database. */
  auditKey: Buffer;
  sessionTtlHours: number;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built admin UI lives; null when it is not served (API-only tests). */
  adminDir: string | null;
  /** The company's own e-mail domains: its staff's addresses never link one subject to another. */
  controllerDomains: string[];
  /** The company's own answer time (privacy policy: 30 days), shown beside the legal deadline. */
  responseSlaDays: number;
  /** Where the public reaches the console (PUBLIC_URL), for the links in e-mails; null: the address the request came to. */
  publicUrl: string | null;
  /** Cloudflare Turnstile on the portal's forms (TURNSTILE_SITE_KEY and TURNSTILE_SECRET); null: the portal's own checks alone. */
  turnstile: { siteKey: string; secret: string; verifyUrl: string } | null;
  /** People to generate on the embedded database's first start (0: none). */
  demoPeople: number;
  /** Google's OAuth revocation endpoint: an erased calendar connection's token is revoked there. */
  googleOAuthRevokeUrl: string;
  /** When the retention sweep runs (a cron expression); null: never on its own. */
  retentionSweepCron: string | null;
  /** The time zone of that expression. */
  retentionSweepTimeZone: string;
  /** Records a sweep changes per transaction. */
  retentionSweepBatchSize: number;
  /** How long a package's download may wait for its client before it is given up (its snapshot holds a connection). */
  exportStallSeconds: number;
  /** Days a package published to the subject through the portal may be downloaded (PORTAL_PACKAGE_DAYS). */
  portalPackageDays: number;
  /** IDENTITY_PAUSE=on: the working deadline moves by the days identity information was awaited. */
  identityPause: boolean;
  /** The privacy@ mailbox read over IMAP (IMAP_URL); null: not read, requests arrive as uploaded .eml. */
  mailbox: MailboxConfig | null;
  /** The officer's letters sent over SMTP (SMTP_URL and MAIL_FROM); null: not sent, the letter endpoints answer 409. */
  letters: LettersConfig | null;
  /** The officers' daily reminders digest (REMINDER_CRON, REMINDER_TIME_ZONE, REMINDER_LANGUAGE). */
  reminders: RemindersConfig;
}

export interface RemindersConfig {
  /** When the digest is sent (a cron expression); null: never on its own (no SMTP_URL, or off). */
  cron: string | null;
  /** The time zone of that expression. */
  timeZone: string;
  /** The digest's language for a user who chose none. */
  language: 'it' | 'en';
}

export interface LettersConfig {
  smtp: SmtpSettings;
  from: MailFrom;
  /** The wait before a failed letter's first retry; it doubles with each failure (LETTER_RETRY_SECONDS). */
  retrySeconds: number;
  /** Tries before a letter waits for the officer's retry by hand (LETTER_MAX_ATTEMPTS). */
  maxAttempts: number;
}

export interface MailboxConfig extends ImapSettings {
  /** Where an imported message is moved on the server (created if missing). */
  processedFolder: string;
  /** When the mailbox is read (a cron expression); null: only on IDLE and on demand. */
  pollCron: string | null;
  /** Keep a connection in IMAP IDLE, so that new mail is read as it arrives (where the server can). */
  idle: boolean;
  /** Days other mail that was not made a request is kept (from its receipt), then deleted with its raw copy. */
  otherMailRetentionDays: number;
}

export class ConfigError extends Error {}

/**
 * The admin UI's development server, allowed to call the API with credentials by default in
 * development only: elsewhere no origin is, unless CORS_ORIGINS names it (the UI the console
 * serves itself is same-origin and needs none).
 */
export const DEV_CORS_ORIGIN = 'http://localhost:5173';

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a URL like postgres://user:password@host:5432/database');

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number between ${min} and ${max}`);

const encryptionKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes); generate one with: openssl rand -hex 32');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  // A long job (erasure, sweep, re-index) holds a connection of its own for its advisory lock
  // while it works on another: one connection would leave it waiting for itself.
  DATABASE_POOL_SIZE: integer(2, 100).default(10),
  WORKERS: integer(1, 64).default(1),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  ENCRYPTION_KEY: encryptionKey.optional(),
  AUDIT_KEY: encryptionKey.optional(),
  SESSION_TTL_HOURS: integer(1, 24 * 30).default(12),
  // No default here: it depends on NODE_ENV (see DEV_CORS_ORIGIN).
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_DIR: z.string().optional(),
  CONTROLLER_DOMAINS: z.string().default('vimage.it'),
  RESPONSE_SLA_DAYS: integer(1, 90).default(30),
  PUBLIC_URL: z
    .string()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'must be the address the public reaches the console at, like https://privacy.example.com')
    .optional(),
  TURNSTILE_SITE_KEY: z
    .string()
    .trim()
    .regex(/^[\w-]{1,100}$/, 'must be the site key Cloudflare gave')
    .optional(),
  TURNSTILE_SECRET: z.string().trim().min(1).max(200).optional(),
  TURNSTILE_VERIFY_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('https://challenges.cloudflare.com/turnstile/v0/siteverify'),
  DEMO_PEOPLE: integer(0, 100_000).default(200),
  GOOGLE_OAUTH_REVOKE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('https://oauth2.googleapis.com/revoke'),
  RETENTION_SWEEP_CRON: z
    .string()
    .trim()
    .refine(
      (v) => v === 'off' || validateCronExpression(v).valid,
      'must be a cron expression such as "0 3 * * *" (minute hour day month weekday), or off',
    )
    .default('0 3 * * *'),
  RETENTION_SWEEP_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Rome')
    .default('Europe/Rome'),
  RETENTION_SWEEP_BATCH: integer(100, 100_000).default(10_000),
  EXPORT_STALL_SECONDS: integer(1, 3600).default(120),
  PORTAL_PACKAGE_DAYS: integer(1, 30).default(7),
  IDENTITY_PAUSE: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  IMAP_URL: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const parsed = parseImapUrl(value);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    })
    .optional(),
  IMAP_PROCESSED_FOLDER: z.string().trim().min(1).max(200).default('Processed'),
  MAILBOX_POLL_CRON: z
    .string()
    .trim()
    .refine(
      (v) => v === 'off' || validateCronExpression(v).valid,
      'must be a cron expression such as "* * * * *" (every minute), or off',
    )
    .default('* * * * *'),
  MAILBOX_IDLE: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  OTHER_MAIL_RETENTION_DAYS: integer(1, 3650).default(90),
  SMTP_URL: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const parsed = parseSmtpUrl(value);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const parsed = parseMailFrom(value);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    })
    .optional(),
  LETTER_RETRY_SECONDS: integer(1, 86_400).default(60),
  LETTER_MAX_ATTEMPTS: integer(1, 50).default(8),
  // No default here: it depends on SMTP_URL (see DEFAULT_REMINDER_CRON).
  REMINDER_CRON: z
    .string()
    .trim()
    .refine(
      (v) => v === 'off' || validateCronExpression(v).valid,
      'must be a cron expression such as "0 8 * * 1-5" (minute hour day month weekday), or off',
    )
    .optional(),
  REMINDER_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Rome')
    .default('Europe/Rome'),
  REMINDER_LANGUAGE: z.enum(['it', 'en'], { error: 'must be it or en' }).default('it'),
});

/** The digest's time when SMTP_URL is set and REMINDER_CRON is not: 8:00 on working days. */
export const DEFAULT_REMINDER_CRON = '0 8 * * 1-5';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

type Env = Record<string, string | undefined>;

/**
 * Validates the environment and answers the configuration, or throws a ConfigError whose
 * message is one line naming the variable (main prints it and exits).
 */
export function loadConfig(env: Env = process.env): AppConfig {
  // An empty variable is treated as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`Configuration error: ${name} ${issue.message}${describeValue(name, cleaned[name])}`);
  }
  const v = parsed.data;
  const production = v.NODE_ENV === 'production';
  if (production && !v.DATABASE_URL) {
    throw new ConfigError(
      'Configuration error: DATABASE_URL is required in production (the embedded database is for demos and development)',
    );
  }
  if (v.WORKERS > 1 && !v.DATABASE_URL) {
    throw new ConfigError(
      `Configuration error: WORKERS=${v.WORKERS} needs DATABASE_URL (the embedded database serves one process: set WORKERS=1 or use a PostgreSQL server)`,
    );
  }
  if (production && !v.ENCRYPTION_KEY) {
    throw new ConfigError(
      'Configuration error: ENCRYPTION_KEY is required in production (generate one with: openssl rand -hex 32)',
    );
  }
  if ((v.ADMIN_EMAIL === undefined) !== (v.ADMIN_PASSWORD === undefined) && production) {
    throw new ConfigError('Configuration error: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if ((v.SMTP_URL === undefined) !== (v.MAIL_FROM === undefined)) {
    throw new ConfigError(
      'Configuration error: SMTP_URL and MAIL_FROM must be set together (the server that sends letters, and the address they come from)',
    );
  }
  if ((v.TURNSTILE_SITE_KEY === undefined) !== (v.TURNSTILE_SECRET === undefined)) {
    throw new ConfigError(
      'Configuration error: TURNSTILE_SITE_KEY and TURNSTILE_SECRET must be set together (the widget on the portal, and the key its answers are verified with)',
    );
  }
  if (v.REMINDER_CRON !== undefined && v.REMINDER_CRON !== 'off' && v.SMTP_URL === undefined) {
    throw new ConfigError(
      'Configuration error: REMINDER_CRON needs SMTP_URL and MAIL_FROM (the reminders are sent by e-mail), or set it to off',
    );
  }
  const reminderCron = v.REMINDER_CRON ?? (v.SMTP_URL ? DEFAULT_REMINDER_CRON : 'off');
  const dataDir = resolve(v.DATA_DIR);
  const encryptionKey = v.ENCRYPTION_KEY ? Buffer.from(v.ENCRYPTION_KEY, 'hex') : loadOrCreateLocalKey(dataDir);
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL ?? null,
    databasePoolSize: v.DATABASE_URL ? v.DATABASE_POOL_SIZE : 1,
    workers: v.WORKERS,
    dataDir,
    adminEmail: v.ADMIN_EMAIL?.trim().toLowerCase() ?? null,
    adminPassword: v.ADMIN_PASSWORD ?? null,
    encryptionKey,
    auditKey: v.AUDIT_KEY ? Buffer.from(v.AUDIT_KEY, 'hex') : deriveAuditKey(encryptionKey),
    sessionTtlHours: v.SESSION_TTL_HOURS,
    corsOrigins: (v.CORS_ORIGINS ?? (v.NODE_ENV === 'development' ? DEV_CORS_ORIGIN : ''))
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: v.LOG_LEVEL,
    controllerDomains: v.CONTROLLER_DOMAINS.split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    responseSlaDays: v.RESPONSE_SLA_DAYS,
    publicUrl: v.PUBLIC_URL ? v.PUBLIC_URL.replace(/\/+$/, '') : null,
    turnstile:
      v.TURNSTILE_SITE_KEY && v.TURNSTILE_SECRET
        ? { siteKey: v.TURNSTILE_SITE_KEY, secret: v.TURNSTILE_SECRET, verifyUrl: v.TURNSTILE_VERIFY_URL }
        : null,
    demoPeople: v.DEMO_PEOPLE,
    googleOAuthRevokeUrl: v.GOOGLE_OAUTH_REVOKE_URL,
    retentionSweepCron: v.RETENTION_SWEEP_CRON === 'off' ? null : v.RETENTION_SWEEP_CRON,
    retentionSweepTimeZone: v.RETENTION_SWEEP_TIME_ZONE,
    retentionSweepBatchSize: v.RETENTION_SWEEP_BATCH,
    exportStallSeconds: v.EXPORT_STALL_SECONDS,
    portalPackageDays: v.PORTAL_PACKAGE_DAYS,
    identityPause: v.IDENTITY_PAUSE === 'on',
    mailbox: v.IMAP_URL
      ? {
          ...(parseImapUrl(v.IMAP_URL) as ImapSettings),
          processedFolder: v.IMAP_PROCESSED_FOLDER,
          pollCron: v.MAILBOX_POLL_CRON === 'off' ? null : v.MAILBOX_POLL_CRON,
          idle: v.MAILBOX_IDLE === 'on',
          otherMailRetentionDays: v.OTHER_MAIL_RETENTION_DAYS,
        }
      : null,
    letters:
      v.SMTP_URL && v.MAIL_FROM
        ? {
            smtp: parseSmtpUrl(v.SMTP_URL) as SmtpSettings,
            from: parseMailFrom(v.MAIL_FROM) as MailFrom,
            retrySeconds: v.LETTER_RETRY_SECONDS,
            maxAttempts: v.LETTER_MAX_ATTEMPTS,
          }
        : null,
    reminders: {
      cron: reminderCron === 'off' ? null : reminderCron,
      timeZone: v.REMINDER_TIME_ZONE,
      language: v.REMINDER_LANGUAGE,
    },
    adminDir:
      v.ADMIN_DIR === undefined
        ? join(projectRoot(), 'dist/admin')
        : v.ADMIN_DIR === 'none'
          ? null
          : resolve(v.ADMIN_DIR),
  };
}

function describeValue(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (/PASSWORD|KEY|SECRET/.test(name)) return '';
  if (name === 'IMAP_URL') return ` (got "${maskImapUrl(value)}")`;
  if (name === 'SMTP_URL') return ` (got "${maskSmtpUrl(value)}")`;
  if (name === 'DATABASE_URL') return ` (got "${value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')}")`;
  return ` (got "${value}")`;
}

/**
 * Outside production the key for secrets at rest is generated once into DATA_DIR, so that a
 * demo keeps its encrypted data across restarts without any setup.
 */
function loadOrCreateLocalKey(dataDir: string): Buffer {
  const file = join(dataDir, 'encryption.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
      throw new ConfigError(`Configuration error: ${file} does not hold a 64-hex-character key`);
    return Buffer.from(hex, 'hex');
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}

/** The folder holding the project's package.json, from the source tree or from dist/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
