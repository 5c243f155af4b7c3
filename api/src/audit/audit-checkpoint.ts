import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The chain's head, signed. A hash chain proves that nothing was changed or removed *before*
 * its last event, but not that the last events are all still there: whoever can delete rows can
 * cut the tail, and whoever can write rows can recompute every plain SHA-256 after a change. The
 * checkpoint (last id, last hash, how many events) is signed with an HMAC under a key that is not
 * in the database, kept current with every append, and copied outside the database (a file in
 * DATA_DIR, every export manifest, the daily log), so that a cut or a rewrite shows without the
 * key. Plain functions, shared by the writer, the verifier and the key rotation.
 */

export interface CheckpointFields {
  /**
   * Which chain: drawn when the chain's first checkpoint is signed, so that copies kept in one
   * DATA_DIR by consoles on different databases never stand for each other.
   */
  chainId: string;
  /** The id of the newest event ('0' for an empty chain). */
  lastId: string;
  lastHash: string;
  /** Events in the chain up to and including lastId. */
  count: number;
  at: string;
  /**
   * False once an append found the previous checkpoint missing, forged or not matching the chain:
   * the break is carried forward (and signed) rather than healed by the next append.
   */
  intact: boolean;
  /** Why it stopped being intact, and after which event: kept for the verifier's answer. */
  brokenReason: CheckpointBreak | null;
  brokenAfterId: string | null;
}

export type CheckpointBreak =
  'checkpoint_missing' | 'checkpoint_forged' | 'tail_cut' | 'chain_rewritten' | 'events_without_checkpoint';

export interface Checkpoint extends CheckpointFields {
  /** Which key signed it (a hash of the key, which reveals nothing of it). */
  keyId: string;
  mac: string;
}

const VERSION = 'pc-audit-checkpoint-v2';

/** AUDIT_KEY when set; otherwise derived from ENCRYPTION_KEY, so the demo needs no new secret. */
export function deriveAuditKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'privacy-console audit checkpoint', 32));
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('key-id:').update(key).digest('hex').slice(0, 16);
}

function macOf(key: Buffer, f: CheckpointFields): string {
  // Every field, in a fixed order, each on its own line: no field can be moved into another.
  const text = [
    VERSION,
    f.chainId,
    f.lastId,
    f.lastHash,
    f.count,
    f.at,
    f.intact,
    f.brokenReason ?? '',
    f.brokenAfterId ?? '',
  ].join('\n');
  return createHmac('sha256', key).update(text).digest('hex');
}

export function signCheckpoint(key: Buffer, fields: CheckpointFields): Checkpoint {
  const { chainId, lastId, lastHash, count, at, intact, brokenReason, brokenAfterId } = fields;
  const clean = { chainId, lastId, lastHash, count, at, intact, brokenReason, brokenAfterId };
  return { ...clean, keyId: keyIdOf(key), mac: macOf(key, clean) };
}

export function checkpointSignedBy(key: Buffer, checkpoint: Checkpoint): boolean {
  if (checkpoint.keyId !== keyIdOf(key) || !/^[0-9a-f]{64}$/.test(checkpoint.mac)) return false;
  return timingSafeEqual(Buffer.from(macOf(key, checkpoint), 'hex'), Buffer.from(checkpoint.mac, 'hex'));
}

/**
 * The checkpoint after appending `appended` (in order) to a chain whose newest stored event is
 * `tail`. The previous checkpoint must be signed by this key and name that same tail; if it does
 * not, the new one is signed as broken, saying why and after which event.
 */
export function nextCheckpoint(
  key: Buffer,
  previous: Checkpoint | null,
  tail: { id: string; hash: string } | null,
  appended: Array<{ id: string; hash: string }>,
  at: Date,
): Checkpoint {
  const last = appended[appended.length - 1];
  let intact = previous?.intact ?? false;
  let brokenReason = previous?.brokenReason ?? null;
  let brokenAfterId = previous?.brokenAfterId ?? null;
  if (intact) {
    const problem = checkpointProblem(key, previous, tail);
    if (problem) {
      intact = false;
      brokenReason = problem;
      brokenAfterId = tail?.id ?? '0';
    }
  } else if (!previous) {
    brokenReason = 'checkpoint_missing';
    brokenAfterId = tail?.id ?? '0';
  }
  return signCheckpoint(key, {
    chainId: previous?.chainId ?? newChainId(),
    lastId: last.id,
    lastHash: last.hash,
    count: (previous?.count ?? 0) + appended.length,
    at: at.toISOString(),
    intact,
    brokenReason,
    brokenAfterId,
  });
}

