import { simpleParser, type ParsedMail } from 'mailparser';
import { InvalidInputError } from '../common/errors/domain.error';
import { normaliseAddress } from './reading/addresses';
import { pdfText } from './reading/pdf-text';
import { readLetter, type LetterReading } from './reading/read-letter';
import type { NewRequest } from './requests.service';
import { headerFields, intakeFingerprint, receiptDateOf, senderDateOf } from './request-record';

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
 * Reads a message as saved from the privacy@ mailbox (.eml, RFC 822) into a draft request, as a
 * privacy officer reads it (reading/): the data subject is the sender, or the original sender of
 * a forwarded letter, or the person a form relay writes for; the rights asked are read from the
 * writer's own words (not quotes, signatures, footers or forwarded headers), the first being the
 * request's type and all listed in the timeline's first line; a letter in an attached PDF is read
 * when the body asks nothing. The receipt is the company's:
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
  const email = normaliseAddress(from?.address);
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
  const replyTo = mail.replyTo?.value?.[0];
  const input = { subject: mail.subject, from, replyTo };
  let reading = readLetter({ ...input, text });
  let letterAttachment: { filename: string | null; text: string } | null = null;
  if (!reading.evidence.some((e) => e.at >= 0) && !reading.complaint) {
    // "Please find my letter attached": when the body itself asks nothing (a subject line may
    // name a right), the letter is the PDF's text, read as a body would be.
    for (const a of mail.attachments) {
      if (a.contentType !== 'application/pdf' && !/\.pdf$/i.test(a.filename ?? '')) continue;
      const pdf = await pdfText(a.content);
      if (!pdf) continue;
      const fromPdf = readLetter({ ...input, text: pdf });
      if (!fromPdf.types.length && !fromPdf.complaint) continue;
      reading = { ...fromPdf, subject: reading.subject, sentBy: reading.sentBy };
      letterAttachment = { filename: a.filename ? headerText(a.filename) : null, text: pdf };
      break;
    }
  }
  const type = reading.types[0] ?? 'access';
  const subjectEmail = reading.subject.email ?? email;
  const subjectName = reading.subject.name ? headerText(reading.subject.name) : undefined;
  const attachments = mail.attachments.map((a) => ({
    filename: a.filename ? headerText(a.filename) : null,
    contentType: headerText(a.contentType),
    size: a.size,
  }));
  const fromLine = from?.name ? `${from.name} <${email}>` : email;
  return {
    request: {
      type,
      typeGuessed: true,
      channel: 'email',
      language: reading.language,
      receivedAt: receipt.receivedAt.toISOString(),
      subjectName,
      subjectEmail,
      description: [
        mail.subject,
        text,
        letterAttachment && `[${letterAttachment.filename ?? 'PDF'}]\n${letterAttachment.text}`,
      ]
        .filter(Boolean)
        .join('\n\n')
        .slice(0, MAX_TEXT),
    },
    received: {
      message: text.slice(0, MAX_TEXT),
      details: {
        from: fromLine,
        subject: mail.subject ?? null,
        receivedAt: receipt.receivedAt.toISOString(),
        receiptSource: receipt.source,
        ...(receipt.ignored ? { receiptNote: receipt.ignored } : {}),
        senderDate: senderDate?.toISOString() ?? null,
        messageId,
        guessedType: type,
        typeWordingFound: reading.types.length > 0,
        ...readingDetails(reading),
        ...(letterAttachment ? { letterAttachment: letterAttachment.filename } : {}),
        attachments,
      },
    },
    email: { senderDate, messageId, fingerprint: intakeFingerprint({ senderEmail: email, messageId, text }) },
  };
}

/** What the reading found beyond the type, for the timeline's first line (only what applies). */
function readingDetails(reading: LetterReading): Record<string, unknown> {
  return {
    requestedTypes: reading.types,
    ...(reading.subject.source !== 'sender' ? { subjectFrom: reading.subject.source, sentBy: reading.sentBy } : {}),
    ...(reading.otherLanguage ? { otherLanguage: reading.otherLanguage } : {}),
    ...(reading.complaint ? { complaint: reading.complaint } : {}),
    ...(reading.setAside.length ? { setAside: reading.setAside } : {}),
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
