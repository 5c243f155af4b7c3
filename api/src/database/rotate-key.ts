import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { deriveAuditKey, resignCheckpoint } from '../audit/audit-checkpoint';
import { AuditService, CHAIN_LOCK } from '../audit/audit.service';
import { open, seal } from '../common/crypto/secret-box';
import { queryRow, queryRows } from '../common/sql-rows';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Re-encrypts every secret sealed under ENCRYPTION_KEY with a new key, in one transaction (and
 * re-signs the audit checkpoint when its key is derived from ENCRYPTION_KEY):
 *   NEW_ENCRYPTION_KEY=<64 hex> npm run rotate-key      (or NEW_ENCRYPTION_KEY=generate)
 * then start the console with ENCRYPTION_KEY set to the new key. With the embedded default and
 * no ENCRYPTION_KEY, the key file in DATA_DIR is replaced once the transaction has committed.
 */
const SEALED_COLUMNS: Array<{ table: string; key: string; columns: string[] }> = [
  { table: 'calendar_connections', key: 'id', columns: ['access_token_encrypted', 'refresh_token_encrypted'] },
  { table: 'erasure_plans', key: 'request_id', columns: ['sealed'] },
  { table: 'data_keys', key: 'name', columns: ['sealed'] },
];

export async function rotateEncryptionKey(config: AppConfig, newKey: Buffer): Promise<Record<string, number>> {
  if (newKey.length !== 32)
    throw new Error('NEW_ENCRYPTION_KEY must be 64 hexadecimal characters (openssl rand -hex 32)');
  if (newKey.equals(config.encryptionKey)) throw new Error('NEW_ENCRYPTION_KEY is the key in use');
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const dataSource = new DataSource({
    ...dataSourceOptions(config.databaseUrl ?? embedded!.url, 1, embedded !== null),
    migrationsRun: true,
  });
  await dataSource.initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      const counts: Record<string, number> = {};
      for (const { table, key, columns } of SEALED_COLUMNS) {
        // Locked for the transaction: nothing new is sealed under the old key meanwhile.
        // Every column but `key` is a sealed secret (or null).
        const rows = await queryRows<Record<string, Buffer | null>>(
          manager,
          `SELECT ${key} AS key, ${columns.join(', ')} FROM ${table} FOR UPDATE`,
        );
        let n = 0;
        for (const row of rows) {
          const resealed = columns.map((c) => (row[c] ? seal(newKey, open(config.encryptionKey, row[c])) : null));
          if (resealed.every((v) => v === null)) continue;
          await manager.query(
            `UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE ${key} = $1`,
            [row.key, ...resealed],
          );
          n++;
        }
        counts[table] = n;
      }
      // The audit checkpoint is signed with a key derived from ENCRYPTION_KEY unless AUDIT_KEY is
      // set: then it moves to the new key in the same transaction, its signature checked first.
      const derived = config.auditKey.equals(deriveAuditKey(config.encryptionKey));
      const auditKey = derived ? deriveAuditKey(newKey) : config.auditKey;
      if (derived) await resignCheckpointIn(manager, config.auditKey, auditKey);
      await new AuditService(dataSource, { auditKey, dataDir: config.dataDir, databaseUrl: config.databaseUrl }).record(
        manager,
        null,
        {
          action: 'encryption_key.rotated',
          entity: 'console',
          details: { resealed: counts, auditCheckpointResigned: derived },
        },
      );
      return counts;
    });
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

/** Moves the stored checkpoint to another key, under the chain's lock (see resignCheckpoint). */
async function resignCheckpointIn(manager: EntityManager, oldKey: Buffer, newKey: Buffer): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const row = await queryRow<{ checkpoint: unknown }>(
    manager,
    `SELECT checkpoint FROM audit_checkpoint WHERE id = 1 FOR UPDATE`,
  );
  if (!row) return;
  await manager.query(`UPDATE audit_checkpoint SET checkpoint = $1 WHERE id = 1`, [
    JSON.stringify(resignCheckpoint(row.checkpoint, oldKey, newKey)),
  ]);
}

/**
 * Moves the audit checkpoint's signature to a new AUDIT_KEY (when AUDIT_KEY is set apart from
 * ENCRYPTION_KEY): NEW_AUDIT_KEY=<64 hex> npm run rotate-key, then start with AUDIT_KEY set to it.
 */
export async function rotateAuditKey(config: AppConfig, newAuditKey: Buffer): Promise<void> {
  if (newAuditKey.length !== 32)
    throw new Error('NEW_AUDIT_KEY must be 64 hexadecimal characters (openssl rand -hex 32)');
  if (newAuditKey.equals(config.auditKey)) throw new Error('NEW_AUDIT_KEY is the key in use');
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const dataSource = new DataSource({
    ...dataSourceOptions(config.databaseUrl ?? embedded!.url, 1),
    migrationsRun: true,
  });
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      await resignCheckpointIn(manager, config.auditKey, newAuditKey);
      await new AuditService(dataSource, {
        auditKey: newAuditKey,
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
      }).record(manager, null, {
        action: 'audit_key.rotated',
        entity: 'console',
      });
    });
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const newAuditKey = process.env.NEW_AUDIT_KEY?.trim();
  if (newAuditKey !== undefined && !process.env.NEW_ENCRYPTION_KEY) {
    if (!/^[0-9a-fA-F]{64}$/.test(newAuditKey))
      throw new Error('NEW_AUDIT_KEY must be 64 hexadecimal characters (openssl rand -hex 32)');
    if (!process.env.AUDIT_KEY)
      throw new Error(
        'AUDIT_KEY is not set: the audit key is derived from ENCRYPTION_KEY and rotates with it (NEW_ENCRYPTION_KEY)',
      );
    await rotateAuditKey(config, Buffer.from(newAuditKey, 'hex'));
    console.log('The audit checkpoint is now signed with the new key: start the console with AUDIT_KEY=<the new key>.');
    return;
  }
  const wanted = process.env.NEW_ENCRYPTION_KEY?.trim();
  if (!wanted)
    throw new Error(
      'Set NEW_ENCRYPTION_KEY to the new key (64 hex characters), or to "generate" (or NEW_AUDIT_KEY, with AUDIT_KEY set)',
    );
  const newKey =
    wanted === 'generate' ? randomBytes(32) : /^[0-9a-fA-F]{64}$/.test(wanted) ? Buffer.from(wanted, 'hex') : null;
  if (!newKey)
    throw new Error('NEW_ENCRYPTION_KEY must be 64 hexadecimal characters (openssl rand -hex 32), or "generate"');
  const counts = await rotateEncryptionKey(config, newKey);
  console.log(
    `Re-encrypted: ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}.`,
  );
  const keyFile = join(config.dataDir, 'encryption.key');
  if (!process.env.ENCRYPTION_KEY && existsSync(keyFile)) {
    writeFileSync(keyFile, newKey.toString('hex') + '\n', { mode: 0o600 });
    console.log(`The new key is in ${keyFile}.`);
  } else {
    // Shown once, as the admin password is: it is needed to start the console.
    console.log(
      `Start the console with ENCRYPTION_KEY=${wanted === 'generate' ? newKey.toString('hex') : '<the new key>'}: the old key no longer opens anything.`,
    );
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(1);
  });
}
