import { describe, expect, it } from 'vitest';
import { formatMoment, formatSize, packageText, packageTextKeys } from './package-texts';

describe("a package's page texts", () => {
  it('has every text in both languages, with the same placeholders', () => {
    for (const key of packageTextKeys()) {
      const names = (language: 'it' | 'en') => [...packageText(language, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(packageText('it', key), key).not.toBe('');
      expect(names('en').sort(), key).toEqual(names('it').sort());
    }
  });

  it('writes the expiry and the size as each reader does, in Rome', () => {
    const at = new Date('2026-12-10T10:20:00Z');
    expect(formatMoment('it', at)).toBe('10 dicembre 2026 alle ore 11:20');
    expect(formatMoment('en', at)).toBe('10 December 2026 at 11:20');
    expect(formatSize('it', 1536 * 1024)).toBe('1,5 MB');
    expect(formatSize('en', 1536 * 1024)).toBe('1.5 MB');
    expect(formatSize('en', 20_000)).toBe('20 KB');
  });
});
