import { isIP } from 'node:net';

/**
 * An IPv4 or IPv6 address as PostgreSQL's `inet` takes it. Node's isIP and class-validator's
 * IsIP both accept an IPv6 zone (`fe80::1%eth0`), which names a network interface of the machine
 * that logged it, means nothing here, and which `inet` refuses (a 500 at ingestion and in the
 * subject search before this check).
 */
export function isPlainIpAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 45 && !value.includes('%') && isIP(value) !== 0;
}
