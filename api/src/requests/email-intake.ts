import { simpleParser, type ParsedMail } from 'mailparser';
import { InvalidInputError } from '../common/errors/domain.error';
import { normaliseEmail } from '../subjects/identifiers';
import type { NewRequest } from './requests.service';
import { guessRequestType } from './request-rules';

export interface ParsedIntake {
  request: NewRequest;
  received: { message: string; details: Record<string, unknown> };
}

const MAX_TEXT = 20_000;

/**
 * Reads a message as saved from the privacy@ mailbox (.eml, RFC 822) into a draft request: the
 * sender is the subject, the Date header the receipt, the wording a first guess of the type.
 * A message without a sender address or a date is refused (nothing is created).
 */
export async function parseRequestEmail(raw: Buffer): Promise<ParsedIntake> {
  if (!raw || raw.length === 0) throw new InvalidInputError('The body is empty: send the raw message (.eml) as message/rfc822');
  const head = raw.subarray(0, 8192).toString('latin1');
  if (!/^[\w-]+:/m.test(head) || !/^from:/im.test(head)) {
    throw new InvalidInputError('This is not an e-mail message: an RFC 822 message starts with headers such as From: and Date:');
  }
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  } catch (error) {
    throw new InvalidInputError(`The message cannot be read: ${(error as Error).message}`);
  }
  // A message may carry NUL bytes, which PostgreSQL text cannot hold: they mean nothing to a reader.
  mail.subject = mail.subject?.replace(/\u0000/g, '');
  mail.text = mail.text?.replace(/\u0000/g, '');
  if (typeof mail.html === 'string') mail.html = mail.html.replace(/\u0000/g, '');
  const from = mail.from?.value?.[0];
  if (from?.name) from.name = from.name.replace(/\u0000/g, '');
  const email = normaliseEmail(from?.address);
  if (!email) throw new InvalidInputError('The message has no sender address (From:)', { from: 'is missing or not an e-mail address' });
  if (!mail.date || Number.isNaN(mail.date.getTime())) throw new InvalidInputError('The message has no valid Date: header', { date: 'is missing or malformed' });

  const text = (mail.text ?? '').trim() || htmlToPlain(typeof mail.html === 'string' ? mail.html : '');
  const guess = guessRequestType(mail.subject, text);
  const attachments = mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size }));
  return {
    request: {
      type: guess.type,
      typeGuessed: true,
      channel: 'email',
      language: guess.language,
      receivedAt: mail.date.toISOString(),
      subjectName: from?.name?.trim() || undefined,
      subjectEmail: email,
      description: [mail.subject, text].filter(Boolean).join('\n\n').slice(0, MAX_TEXT),
    },
    received: {
      message: text.slice(0, MAX_TEXT),
      details: {
        from: from?.name ? `${from.name} <${email}>` : email,
        subject: mail.subject ?? null,
        date: mail.date.toISOString(),
        messageId: mail.messageId ?? null,
        guessedType: guess.type,
        typeWordingFound: guess.matched,
        attachments,
      },
    },
  };
}

function htmlToPlain(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
