import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { queryRow } from '../sql-rows';
import { open, seal } from './secret-box';

export type DataKeyName =
  'suppression' | 'identity-documents' | 'mailbox' | 'letters' | 'attachments' | 'portal-packages';

/** The data keys, created on first use and kept in memory once read (the row never changes but at rotation, which restarts the console). */
@Injectable()
export class DataKeys {
  private readonly cache = new Map<DataKeyName, Buffer>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `manager`: the caller's transaction, if any (on the embedded database a second connection would wait for ever). */
  async get(name: DataKeyName, manager: EntityManager = this.dataSource.manager): Promise<Buffer> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    // Two instances starting at once both insert: the first wins, both read the winner.
    await manager.query(`INSERT INTO data_keys (name, sealed) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      seal(this.config.encryptionKey, randomBytes(32).toString('hex')),
    ]);
    const row = await queryRow<{ sealed: Buffer }>(manager, `SELECT sealed FROM data_keys WHERE name = $1`, [name]);
    const key = Buffer.from(open(this.config.encryptionKey, row!.sealed), 'hex');
    this.cache.set(name, key);
    return key;
  }
}

@Global()
@Module({ providers: [DataKeys], exports: [DataKeys] })
export class DataKeysModule {}
