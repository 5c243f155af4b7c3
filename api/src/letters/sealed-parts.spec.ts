import { describe, expect, it } from 'vitest';
import { sealedMarker, unseal } from './sealed-parts';

describe('sealed parts of a letter', () => {
  it('puts each part back in place of its marker, every time it appears', () => {
    const marker = sealedMarker('status_link', 'it');
    const body = `Gentile Giulia,\n${marker}\nRipeto: ${marker}\n`;
    expect(unseal(body, { [marker]: 'https://x/privacy/status/abc' })).toBe(
      'Gentile Giulia,\nhttps://x/privacy/status/abc\nRipeto: https://x/privacy/status/abc\n',
    );
  });

  it('refuses to send a letter whose marker was edited away, rather than send it without the part', () => {
    const marker = sealedMarker('status_link', 'en');
    expect(() => unseal('Dear Peter,\nno link here\n', { [marker]: 'https://x' })).toThrow(/lost its place/);
  });

  it('says in the letter’s language what stands in the part’s place, with no part of it', () => {
    expect(sealedMarker('status_link', 'it')).toMatch(/solo all’interessato/);
    expect(sealedMarker('status_link', 'en')).toMatch(/data subject only/);
  });
});
