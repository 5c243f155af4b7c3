import { DomainError } from '../common/errors/domain.error';

/** The mail server could not be reached, refused the sign-in, or refused a command (502). */
export class MailServerError extends DomainError {
  constructor(message: string) {
    super('mail_server_error', message, 502);
  }
}

/**
 * Runs an IMAP exchange, and says a failure in words for the officer: which server, and the
 * network's or the library's code, never the password nor the message's content.
 */
export async function withMailServer<T>(server: string, exchange: () => Promise<T>): Promise<T> {
  try {
    return await exchange();
  } catch (error) {
    throw describeImapFailure(error, server);
  }
}

export function describeImapFailure(error: unknown, server: string): unknown {
  if (!(error instanceof Error) || error instanceof DomainError) return error;
  const e = error as Error & { code?: unknown; authenticationFailed?: boolean; responseStatus?: unknown };
  if (e.authenticationFailed)
    return new MailServerError(`The mail server ${server} refused the user and password of IMAP_URL`);
  if (typeof e.responseStatus === 'string')
    return new MailServerError(`The mail server ${server} refused a command (${e.responseStatus})`);
  if (typeof e.code === 'string')
    return new MailServerError(`The mail server ${server} could not be reached or dropped the connection (${e.code})`);
  return new MailServerError(`The mail server ${server} failed: ${e.name}`);
}
