import { describe, expect, it } from 'vitest';
import { ConflictError } from '../common/errors/domain.error';
import { describeImapFailure, MailServerError } from './mail-server.error';

describe('an IMAP failure, for the officer', () => {
  const server = 'imaps.aruba.it:993';

  it('names the server and the kind of failure, as a 502', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 1.2.3.4:993'), { code: 'ECONNREFUSED' });
    const answer = describeImapFailure(refused, server) as MailServerError;
    expect(answer).toBeInstanceOf(MailServerError);
    expect(answer.status).toBe(502);
    expect(answer.message).toBe(
      'The mail server imaps.aruba.it:993 could not be reached or dropped the connection (ECONNREFUSED)',
    );
    expect(
      (describeImapFailure(Object.assign(new Error('Command failed'), { authenticationFailed: true }), server) as Error)
        .message,
    ).toBe('The mail server imaps.aruba.it:993 refused the user and password of IMAP_URL');
    expect(
      (describeImapFailure(Object.assign(new Error('Command failed'), { responseStatus: 'NO' }), server) as Error)
        .message,
    ).toBe('The mail server imaps.aruba.it:993 refused a command (NO)');
  });

  it("leaves the console's own errors as they are", () => {
    const conflict = new ConflictError('busy');
    expect(describeImapFailure(conflict, server)).toBe(conflict);
  });
});
