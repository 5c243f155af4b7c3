import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openChunk, packageCodeState, packageExpiry, publicationState, sealChunk } from './package-rules';

const at = (iso: string) => new Date(iso);

describe('a package published through the portal', () => {
  const published = at('2026-12-01T10:00:00Z');
  const open = { expiresAt: packageExpiry(published, 7), withdrawnAt: null, fileDeletedAt: null };

  it('opens for the days configured, to the minute', () => {
    expect(open.expiresAt.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(publicationState(open, at('2026-12-08T09:59:59Z'))).toBe('open');
    expect(publicationState(open, at('2026-12-08T10:00:00Z'))).toBe('expired');
  });

  it('is over once withdrawn or once its file is gone', () => {
    const now = at('2026-12-02T10:00:00Z');
    expect(publicationState({ ...open, withdrawnAt: now }, now)).toBe('withdrawn');
    expect(publicationState({ ...open, fileDeletedAt: now }, now)).toBe('expired');
  });

  it("follows the form's code rules: 10 minutes, 5 tries", () => {
    const sent = at('2026-12-02T10:00:00Z');
    expect(packageCodeState({ codeHash: null, codeSentAt: null, codeTries: 0 }, sent)).toBe('none');
    const code = { codeHash: 'h', codeSentAt: sent, codeTries: 0 };
    expect(packageCodeState(code, at('2026-12-02T10:10:00Z'))).toBe('waiting');
    expect(packageCodeState(code, at('2026-12-02T10:10:01Z'))).toBe('expired');
    expect(packageCodeState({ ...code, codeTries: 4 }, sent)).toBe('waiting');
    expect(packageCodeState({ ...code, codeTries: 5 }, sent)).toBe('locked');
  });

  it('seals each piece so that it opens only as itself', () => {
    const key = randomBytes(32);
    const bytes = Buffer.from('PK\u0003\u0004 the zip');
    const sealed = sealChunk(key, 'p1', 0, bytes);
    expect(sealed.includes(bytes)).toBe(false);
    expect(openChunk(key, 'p1', 0, sealed)).toEqual(bytes);
    expect(() => openChunk(key, 'p1', 1, sealed)).toThrow();
    expect(() => openChunk(key, 'p2', 0, sealed)).toThrow();
    expect(() => openChunk(randomBytes(32), 'p1', 0, sealed)).toThrow();
  });
});
