import { describe, expect, it } from 'vitest';
import { maskImapUrl, parseImapUrl } from './imap-url';

describe('IMAP_URL', () => {
  it('reads the provider URL, with an address as the user', () => {
    expect(parseImapUrl('imaps://privacy%40vimage.it:s%3Acret@imaps.aruba.it:993/INBOX')).toEqual({
      host: 'imaps.aruba.it',
      port: 993,
      secure: true,
      user: 'privacy@vimage.it',
      password: 's:cret',
      folder: 'INBOX',
    });
    expect(parseImapUrl('imaps://u:p@imap.example.com')).toMatchObject({ port: 993, folder: 'INBOX' });
    expect(parseImapUrl('imaps://u:p@imap.example.com/Privacy%20Requests')).toMatchObject({
      folder: 'Privacy Requests',
    });
  });

  it('allows plain imap:// only to this host', () => {
    expect(parseImapUrl('imap://u:p@127.0.0.1:1143/INBOX')).toMatchObject({ secure: false, port: 1143 });
    expect(parseImapUrl('imap://u:p@localhost/INBOX')).toMatchObject({ secure: false, port: 143 });
    expect(parseImapUrl('imap://u:p@[::1]:143/INBOX')).toMatchObject({ host: '::1' });
    expect(parseImapUrl('imap://u:p@imap.example.com:143/INBOX')).toHaveProperty(
      'problem',
      'uses plain imap:// to another host, which would send the password and the mail unencrypted: use imaps:// (port 993)',
    );
  });

  it('refuses what cannot be used', () => {
    expect(parseImapUrl('not a url')).toHaveProperty('problem');
    expect(parseImapUrl('https://u:p@imap.example.com')).toHaveProperty('problem');
    expect(parseImapUrl('imaps://imap.example.com:993/INBOX')).toHaveProperty(
      'problem',
      'must carry the user and the password: imaps://user:password@host:993/INBOX',
    );
  });

  it('hides the password when shown', () => {
    expect(maskImapUrl('imaps://privacy%40vimage.it:secret@imaps.aruba.it:993/INBOX')).toBe(
      'imaps://privacy%40vimage.it:***@imaps.aruba.it:993/INBOX',
    );
  });
});
