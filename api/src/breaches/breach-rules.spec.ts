import { describe, expect, it } from 'vitest';
import type { BreachDecision } from './breach.entity';
import { dataWindow, dateProblems, decisionProblems, notificationProblems, standingDecision } from './breach-rules';

const at = (iso: string) => new Date(iso);
const now = at('2026-12-01T12:00:00Z');
const aware = at('2026-11-23T09:15:00Z');

describe('dateProblems', () => {
  const ok = {
    startedAt: at('2026-11-22T00:00:00Z'),
    endedAt: at('2026-11-22T06:00:00Z'),
    ongoing: false,
    awareAt: aware,
    dataFrom: null,
    dataUntil: null,
  };
  it('accepts dates that hold together', () => expect(dateProblems(ok, now)).toEqual({}));
  it('names the field of each problem', () => {
    expect(dateProblems({ ...ok, ongoing: true }, now)).toHaveProperty('endedAt');
    expect(dateProblems({ ...ok, endedAt: at('2026-11-21T00:00:00Z') }, now)).toHaveProperty('endedAt');
    expect(dateProblems({ ...ok, awareAt: at('2026-11-21T00:00:00Z') }, now)).toHaveProperty('awareAt');
    expect(dateProblems({ ...ok, awareAt: at('2026-12-02T00:00:00Z') }, now)).toHaveProperty('awareAt');
    expect(
      dateProblems({ ...ok, dataFrom: at('2026-11-10T00:00:00Z'), dataUntil: at('2026-11-01T00:00:00Z') }, now),
    ).toHaveProperty('dataUntil');
  });
});

describe('notificationProblems (Art. 33(1), 33(4))', () => {
  it('accepts an initial notification within 72 hours without reasons, and at exactly 72 hours', () => {
    expect(
      notificationProblems(aware, [], { kind: 'initial', at: at('2026-11-24T09:15:00Z'), delayReasons: null }, now),
    ).toEqual({});
    expect(
      notificationProblems(aware, [], { kind: 'initial', at: at('2026-11-26T09:15:00Z'), delayReasons: null }, now),
    ).toEqual({});
  });
  it('asks for the reasons for the delay one minute after 72 hours', () => {
    expect(
      notificationProblems(aware, [], { kind: 'initial', at: at('2026-11-26T09:16:00Z'), delayReasons: null }, now)
        .field,
    ).toHaveProperty('delayReasons');
    expect(
      notificationProblems(aware, [], { kind: 'initial', at: at('2026-11-26T09:16:00Z'), delayReasons: '   ' }, now)
        .field,
    ).toHaveProperty('delayReasons');
    expect(
      notificationProblems(
        aware,
        [],
        { kind: 'initial', at: at('2026-11-26T09:16:00Z'), delayReasons: 'The processor told us on day 4' },
        now,
      ),
    ).toEqual({});
  });
  it('keeps the phases in order: one initial, supplementary ones after it', () => {
    expect(
      notificationProblems(
        aware,
        [],
        { kind: 'supplementary', at: at('2026-11-24T09:15:00Z'), delayReasons: null },
        now,
      ).state,
    ).toBeDefined();
    const initial = [{ kind: 'initial' as const, at: '2026-11-24T09:15:00.000Z' }];
    expect(
      notificationProblems(aware, initial, { kind: 'initial', at: at('2026-11-25T09:15:00Z'), delayReasons: null }, now)
        .state,
    ).toBeDefined();
    expect(
      notificationProblems(
        aware,
        initial,
        { kind: 'supplementary', at: at('2026-11-30T09:15:00Z'), delayReasons: null },
        now,
      ),
    ).toEqual({});
    expect(
      notificationProblems(
        aware,
        initial,
        { kind: 'supplementary', at: at('2026-11-23T10:00:00Z'), delayReasons: null },
        now,
      ).field,
    ).toHaveProperty('at');
  });
  it('refuses a notification before awareness or in the future', () => {
    expect(
      notificationProblems(aware, [], { kind: 'initial', at: at('2026-11-23T09:00:00Z'), delayReasons: null }, now)
        .field,
    ).toHaveProperty('at');
    expect(
      notificationProblems(aware, [], { kind: 'initial', at: at('2026-12-02T09:00:00Z'), delayReasons: null }, now)
        .field,
    ).toHaveProperty('at');
  });
});

describe('decisionProblems', () => {
  it('needs a reason not to notify, and a risk assessed as unlikely', () => {
    expect(decisionProblems('none', { kind: 'not_notify_authority', reason: null }).field).toHaveProperty('reason');
    expect(
      decisionProblems('none', { kind: 'not_notify_authority', reason: 'Encrypted laptop, key not compromised' }),
    ).toEqual({});
    expect(decisionProblems('risk', { kind: 'not_notify_authority', reason: 'x' }).state).toMatch(/must be notified/);
    expect(decisionProblems('high', { kind: 'not_notify_authority', reason: 'x' }).state).toMatch(/must be notified/);
    expect(decisionProblems(null, { kind: 'not_notify_authority', reason: 'x' }).state).toMatch(
      /Assess the risk first/,
    );
  });
  it('needs a reason not to tell the people; none to notify or to tell them', () => {
    expect(decisionProblems('high', { kind: 'not_communicate_subjects', reason: '' }).field).toHaveProperty('reason');
    expect(decisionProblems('high', { kind: 'communicate_subjects', reason: null })).toEqual({});
    expect(decisionProblems(null, { kind: 'notify_authority', reason: null })).toEqual({});
  });
});

describe('standingDecision', () => {
  const d = (kind: BreachDecision['kind'], decidedAt: string): BreachDecision => ({
    id: kind + decidedAt,
    kind,
    reason: 'r',
    decidedBy: 'DPO',
    decidedAt,
    recordedBy: 'a@b',
  });
  it('is the latest of its pair', () => {
    const all = [
      d('not_notify_authority', '2026-11-23T10:00:00Z'),
      d('communicate_subjects', '2026-11-23T11:00:00Z'),
      d('notify_authority', '2026-11-24T10:00:00Z'),
    ];
    expect(standingDecision(all, 'authority')?.kind).toBe('notify_authority');
    expect(standingDecision(all, 'subjects')?.kind).toBe('communicate_subjects');
    expect(standingDecision([], 'authority')).toBeNull();
  });
});

describe('dataWindow', () => {
  it('ends at dataUntil, else the end of the breach, else now', () => {
    expect(
      dataWindow({ dataFrom: null, dataUntil: at('2026-11-20T00:00:00Z'), endedAt: at('2026-11-22T00:00:00Z') }, now)
        .until,
    ).toEqual(at('2026-11-20T00:00:00Z'));
    expect(dataWindow({ dataFrom: null, dataUntil: null, endedAt: at('2026-11-22T00:00:00Z') }, now).until).toEqual(
      at('2026-11-22T00:00:00Z'),
    );
    expect(dataWindow({ dataFrom: null, dataUntil: null, endedAt: null }, now)).toEqual({ from: null, until: now });
  });
});
