import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../subjects/identifiers';
import { generateDemoData, phoneWritings, type DemoData } from './demo-data';

describe('demo data', () => {
  it('is the same for the same seed, and different for another', () => {
    expect(generateDemoData(30, 7)).toEqual(generateDemoData(30, 7));
    expect(generateDemoData(30, 8).leads[0]).not.toEqual(generateDemoData(30, 7).leads[0]);
  });

  it('writes one mobile number in ways that all normalise to it', () => {
    const writings = phoneWritings('3471234567');
    expect(new Set(writings).size).toBe(writings.length);
    for (const w of writings) expect(normalisePhone(w)).toBe('+393471234567');
  });

  it('spreads people over every source with varied writings', () => {
    const data = generateDemoData(300);
    const sources: Record<keyof DemoData, readonly unknown[]> = data;
    for (const [source, records] of Object.entries(sources)) expect(records.length, source).toBeGreaterThan(0);
    expect(data.leads.some((l) => l.email !== l.email.toLowerCase())).toBe(true);
    expect(data.leads.some((l) => l.phone?.startsWith('0039'))).toBe(true);
    expect(
      data.conversations.some((c) =>
        c.messages?.some((m) => m.role === 'user' && /\d{3}.?\d{3}.?\d{4}/.test(m.content)),
      ),
    ).toBe(true);
    expect(data.consents.some((c) => c.action === 'withdraw')).toBe(true);
  });
});
