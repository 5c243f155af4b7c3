import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { NotFoundError } from '../common/errors/domain.error';
import type { Page } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import type { ListQuery } from '../common/rest/list-query';
import { ApiKey } from './api-key.entity';
import { API_KEYS_LIST } from './api-keys.list';

const KEY_PREFIX = 'pck_';

export function presentApiKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<Page<ApiKey>> {
    return findPage(this.dataSource.getRepository(ApiKey), query, API_KEYS_LIST.searchable);
  }

  async get(id: string): Promise<ApiKey> {
    const key = await this.dataSource.getRepository(ApiKey).findOne({ where: { id } });
    if (!key) throw new NotFoundError('API key', id);
    return key;
  }

  /** Makes a key; the clear key is in the answer only this once. */
  async create(actor: Actor, name: string): Promise<{ apiKey: ApiKey; key: string }> {
    const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        ApiKey,
        manager.create(ApiKey, { name, prefix: key.slice(0, 12), keyHash: hashKey(key), createdById: actor.id }),
      );
      await this.audit.record(manager, actor, {
        action: 'api_key.created',
        entity: 'api_key',
        entityId: saved.id,
        details: { name, prefix: saved.prefix },
      });
      return saved;
    });
    return { apiKey, key };
  }

  /** Revokes a key: it stops working at once, and stays listed as revoked. */
  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFoundError('API key', id);
      if (!key.revokedAt) {
        key.revokedAt = new Date();
        await manager.save(ApiKey, key);
        await this.audit.record(manager, actor, {
          action: 'api_key.revoked',
          entity: 'api_key',
          entityId: id,
          details: { name: key.name, prefix: key.prefix },
        });
      }
      return key;
    });
  }

  /** The active key matching a presented clear key, or null. */
  async authenticate(presented: string): Promise<ApiKey | null> {
    if (!presented.startsWith(KEY_PREFIX) || presented.length > 100) return null;
    const repository = this.dataSource.getRepository(ApiKey);
    const key = await repository.findOne({ where: { keyHash: hashKey(presented), revokedAt: IsNull() } });
    if (key && (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000)) {
      // At most once a minute: a busy website must not turn every batch into an extra write.
      await repository.update(key.id, { lastUsedAt: new Date() });
    }
    return key;
  }
}