/** What is wrong with a stored checkpoint against the chain's newest event, or null. */
export function checkpointProblem(
  key: Buffer,
  checkpoint: Checkpoint | null,
  tail: { id: string; hash: string } | null,
): CheckpointBreak | null {
  if (!checkpoint) return 'checkpoint_missing';
  if (!checkpointSignedBy(key, checkpoint)) return 'checkpoint_forged';
  const tailId = tail?.id ?? '0';
  if (BigInt(tailId) < BigInt(checkpoint.lastId)) return 'tail_cut';
  if (BigInt(tailId) > BigInt(checkpoint.lastId)) return 'events_without_checkpoint';
  // Same newest event, another hash: the chain was recomputed after a change.
  if ((tail?.hash ?? GENESIS) !== checkpoint.lastHash) return 'chain_rewritten';
  return null;
}

const GENESIS = '0'.repeat(64);

/** 32 random hex characters: the chain's name, not a record's id (no UUID in a subject's package). */
export function newChainId(): string {
  return randomBytes(16).toString('hex');
}

/** The file in DATA_DIR holding this instance's copy of a chain's checkpoint. */
export function anchorFileName(chainId: string): string {
  return `audit-checkpoint.${chainId}.json`;
}

/** The chain an anchor file is named for, or null for any other file. */
export function anchoredChainOf(fileName: string): string | null {
  return /^audit-checkpoint\.([\w-]+)\.json$/.exec(fileName)?.[1] ?? null;
}

/** The checkpoint of an empty chain: what the first append links to. */
export function emptyChainCheckpoint(key: Buffer, at: Date): Checkpoint {
  return signCheckpoint(key, {
    chainId: newChainId(),
    lastId: '0',
    lastHash: GENESIS,
    count: 0,
    at: at.toISOString(),
    intact: true,
    brokenReason: null,
    brokenAfterId: null,
  });
}

/**
 * The same checkpoint under another key (key rotation). One not signed by the old key is not
 * laundered: it comes out signed as broken, so the verifier still reports it.
 */
export function resignCheckpoint(stored: unknown, oldKey: Buffer, newKey: Buffer): Checkpoint {
  const checkpoint = parseCheckpoint(stored);
  if (checkpoint && checkpointSignedBy(oldKey, checkpoint)) return signCheckpoint(newKey, checkpoint);
  return signCheckpoint(newKey, {
    chainId: checkpoint?.chainId ?? newChainId(),
    lastId: checkpoint?.lastId ?? '0',
    lastHash: checkpoint?.lastHash ?? GENESIS,
    count: checkpoint?.count ?? 0,
    at: new Date().toISOString(),
    intact: false,
    brokenReason: 'checkpoint_forged',
    brokenAfterId: checkpoint?.lastId ?? '0',
  });
}

/** A stored checkpoint as JSON (the anchor file, a manifest, a log line), or null if it is not one. */
export function parseCheckpoint(value: unknown): Checkpoint | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const ok =
    typeof v.chainId === 'string' &&
    /^[0-9a-f]{32}$/.test(v.chainId) &&
    typeof v.lastId === 'string' &&
    /^\d{1,19}$/.test(v.lastId) &&
    typeof v.lastHash === 'string' &&
    typeof v.count === 'number' &&
    Number.isSafeInteger(v.count) &&
    typeof v.at === 'string' &&
    typeof v.intact === 'boolean' &&
    typeof v.keyId === 'string' &&
    typeof v.mac === 'string' &&
    (v.brokenReason === null || typeof v.brokenReason === 'string') &&
    (v.brokenAfterId === null || typeof v.brokenAfterId === 'string');
  if (!ok) return null;
  return {
    chainId: v.chainId as string,
    lastId: v.lastId as string,
    lastHash: v.lastHash as string,
    count: v.count as number,
    at: v.at as string,
    intact: v.intact as boolean,
    brokenReason: v.brokenReason as CheckpointBreak | null,
    brokenAfterId: v.brokenAfterId as string | null,
    keyId: v.keyId as string,
    mac: v.mac as string,
  };
}
