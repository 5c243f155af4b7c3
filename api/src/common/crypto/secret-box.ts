import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (OAuth tokens) are sealed with AES-256-GCM: version byte, 12-byte nonce,
 * 16-byte tag, then the ciphertext. The tag makes a tampered or wrongly-keyed value fail
 * loudly instead of decrypting to garbage.
 */
const VERSION = 1;

export function seal(key: Buffer, plaintext: string): Buffer {
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), ciphertext]);
}

export function open(key: Buffer, sealed: Buffer): string {
  if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('not a sealed secret of a known version');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
}
