import { describe, expect, it } from 'vitest';
import { isRelayAddress, normaliseAddress } from './addresses';

describe('normaliseAddress', () => {
  it('keeps one form of an internationalised address, whether it came in Unicode or punycode', () => {
    expect(normaliseAddress('siobhan@xn--bcher-kva.example')).toBe('siobhan@bücher.example');
    expect(normaliseAddress('Siobhan@Bücher.example')).toBe('siobhan@bücher.example');
    expect(normaliseAddress('nicolò@caffè.example')).toBe('nicolò@caffè.example');
    // NFD (o + combining grave) and NFC are the same address.
    expect(normaliseAddress('nicolo\u0300@caffe\u0300.example')).toBe('nicolò@caffè.example');
    expect(normaliseAddress('jürgen@XN--MLLER-KVA.example')).toBe('jürgen@müller.example');
  });

  it('reads ASCII addresses as before, and refuses what is no address', () => {
    expect(normaliseAddress(' Mario.Rossi@Example.IT ')).toBe('mario.rossi@example.it');
    expect(normaliseAddress('mailto:anna@example.com')).toBe('anna@example.com');
    expect(normaliseAddress('nobody')).toBeNull();
    expect(normaliseAddress('josé@localhost')).toBeNull();
    expect(normaliseAddress('jo sé@bücher.example')).toBeNull();
    expect(normaliseAddress('josé@bü_cher.example')).toBeNull();
    expect(normaliseAddress(null)).toBeNull();
  });
});

describe('isRelayAddress', () => {
  it('knows a form relay or a no-reply sender from a person', () => {
    expect(isRelayAddress('noreply@forms.example')).toBe(true);
    expect(isRelayAddress('no-reply@shop.example')).toBe(true);
    expect(isRelayAddress('wordpress@blog.example')).toBe(true);
    expect(isRelayAddress('contact@shop.example', 'Anna Colombo via Acme Shop')).toBe(true);
    expect(isRelayAddress('anna.colombo@example.com', 'Anna Colombo')).toBe(false);
    expect(isRelayAddress('noreen@example.com')).toBe(false);
  });
});
