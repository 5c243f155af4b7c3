import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh nonce each time', () => {
    const a = seal(key, 'ya29.a0AfH6SMB-token');
    const b = seal(key, 'ya29.a0AfH6SMB-token');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain('ya29');
    expect(open(key, a)).toBe('ya29.a0AfH6SMB-token');
  });

  it('refuses a wrong key and a tampered value', () => {
    const sealed = seal(key, 'refresh-token');
    expect(() => open(randomBytes(32), sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => open(key, tampered)).toThrow();
    expect(() => open(key, Buffer.from([9, 1, 2]))).toThrow(/known version/);
  });
});
