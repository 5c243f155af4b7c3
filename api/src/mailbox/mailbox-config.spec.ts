import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';

const base = { NODE_ENV: 'test', ENCRYPTION_KEY: 'ab'.repeat(32), DATA_DIR: '/tmp/unused-mailbox-config' };

describe('the mailbox configuration', () => {
  it('is off without IMAP_URL: the console works as before', () => {
    expect(loadConfig(base).mailbox).toBeNull();
  });

  it('reads IMAP_URL and its companions, every minute and with IDLE by default', () => {
    expect(
      loadConfig({ ...base, IMAP_URL: 'imaps://privacy%40vimage.it:pw@imaps.aruba.it:993/INBOX' }).mailbox,
    ).toEqual({
      host: 'imaps.aruba.it',
      port: 993,
      secure: true,
      user: 'privacy@vimage.it',
      password: 'pw',
      folder: 'INBOX',
      processedFolder: 'Processed',
      pollCron: '* * * * *',
      idle: true,
      otherMailRetentionDays: 90,
    });
    const custom = loadConfig({
      ...base,
      IMAP_URL: 'imap://u:p@127.0.0.1:1143/INBOX',
      IMAP_PROCESSED_FOLDER: 'Privacy/Importati',
      MAILBOX_POLL_CRON: 'off',
      MAILBOX_IDLE: 'off',
      OTHER_MAIL_RETENTION_DAYS: '30',
    }).mailbox;
    expect(custom).toMatchObject({
      secure: false,
      processedFolder: 'Privacy/Importati',
      pollCron: null,
      idle: false,
      otherMailRetentionDays: 30,
    });
  });

  it('refuses plain imap:// to another host, naming the variable and never the password', () => {
    const attempt = () => loadConfig({ ...base, IMAP_URL: 'imap://privacy:hunter2secret@imap.example.com/INBOX' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Configuration error: IMAP_URL uses plain imap:\/\/ to another host/);
    expect(attempt).not.toThrow(/hunter2secret/);
  });

  it('refuses a poll schedule that is not cron', () => {
    expect(() => loadConfig({ ...base, IMAP_URL: 'imaps://u:p@h/INBOX', MAILBOX_POLL_CRON: 'often' })).toThrow(
      /MAILBOX_POLL_CRON must be a cron expression/,
    );
  });
});
