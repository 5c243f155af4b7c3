import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';

const base = { NODE_ENV: 'test', ENCRYPTION_KEY: 'ab'.repeat(32), DATA_DIR: '/tmp/unused-reminders-config' };
const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>' };

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('the reminders configuration', () => {
  it('is off without SMTP_URL: nothing could send the digest', () => {
    expect(loadConfig(base).reminders).toEqual({ cron: null, timeZone: 'Europe/Rome', language: 'it' });
  });

  it('sends at 8:00 on working days in Rome once SMTP_URL is set, unless told otherwise', () => {
    expect(loadConfig({ ...base, ...smtp }).reminders).toEqual({
      cron: '0 8 * * 1-5',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    expect(loadConfig({ ...base, ...smtp, REMINDER_CRON: 'off' }).reminders.cron).toBeNull();
    expect(
      loadConfig({
        ...base,
        ...smtp,
        REMINDER_CRON: '30 7 * * *',
        REMINDER_TIME_ZONE: 'Europe/London',
        REMINDER_LANGUAGE: 'en',
      }).reminders,
    ).toEqual({ cron: '30 7 * * *', timeZone: 'Europe/London', language: 'en' });
  });

  it('accepts off without SMTP_URL, and refuses a schedule that could send nothing', () => {
    expect(loadConfig({ ...base, REMINDER_CRON: 'off' }).reminders.cron).toBeNull();
    expect(failure({ ...base, REMINDER_CRON: '0 8 * * 1-5' })).toMatch(
      /^Configuration error: REMINDER_CRON needs SMTP_URL and MAIL_FROM/,
    );
  });

  it.each([
    [
      { REMINDER_CRON: 'daily' },
      /^Configuration error: REMINDER_CRON must be a cron expression .*, or off \(got "daily"\)$/,
    ],
    [{ REMINDER_CRON: '0 25 * * *' }, /^Configuration error: REMINDER_CRON must be a cron expression/],
    [{ REMINDER_TIME_ZONE: 'Europe/Nowhere' }, /^Configuration error: REMINDER_TIME_ZONE must be an IANA time zone/],
    [{ REMINDER_LANGUAGE: 'de' }, /^Configuration error: REMINDER_LANGUAGE must be it or en/],
  ])('refuses %j in one line', (env, message) => {
    const text = failure({ ...base, ...smtp, ...env });
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });
});
