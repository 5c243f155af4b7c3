import { describe, expect, it } from 'vitest';
import { suppressionHash } from './suppression';

describe('suppression hash', () => {
  const key = Buffer.alloc(32, 7);

  it('is stable for a value and holds nothing readable of it', () => {
    const hash = suppressionHash(key, 'email', 'giulia@example.org');
    expect(hash).toBe(suppressionHash(key, 'email', 'giulia@example.org'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('giulia');
  });

  it('depends on the key and on the kind', () => {
    const other = Buffer.alloc(32, 8);
    expect(suppressionHash(other, 'email', 'a@b.it')).not.toBe(suppressionHash(key, 'email', 'a@b.it'));
    expect(suppressionHash(key, 'phone', '+39347')).not.toBe(suppressionHash(key, 'email', '+39347'));
  });
});
