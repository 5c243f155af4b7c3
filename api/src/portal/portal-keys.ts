import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { portalKey } from './portal-rules';

/**
 * The portal's keys, derived once from the console's encryption key and shared by the request
 * form, the choices and the packages: a code or a throttle row made by one is read by the same key.
 */
@Injectable()
export class PortalKeys {
  /** Hashes the one-time codes. */
  readonly code: Buffer;
  /** Hashes the e-mails, addresses and links the throttle counts. */
  readonly throttle: Buffer;
  /** Signs the portal forms' CSRF tokens. */
  readonly csrf: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.code = portalKey(config.encryptionKey, 'code');
    this.throttle = portalKey(config.encryptionKey, 'throttle');
    this.csrf = portalKey(config.encryptionKey, 'csrf');
  }
}
