import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The mail of `bench:mailbox`: what a privacy@ mailbox receives, in the proportions of a busy
 * one. Request letters are the real letters of `tests/fixtures/letters` (public templates in
 * Italian and English, a few in other languages, in the shapes real mail takes: forwarded,
 * replies, HTML only, PDF attachments, quoted-printable, base64), each copy sent by another
 * person on another day; around them, the subjects' replies to the console's letters,
 * auto-replies, delivery reports and list mail. Written once per run, the same for every run
 * of the same size (no randomness): two runs read the same mailbox.
 */

export type BenchMailKind = 'letter' | 'reply' | 'auto_reply' | 'bounce' | 'list';

export interface BenchMail {
  kind: BenchMailKind;
  raw: Buffer;
  /** For a letter: whether the corpus says it asks a right (complaints to the Garante do not). */
  asksRight: boolean;
  /** For a reply: the Message-ID of the letter it answers, as the console stores it. */
  inReplyTo?: string;
}

/** Out of 100 messages: most are letters, then the rest of a privacy@ mailbox's days. */
const MIX: Array<[BenchMailKind, number]> = [
  ['letter', 62],
  ['reply', 14],
  ['auto_reply', 10],
  ['bounce', 8],
  ['list', 6],
];

interface CorpusLetter {
  file: string;
  request: boolean;
  subjectEmail: string;
  subjectName: string;
  language: string;
}

const LETTERS_DIR = join(__dirname, '../../tests/fixtures/letters');

const FIRST = ['Giulia', 'Marco', 'Sara', 'Luca', 'Chiara', 'Paolo', 'Emma', 'James', 'Olivia', 'Noah', 'Aoife', 'Tom'];
const LAST = ['Bianchi', 'Rossi', 'Ferri', 'Greco', 'Conti', 'Marino', 'Smith', 'Walsh', 'Brown', 'Murphy', 'Costa'];
const DOMAINS = ['example.it', 'posta.example.it', 'example.com', 'example.org', 'mail.example.ie', 'example.co.uk'];

/** `count` messages, in arrival order; `from`: their dates run over the 30 days before it. */
export function benchMailbox(count: number, from = new Date()): BenchMail[] {
  const corpus = (JSON.parse(readFileSync(join(LETTERS_DIR, 'expected.json'), 'utf8')) as CorpusLetter[]).filter((l) =>
    readdirSync(join(LETTERS_DIR, 'eml')).includes(l.file),
  );
  const raws = corpus.map((l) => readFileSync(join(LETTERS_DIR, 'eml', l.file), 'latin1'));
  const out: BenchMail[] = [];
  /** The letters sent so far (their Message-ID, sender and language), for the replies to thread on. */
  const sent: Array<{ messageId: string; from: string; name: string; language: string }> = [];
  const span = 30 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const date = new Date(from.getTime() - span + Math.floor((span * i) / Math.max(count, 1)));
    const kind = kindOf(i);
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const address = `${name.toLowerCase().replace(' ', '.')}.${i}@${DOMAINS[i % DOMAINS.length]}`;
    const messageId = `<bench-${i}.${kind}@mail.example>`;
    if (kind === 'letter' || (kind === 'reply' && sent.length === 0)) {
      const n = (i * 7) % corpus.length;
      const letter = corpus[n];
      const raw = personalise(raws[n], letter, i, date, messageId);
      // Only a request is acknowledged: the subject's reply answers that letter.
      if (letter.request)
        sent.push({
          messageId,
          from: withSuffix(letter.subjectEmail, i),
          name: letter.subjectName,
          language: letter.language,
        });
      out.push({ kind: 'letter', raw: Buffer.from(raw, 'latin1'), asksRight: letter.request });
      continue;
    }
    if (kind === 'reply') {
      const to = sent[(i * 13) % sent.length];
      out.push({ kind, raw: reply(to, date, messageId), asksRight: false, inReplyTo: to.messageId });
    } else if (kind === 'auto_reply')
      out.push({ kind, raw: autoReply(name, address, date, messageId, i), asksRight: false });
    else if (kind === 'bounce') out.push({ kind, raw: bounce(address, date, messageId), asksRight: false });
    else out.push({ kind, raw: listMail(date, messageId, i), asksRight: false });
  }
  return out;
}

/** One of the new letters of the latency part: an Italian or English request, from its own person. */
export function newLetter(i: number, date = new Date()): { raw: Buffer; subjectEmail: string } {
  const corpus = JSON.parse(readFileSync(join(LETTERS_DIR, 'expected.json'), 'utf8')) as CorpusLetter[];
  const plain = corpus.filter((l) => l.request && /^(it|en)-\d+-.*-plain\.eml$/.test(l.file));
  const letter = plain[i % plain.length];
  const raw = readFileSync(join(LETTERS_DIR, 'eml', letter.file), 'latin1');
  const tag = 900_000 + i;
  return {
    raw: Buffer.from(personalise(raw, letter, tag, date, `<bench-new-${i}-${date.getTime()}@mail.example>`), 'latin1'),
    subjectEmail: withSuffix(letter.subjectEmail, tag),
  };
}

function kindOf(i: number): BenchMailKind {
  // Spread evenly: message i takes the kind whose share its place in a hundred falls in.
  const slot = (i * 37) % 100;
  let upTo = 0;
  for (const [kind, share] of MIX) {
    upTo += share;
    if (slot < upTo) return kind;
  }
  return 'letter';
}

