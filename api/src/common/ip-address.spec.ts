import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainIpAddress } from './ip-address';

describe('isPlainIpAddress', () => {
  it('takes IPv4 and IPv6 addresses as inet does', () => {
    for (const ip of [
      '93.44.12.7',
      '0.0.0.0',
      '::1',
      '::',
      '2001:db8::1',
      'fe80::1',
      '::ffff:93.44.12.7',
      '2001:DB8:0:0:0:0:0:1',
    ]) {
      expect(isPlainIpAddress(ip), ip).toBe(true);
    }
  });

  it('refuses a zone, and what is no address', () => {
    for (const ip of [
      'fe80::1%eth0',
      'fe80::1%1',
      '::1%',
      '1.2.3.4%eth0',
      '256.1.1.1',
      '01.2.3.4',
      '',
      ' 1.2.3.4',
      '1.2.3.4\u0000',
      'example.org',
      42,
      null,
    ]) {
      expect(isPlainIpAddress(ip), String(ip)).toBe(false);
    }
  });

  it('takes what fast-check generates as addresses, with no zone', () => {
    fc.assert(fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (ip) => isPlainIpAddress(ip)));
    fc.assert(
      fc.property(fc.ipV6(), fc.stringMatching(/^[a-z0-9]{1,8}$/), (ip, zone) => !isPlainIpAddress(`${ip}%${zone}`)),
    );
  });
});
