/**
 * The writer's own words in an e-mail: what remains once the parts someone else wrote are set
 * aside — the message a reply quotes, the headers of a forwarded message, the signature and the
 * footer a mail server or an employer appends. A forwarded letter's own words are the original
 * sender's, and its sender is read from the forwarded headers.
 */

export interface ForwardedSender {
  name: string | null;
  address: string | null;
  subject: string | null;
}

export interface OwnWords {
  /** What the writer wrote, without quotes, forwarded headers, signature and footer. */
  words: string;
  /** The writer's subject line: null on a reply (its subject is the one we wrote). */
  subject: string | null;
  /** Set when the letter is a forwarded one: its original sender, as the forwarded headers say. */
  forwarded: ForwardedSender | null;
  /** What was set aside, for the officer: quote, signature, footer, forward_note. */
  setAside: string[];
}

const REPLY_PREFIX = /^\s*((re|r|aw|sv|vs|antw|rif|odp)\s*(\[\d+\])?\s*:\s*)+/i;
const FORWARD_PREFIX = /^\s*((fwd?|fw|i|inoltr[ao]|tr|wg|rv|enc)\s*:\s*)+/i;

/** The line that opens a forwarded or an original message inside the body. */
const MARKER =
  /^[ \t]*(?:-{3,}\s*(forwarded message|messaggio inoltrato|original message|messaggio originale|message d'origine|ursprüngliche nachricht|mensaje original|mensaje reenviado|message transféré|weitergeleitete nachricht)\s*-{3,}|(begin forwarded message|inizio messaggio inoltrato|début du message réexpédié|anfang der weitergeleiteten nachricht)\s*:|_{10,})[ \t]*$/im;

/** "On Mon, 2 Feb 2026 at 10:12, X <x@y> wrote:", over one or two lines, in the usual languages. */
const REPLY_INTRO =
  /^[ \t]*(on|il giorno|il|am|le|el|op|em)\s[^\n]{4,200}(\n[^\n]{0,120})?\s(wrote|ha scritto|schrieb|a écrit|escribió|schreef|escreveu)\s*:[ \t]*$/im;

const HEADER_LINE =
  /^[ \t]*\*?(from|da|de|von|van|sent|inviato|envoyé|gesendet|date|data|datum|fecha|to|a|à|an|aan|para|cc|subject|oggetto|objet|betreff|asunto|onderwerp)\*?\s*:\s*(.*)$/i;
const FROM_NAMES = new Set(['from', 'da', 'de', 'von', 'van']);
const SUBJECT_NAMES = new Set(['subject', 'oggetto', 'objet', 'betreff', 'asunto', 'onderwerp']);

/** The signature delimiter (RFC 3676 "-- ") and the usual footers appended below a letter. */
const SIGNATURE = /^-- ?$/m;
const FOOTER =
  /^[ \t]*(this (e-?mail|message|communication)\b[^\n]{0,120}\b(confidential|intended|privileged)|questo (messaggio|e-?mail)\b[^\n]{0,120}\b(riservat|destinat|confidenzial)|informativa (privacy|sulla privacy|ai sensi)|privacy notice\s*:|le informazioni contenute in questo|the information (contained )?in this (e-?mail|message)|sent from my (iphone|ipad|android|mobile)|inviato da (iphone|ipad|android)|disclaimer\s*:|avvertenza\s*:)/im;

export function ownWords(text: string | null | undefined, subjectLine?: string | null): OwnWords {
  let body = (text ?? '').replace(/\r\n?/g, '\n');
  let subject: string | null = subjectLine?.trim() || null;
  const setAside = new Set<string>();
  let forwarded: ForwardedSender | null = null;
  const isForwardSubject = subject !== null && FORWARD_PREFIX.test(subject);
  const isReplySubject = subject !== null && REPLY_PREFIX.test(subject) && !isForwardSubject;
  if (isReplySubject) subject = null;
  else if (subject) subject = subject.replace(FORWARD_PREFIX, '').trim() || null;

  // A forwarded message, the innermost first: its headers name the original sender, its body is
  // the letter; the forwarding colleague's note above it is not the subject's words.
  for (let depth = 0; depth < 5; depth++) {
    const marker = MARKER.exec(body);
    if (!marker) break;
    const kind = (marker[1] ?? marker[2] ?? '').toLowerCase();
    const explicitForward = /forward|inoltrat|réexpédié|weitergeleitet|reenviado|transféré/.test(kind);
    const originalMessage = /original|originale|d'origine|ursprüngliche/.test(kind) || kind === '';
    const before = body.slice(0, marker.index);
    const after = body.slice(marker.index + marker[0].length);
    const block = readHeaderBlock(after);
    const forward =
      explicitForward || (originalMessage && (isForwardSubject || forwarded !== null) && block.from !== null);
    if (!forward) {
      // A reply: what follows the original message's marker is ours, quoted.
      body = before;
      setAside.add('quote');
      break;
    }
    if (before.trim()) setAside.add('forward_note');
    forwarded = { name: block.fromName, address: block.from, subject: block.subject };
    subject = block.subject?.replace(FORWARD_PREFIX, '').replace(REPLY_PREFIX, '').trim() || subject;
    body = block.rest;
  }

  const intro = REPLY_INTRO.exec(body);
  if (intro) {
    const after = body.slice(intro.index + intro[0].length);
    // Quoted with ">" (the writer may answer below the quote): only the intro line goes, the
    // quoted lines below. Not quoted: all that follows the intro is the earlier message.
    body = /^\s*>/.test(after) ? body.slice(0, intro.index) + after : body.slice(0, intro.index);
    setAside.add('quote');
  }
  const lines = body.split('\n');
  const unquoted = lines.filter((line) => !/^[ \t]*>/.test(line));
  if (unquoted.length !== lines.length) setAside.add('quote');
  body = unquoted.join('\n');

  const signature = SIGNATURE.exec(body);
  if (signature) {
    body = body.slice(0, signature.index);
    setAside.add('signature');
  }
  const footer = FOOTER.exec(body);
  // A footer below the letter only: a letter that begins by quoting a notice keeps its words.
  if (footer && footer.index > Math.min(200, body.length / 3)) {
    body = body.slice(0, footer.index);
    setAside.add('footer');
  }
  return { words: body.replace(/\n{3,}/g, '\n\n').trim(), subject, forwarded, setAside: [...setAside] };
}

interface HeaderBlock {
  from: string | null;
  fromName: string | null;
  subject: string | null;
  rest: string;
}

/** The header lines that open a forwarded message (From:/Da:, Subject:/Oggetto:...), and what follows. */
function readHeaderBlock(text: string): HeaderBlock {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  let from: string | null = null;
  let fromName: string | null = null;
  let subject: string | null = null;
  let seen = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const header = HEADER_LINE.exec(line);
    if (!header) {
      if (seen > 0 && !line.trim()) break;
      if (seen > 0 && /^\s+\S/.test(line)) continue;
      break;
    }
    seen++;
    const name = header[1].toLowerCase();
    const value = header[2].trim();
    if (FROM_NAMES.has(name) && from === null) {
      const sender = readSender(value);
      from = sender.address;
      fromName = sender.name;
    } else if (SUBJECT_NAMES.has(name) && subject === null) subject = value || null;
  }
  return { from, fromName, subject, rest: seen > 0 ? lines.slice(i).join('\n') : text };
}

/** "Name <a@b>", "Name [mailto:a@b]", "a@b (Name)", "a@b". */
function readSender(value: string): { name: string | null; address: string | null } {
  const angle = /^(.*?)[<[]\s*(?:mailto:)?([^\s<>[\]]+@[^\s<>[\]]+)\s*[>\]]/i.exec(value);
  if (angle) return { name: angle[1].replace(/^["'\s]+|["'\s]+$/g, '') || null, address: angle[2] };
  const bare = /([^\s<>()"']+@[^\s<>()"']+)(?:\s*\(([^)]*)\))?/.exec(value);
  if (bare) return { name: bare[2]?.trim() || null, address: bare[1] };
  return { name: value || null, address: null };
}