/** The letter as another person sends it on another day: their address, the date, its own Message-ID. */
function personalise(raw: string, letter: CorpusLetter, i: number, date: Date, messageId: string): string {
  const end = raw.indexOf('\r\n\r\n');
  let head = raw.slice(0, end);
  const body = raw.slice(end);
  head = head
    .replace(/^Date: .*$/im, `Date: ${date.toUTCString().replace('GMT', '+0000')}`)
    .replace(/^(Received: [^;]*(?:\r\n[ \t][^;]*)*;).*$/im, `$1 ${date.toUTCString().replace('GMT', '+0000')}`);
  head = /^Message-ID:/im.test(head)
    ? head.replace(/^Message-ID: .*$/im, `Message-ID: ${messageId}`)
    : `${head}\r\nMessage-ID: ${messageId}`;
  // Wherever the address is written plainly (headers, a forwarded letter's lines), the person of this copy.
  // The file is read byte for byte (latin1): an address in UTF-8 is looked for as its bytes.
  const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  return (head + body).split(bytes(letter.subjectEmail)).join(bytes(withSuffix(letter.subjectEmail, i)));
}

function withSuffix(email: string, i: number): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}.b${i}${email.slice(at)}`;
}

const CRLF = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const rfcDate = (d: Date) => d.toUTCString().replace('GMT', '+0000');
const received = (d: Date, id: string) =>
  `Received: from mx.provider.example by mail.acme-shop.example with ESMTPS id ${id}; ${rfcDate(d)}`;

/** The subject answers the console's acknowledgement (threaded by In-Reply-To), in their language. */
function reply(to: { messageId: string; from: string; name: string; language: string }, date: Date, id: string) {
  const it = to.language === 'it';
  return CRLF([
    received(date, id.slice(1, 12)),
    `From: "${to.name}" <${to.from}>`,
    'To: privacy@acme-shop.example',
    `Subject: ${it ? 'R: Abbiamo ricevuto la sua richiesta' : 'Re: We have received your request'}`,
    `Date: ${rfcDate(date)}`,
    `Message-ID: ${id}`,
    `In-Reply-To: ${to.messageId}`,
    `References: ${to.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    it
      ? 'Buongiorno,\r\nin allegato trovate copia del documento come richiesto. Resto in attesa di un vostro riscontro.\r\n\r\nCordiali saluti'
      : 'Hello,\r\nthank you. As asked, my customer number is 4471-220. I look forward to hearing from you.\r\n\r\nBest regards',
    `${to.name}`,
    '',
    it
      ? `Il giorno ${rfcDate(date)} privacy@acme-shop.example ha scritto:`
      : `On ${rfcDate(date)} privacy@acme-shop.example wrote:`,
    it ? '> Abbiamo ricevuto la sua richiesta.' : '> We have received your request.',
  ]);
}

/** An out-of-office answer to one of the console's letters (RFC 3834). */
function autoReply(name: string, address: string, date: Date, id: string, i: number) {
  const it = i % 2 === 0;
  return CRLF([
    received(date, id.slice(1, 12)),
    `From: "${name}" <${address}>`,
    'To: privacy@acme-shop.example',
    `Subject: ${it ? 'Risposta automatica: Fuori ufficio' : 'Automatic reply: Out of office'}`,
    `Date: ${rfcDate(date)}`,
    `Message-ID: ${id}`,
    'Auto-Submitted: auto-replied',
    'X-Autoreply: yes',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    it
      ? 'Sono fuori ufficio fino a lunedì con accesso limitato alla posta. Per urgenze contattare la segreteria.'
      : 'I am out of the office until Monday with limited access to e-mail. For urgent matters please call the front desk.',
  ]);
}

/** A delivery report for a letter the console sent to an address that no longer exists. */
function bounce(address: string, date: Date, id: string) {
  const boundary = `=_report_${id.slice(1, 20)}`;
  return CRLF([
    received(date, id.slice(1, 12)),
    'From: Mail Delivery System <MAILER-DAEMON@mx.provider.example>',
    'To: privacy@acme-shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${rfcDate(date)}`,
    `Message-ID: ${id}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=US-ASCII',
    '',
    'This is the mail system at host mx.provider.example.',
    '',
    "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    `<${address}>: host mx.example.it said: 550 5.1.1 User unknown`,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.provider.example',
    '',
    `Final-Recipient: rfc822; ${address}`,
    'Action: failed',
    'Status: 5.1.1',
    `--${boundary}--`,
  ]);
}

/** A newsletter the privacy@ address is subscribed to (List-Id). */
function listMail(date: Date, id: string, i: number) {
  return CRLF([
    received(date, id.slice(1, 12)),
    'From: "Privacy Weekly" <news@privacy-weekly.example>',
    'To: privacy@acme-shop.example',
    `Subject: Privacy Weekly n. ${i}: le novità del Garante`,
    `Date: ${rfcDate(date)}`,
    `Message-ID: ${id}`,
    'List-Id: Privacy Weekly <weekly.privacy-weekly.example>',
    'List-Unsubscribe: <mailto:unsubscribe@privacy-weekly.example>',
    'Precedence: list',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Questa settimana: il Garante sanziona un operatore per il telemarketing, nuove linee guida EDPB sul diritto di accesso.',
  ]);
}
