import { describe, expect, it } from 'vitest';
import { readSchedule, scheduleInWords, scheduleWhen } from '../../admin/src/common/scheduleInWords';
import { scheduleEnglish, scheduleItalian } from '../../admin/src/common/scheduleMessages';

const en = { app: { schedule: scheduleEnglish } };
const it_ = { app: { schedule: scheduleItalian } };

/** Polyglot's interpolation and smart_count, enough to read the messages as the UI shows them. */
const translator =
  (messages: Record<string, unknown>) =>
  (key: string, options: Record<string, unknown> = {}) => {
    const template = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof template !== 'string') throw new Error(`missing ${key}`);
    const forms = template.split(' |||| ');
    const text = forms.length > 1 && options.smart_count !== 1 ? forms[1] : forms[0];
    return text.replace(/%\{(\w+)\}/g, (_, name: string) =>
      String(options[name === 'smart_count' ? 'smart_count' : name]),
    );
  };

describe('a schedule in words, never as a cron expression', () => {
  it('reads the forms the console is configured with', () => {
    expect(readSchedule('0 3 * * *')).toEqual({ every: 'day', time: '03:00' });
    expect(readSchedule('0 0 7 * * *')).toEqual({ every: 'day', time: '07:00' });
    expect(readSchedule('30 8 * * 1-5')).toBeNull();
    expect(readSchedule('30 8 * * 1,3')).toEqual({ every: 'week', time: '08:30', days: [1, 3] });
    expect(readSchedule('0 9 * * 7,1')).toEqual({ every: 'week', time: '09:00', days: [1, 0] });
    expect(readSchedule('15 * * * *')).toEqual({ every: 'hour', minute: 15 });
    expect(readSchedule('*/10 * * * *')).toEqual({ every: 'minutes', step: 10 });
  });

  it('refuses what it cannot say rightly, rather than saying it wrong', () => {
    for (const cron of ['0 3 1 * *', '0 3 * 6 *', '60 3 * * *', '0 24 * * *', '5 0 3 * * *', '0 3 * *', 'off', '']) {
      expect(readSchedule(cron), cron).toBeNull();
    }
  });

  it('says it in English and in Italian', () => {
    const english = translator(en);
    const italian = translator(it_);
    expect(scheduleInWords('0 3 * * *', english, 'en')).toBe('every day at 03:00');
    expect(scheduleInWords('0 3 * * *', italian, 'it')).toBe('ogni giorno alle 03:00');
    expect(scheduleInWords('30 8 * * 1,3', english, 'en')).toBe('every Monday and Wednesday at 08:30');
    expect(scheduleInWords('30 8 * * 1,3', italian, 'it')).toBe('ogni lunedì e mercoledì alle 08:30');
    expect(scheduleInWords('*/1 * * * *', english, 'en')).toBe('every minute');
    expect(scheduleInWords('*/10 * * * *', italian, 'it')).toBe('ogni 10 minuti');
    expect(scheduleInWords('15 * * * *', italian, 'it')).toBe('ogni ora al minuto 15');
    expect(scheduleInWords('0 3 1 * *', english, 'en')).toBe('on the schedule “0 3 1 * *”');
  });

  it('names the time zone only when it is not Rome', () => {
    const english = translator(en);
    expect(scheduleWhen({ cron: '0 3 * * *', timeZone: 'Europe/Rome' }, english, 'en')).toBe('every day at 03:00');
    expect(scheduleWhen({ cron: '0 3 * * *', timeZone: 'UTC' }, english, 'en')).toBe('every day at 03:00 (UTC)');
  });
});
