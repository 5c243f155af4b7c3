import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';

const base = { NODE_ENV: 'test', ENCRYPTION_KEY: 'ab'.repeat(32), DATA_DIR: '/tmp/unused-letters-config' };

describe('the letters configuration', () => {
  it('is off without SMTP_URL and MAIL_FROM: the console works as before', () => {
    expect(loadConfig(base).letters).toBeNull();
  });

  it('reads SMTP_URL, MAIL_FROM and the retry settings', () => {
    expect(
      loadConfig({
        ...base,
        SMTP_URL: 'smtps://privacy%40vimage.it:pw@smtps.aruba.it:465',
        MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>',
      }).letters,
    ).toEqual({
      smtp: {
        host: 'smtps.aruba.it',
        port: 465,
        secure: true,
        requireTls: false,
        auth: { user: 'privacy@vimage.it', pass: 'pw' },
      },
      from: { header: 'Privacy Vimage <privacy@vimage.it>', address: 'privacy@vimage.it', domain: 'vimage.it' },
      retrySeconds: 60,
      maxAttempts: 8,
    });
  });

  it('needs both, and says why a value cannot be used without showing the password', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/set together/);
    expect(() => loadConfig({ ...base, MAIL_FROM: 'privacy@vimage.it' })).toThrow(ConfigError);
    const error = (() => {
      try {
        loadConfig({ ...base, SMTP_URL: 'ftp://me:secret@host', MAIL_FROM: 'privacy@vimage.it' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/^Configuration error: SMTP_URL must start with smtps:\/\//);
    expect(error).not.toContain('secret');
    expect(() => loadConfig({ ...base, SMTP_URL: 'smtp://127.0.0.1', MAIL_FROM: 'privacy' })).toThrow(/MAIL_FROM/);
  });
});
