import { simpleParser, type ParsedMail } from 'mailparser';
import { InvalidInputError } from '../common/errors/domain.error';
import { normaliseEmail } from '../subjects/identifiers';
import type { NewRequest } from './requests.service';
import { headerFields, intakeFingerprint, receiptDateOf, senderDateOf } from './request-record';
import { guessRequestType } from './request-rules';

export interface ParsedIntake {
  request: NewRequest;
  received: { message: string; details: Record<string, unknown> };
  /** What makes this e-mail itself: the same message imported again answers the same request. */
  email: { senderDate: Date | null; messageId: string | null; fingerprint: string };
}

const MAX_TEXT = 20_000;

/** A header's value without control characters (C0 and DEL): a tab becomes a space. */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return value.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
}

/**
 * Reads a message as saved from the privacy@ mailbox (.eml, RFC 822) into a draft request: the
 * sender is the subject, the wording a first guess of the type. The receipt is the company's:
 * the date its mail server stamped on the topmost Received: header, else `importedAt`; the
 * sender's Date: is kept as information (null when missing or malformed). A message without a
 * sender address is refused (nothing is created).
 */
export async function parseRequestEmail(raw: Buffer, importedAt = new Date()): Promise<ParsedIntake> {
  if (!raw || raw.length === 0)
    throw new InvalidInputError('The body is empty: send the raw message (.eml) as message/rfc822');
  const head = raw.subarray(0, 8192).toString('latin1');
  if (!/^[\w-]+:/m.test(head) || !/^from:/im.test(head)) {
    throw new InvalidInputError(
      'This is not an e-mail message: an RFC 822 message starts with headers such as From: and Date:',
    );
  }
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  } catch (error) {
    throw new InvalidInputError(`The message cannot be read: ${(error as Error).message}`);
  }
  // A message may carry NUL bytes, which PostgreSQL text and jsonb cannot hold, and a header
  // (a subject, a name, an attachment's name) control characters, which mean nothing to a reader.
  mail.subject = mail.subject === undefined ? undefined : headerText(mail.subject);
  mail.text = mail.text?.replaceAll('\u0000', '');
  if (typeof mail.html === 'string') mail.html = mail.html.replaceAll('\u0000', '');
  const from = mail.from?.value?.[0];
  if (from?.name) from.name = headerText(from.name);
  const email = normaliseEmail(from?.address);
  if (!email)
    throw new InvalidInputError('The message has no sender address (From:)', {
      from: 'is missing or not an e-mail address',
    });
  // mailparser makes a missing or malformed Date: into "now": the headers are read here instead.
  const headers = headerFields(raw);
  const receipt = receiptDateOf(headers, importedAt);
  const senderDate = senderDateOf(headers);
  const messageId = (mail.messageId === undefined ? '' : headerText(mail.messageId)).slice(0, 998) || null;

  const text = (mail.text ?? '').trim() || htmlToPlain(typeof mail.html === 'string' ? mail.html : '');
  const guess = guessRequestType(mail.subject, text);
  const attachments = mail.attachments.map((a) => ({
    filename: a.filename ? headerText(a.filename) : null,
    contentType: headerText(a.contentType),
    size: a.size,
  }));
  return {
    request: {
      type: guess.type,
      typeGuessed: true,
      channel: 'email',
      language: guess.language,
      receivedAt: receipt.receivedAt.toISOString(),
      subjectName: from?.name?.trim() || undefined,
      subjectEmail: email,
      description: [mail.subject, text].filter(Boolean).join('\n\n').slice(0, MAX_TEXT),
    },
    received: {
      message: text.slice(0, MAX_TEXT),
      details: {
        from: from?.name ? `${from.name} <${email}>` : email,
        subject: mail.subject ?? null,
        receivedAt: receipt.receivedAt.toISOString(),
        receiptSource: receipt.source,
        ...(receipt.ignored ? { receiptNote: receipt.ignored } : {}),
        senderDate: senderDate?.toISOString() ?? null,
        messageId,
        guessedType: guess.type,
        typeWordingFound: guess.matched,
        attachments,
      },
    },
    email: { senderDate, messageId, fingerprint: intakeFingerprint({ senderEmail: email, messageId, text }) },
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
