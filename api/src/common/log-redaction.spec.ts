import { describe, expect, it } from 'vitest';
import { redactErrorLog, redactQuery, redactRequestLog, redactUrl } from './log-redaction';

describe('log redaction of URLs', () => {
  it('keeps the path, the parameter names and the paging and sorting, and hides every other value', () => {
    const filter = encodeURIComponent(JSON.stringify({ q: 'giulia.rossi@example.org', phone: '+39 347 123 4567' }));
    expect(redactUrl(`/api/leads?filter=${filter}&range=[0,24]&sort=["id","ASC"]`)).toBe(
      '/api/leads?filter=[redacted]&range=[0,24]&sort=["id","ASC"]',
    );
    expect(redactUrl('/api/subjects/search?q=giulia.rossi%40example.org')).toBe('/api/subjects/search?q=[redacted]');
    expect(redactUrl('/api/requests/1/export.zip?kind=access')).toBe('/api/requests/1/export.zip?kind=access');
    expect(redactUrl('/api/health')).toBe('/api/health');
    expect(redactUrl('/api/users?')).toBe('/api/users?');
  });

  it('hides a value typed where a name goes, and a malformed name', () => {
    expect(redactUrl('/api/leads?giulia@example.org')).toBe('/api/leads?[redacted]');
    expect(redactUrl('/api/leads?%2B393471234567=1&%E0%A4%A=2')).toBe('/api/leads?[redacted]&[redacted]');
  });

  it('redacts the parsed query and the serialized request the same way', () => {
    expect(redactQuery({ q: 'giulia@example.org', range: '[0,9]', '+39 347': 'x' })).toEqual({
      q: '[redacted]',
      range: '[0,9]',
      '[redacted]': '[redacted]',
    });
    const line = redactRequestLog({
      method: 'GET',
      url: '/api/subjects/search?q=3471234567',
      query: { q: '3471234567' },
      headers: {},
    });
    expect(JSON.stringify(line)).not.toContain('3471234567');
    expect(line).toMatchObject({ method: 'GET', url: '/api/subjects/search?q=[redacted]', query: { q: '[redacted]' } });
    const headers = {
      referer: 'https://console.example/leads?filter=%7B%22q%22%3A%22giulia%40example.org%22%7D',
      accept: '*/*',
    };
    const withReferer = redactRequestLog({ url: '/api/leads', headers });
    expect(withReferer.headers).toEqual({ referer: 'https://console.example/leads?filter=[redacted]', accept: '*/*' });
    expect(headers.referer).toContain('giulia'); // the request's own headers are left alone
  });

  it("keeps a failed query's bound values and the driver's detail out of an error's log line", () => {
    const serialized = {
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "users_email_key"',
      stack: 'QueryFailedError: …',
      code: '23505',
      query: 'INSERT INTO users (email) VALUES ($1)',
      parameters: ['giulia.rossi@example.org'],
      detail: 'Key (email)=(giulia.rossi@example.org) already exists.',
      driverError: { message: 'duplicate key', detail: 'Key (email)=(giulia.rossi@example.org) already exists.' },
    };
    const line = redactErrorLog(serialized);
    expect(JSON.stringify(line)).not.toContain('giulia');
    expect(line).toEqual({
      type: 'QueryFailedError',
      message: serialized.message,
      stack: serialized.stack,
      code: '23505',
      query: serialized.query,
    });
  });
});
