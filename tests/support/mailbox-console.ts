import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver';
import { startTestConsole, type StartTestOptions, type TestConsole } from './test-console';

/** The address the console's letters come from in the tests. */
export const PRIVACY_SENDER = 'Privacy Vimage <privacy@vimage.it>';

/**
 * The console with a mailbox of the test's own: a real SMTP server on the loopback receives
 * every letter and code it sends from the privacy address. `options.env` adds to (or overrides)
 * the mail settings, e.g. LETTER_RETRY_SECONDS.
 */
export async function startConsoleWithMailbox(
  options: StartTestOptions = {},
): Promise<{ c: TestConsole; smtp: SmtpReceiver }> {
  const smtp = await startSmtpReceiver();
  try {
    const c = await startTestConsole({
      ...options,
      env: { SMTP_URL: smtp.url, MAIL_FROM: PRIVACY_SENDER, ...options.env },
    });
    return { c, smtp };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}
