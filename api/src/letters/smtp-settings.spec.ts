import { describe, expect, it } from 'vitest';
import { maskSmtpUrl, parseMailFrom, parseSmtpUrl } from './smtp-settings';

describe('parseSmtpUrl', () => {
  it('takes smtps:// with TLS from the first byte, 465 by default', () => {
    expect(parseSmtpUrl('smtps://privacy%40vimage.it:s%3Acret@smtps.aruba.it')).toEqual({
      host: 'smtps.aruba.it',
      port: 465,
      secure: true,
      requireTls: false,
      auth: { user: 'privacy@vimage.it', pass: 's:cret' },
    });
  });

  it('sends over smtp:// to another host only after STARTTLS', () => {
    expect(parseSmtpUrl('smtp://u:p@smtp.example.com')).toMatchObject({ port: 587, secure: false, requireTls: true });
  });

  it('takes a plain relay on this host, with or without a password', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:2525')).toEqual({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
      requireTls: false,
      auth: null,
    });
    expect(parseSmtpUrl('smtp://localhost')).toMatchObject({ port: 25, requireTls: false });
  });

  it('says why a URL cannot be used', () => {
    expect(parseSmtpUrl('http://x')).toEqual({ problem: expect.stringMatching(/smtps:\/\//) });
    expect(parseSmtpUrl('smtps://smtp.example.com')).toEqual({
      problem: expect.stringMatching(/user and the password/),
    });
    expect(parseSmtpUrl('not a url')).toEqual({ problem: expect.stringMatching(/must be a URL/) });
  });

  it('hides the password', () => {
    expect(maskSmtpUrl('smtps://me:secret@host:465')).toBe('smtps://me:***@host:465');
  });
});

describe('parseMailFrom', () => {
  it('takes an address, or a name and an address', () => {
    expect(parseMailFrom('privacy@vimage.it')).toEqual({
      header: 'privacy@vimage.it',
      address: 'privacy@vimage.it',
      domain: 'vimage.it',
    });
    expect(parseMailFrom('Privacy Vimage <privacy@Vimage.it>')).toMatchObject({
      address: 'privacy@Vimage.it',
      domain: 'vimage.it',
    });
  });

  it('refuses what is no address', () => {
    expect(parseMailFrom('privacy')).toHaveProperty('problem');
    expect(parseMailFrom('a@b')).toHaveProperty('problem');
  });
});
