import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CODE } from './portal-rules';

/**
 * The rules of a package published through the privacy portal, as plain functions: until when
 * its link opens, whether a code may be entered, and the sealing of its stored pieces. The
 * code itself follows the form's rules (portal-rules.ts: 6 digits, 10 minutes, 5 tries).
 */

/** Pieces of the ZIP as stored: 1 MiB each, so that no package is ever whole in memory. */
export const CHUNK_BYTES = 1024 * 1024;

/** Until when a package published at `publishedAt` may be downloaded. */
export function packageExpiry(publishedAt: Date, days: number): Date {
  return new Date(publishedAt.getTime() + days * 24 * 3600_000);
}

export interface Publication {
  expiresAt: Date;
  withdrawnAt: Date | null;
  fileDeletedAt: Date | null;
}

/** What the link opens at `now`: the download, or nothing any more (and why, for the officer). */
export type PublicationState = 'open' | 'expired' | 'withdrawn';

export function publicationState(p: Publication, now: Date): PublicationState {
  if (p.withdrawnAt) return 'withdrawn';
  // A file deleted for any reason cannot be downloaded: the link is over.
  if (p.fileDeletedAt || now.getTime() >= p.expiresAt.getTime()) return 'expired';
  return 'open';
}

export interface PackageCode {
  codeHash: string | null;
  codeSentAt: Date | null;
  codeTries: number;
}

/** The code of the download in progress: none asked, one waiting to be entered, or one no longer usable. */
export type PackageCodeState = 'none' | 'waiting' | 'expired' | 'locked';

export function packageCodeState(p: PackageCode, now: Date): PackageCodeState {
  if (!p.codeHash || !p.codeSentAt) return 'none';
  if (p.codeTries >= CODE.maxTries) return 'locked';
  if (now.getTime() - p.codeSentAt.getTime() > CODE.validMinutes * 60_000) return 'expired';
  return 'waiting';
}

/**
 * One piece of the ZIP sealed with AES-256-GCM; the package and the piece's place are the
 * additional data, so that no piece can be moved into another package or another place.
 */
export function sealChunk(key: Buffer, packageId: string, seq: number, bytes: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`${packageId}:${seq}`));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), nonce, cipher.getAuthTag(), body]);
}

export function openChunk(key: Buffer, packageId: string, seq: number, sealed: Buffer): Buffer {
  if (sealed.length < 29 || sealed[0] !== 1) throw new Error('not a sealed package piece');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(`${packageId}:${seq}`));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}
