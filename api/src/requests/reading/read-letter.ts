import type { Language, RequestType } from '../request.entity';
import { isRelayAddress, normaliseAddress } from './addresses';
import { detectLanguage, type KnownLanguage } from './language';
import { personName } from './names';
import { ownWords } from './own-words';
import { readRights, type RightFound } from './rights';

/**
 * A letter read as a privacy officer reads it: who the data subject is, which rights they ask,
 * in which language. Plain functions; the intake (email-intake.ts) feeds them the parsed e-mail.
 */

export interface LetterInput {
  subject: string | null | undefined;
  text: string | null | undefined;
  from: { name?: string | null; address?: string | null } | null | undefined;
  replyTo?: { name?: string | null; address?: string | null } | null;
}

/** How the data subject's address was found. */
export type SubjectSource = 'sender' | 'forwarded' | 'reply_to' | 'letter';

export interface LetterReading {
  /** The rights asked, in the writer's order; empty when none is. */
  types: RequestType[];
  evidence: RightFound[];
  /** A complaint to a supervisory authority: no request to us. */
  complaint: string | null;
  language: Language;
  /** The language the letter is in, when it is neither Italian nor English. */
  otherLanguage: KnownLanguage | null;
  subject: { email: string | null; name: string | null; source: SubjectSource };
  /** The address that sent the message, when it is not the subject's (a colleague, a form relay). */
  sentBy: string | null;
  words: string;
  setAside: string[];
}

export function readLetter(input: LetterInput): LetterReading {
  const own = ownWords(input.text, input.subject);
  const reading = readRights(own.subject, own.words);
  const detected = detectLanguage(`${own.subject ?? ''}\n${own.words}`);
  const sender = normaliseAddress(input.from?.address);
  let subject: LetterReading['subject'] = {
    email: sender,
    name: personName(input.from?.name),
    source: 'sender',
  };
  let sentBy: string | null = null;
  const forwardedAddress = normaliseAddress(own.forwarded?.address);
  if (forwardedAddress && forwardedAddress !== sender) {
    subject = { email: forwardedAddress, name: personName(own.forwarded?.name), source: 'forwarded' };
    sentBy = sender;
  } else if (sender && isRelayAddress(sender, input.from?.name)) {
    // A form or a no-reply relay writes on the subject's behalf: their address is the Reply-To,
    // else the one the letter gives.
    const replyTo = normaliseAddress(input.replyTo?.address);
    const written = replyTo && !isRelayAddress(replyTo) ? null : addressInLetter(own.words);
    const address = replyTo && !isRelayAddress(replyTo) ? replyTo : written;
    if (address) {
      subject = {
        email: address,
        name: personName(input.replyTo?.name) ?? personName(input.from?.name),
        source: replyTo === address ? 'reply_to' : 'letter',
      };
      sentBy = sender;
    }
  }
  return {
    types: reading.rights.map((r) => r.type),
    evidence: reading.rights,
    complaint: reading.complaint,
    language: detected.supported ? (detected.language as Language) : 'en',
    otherLanguage: detected.supported ? null : detected.language,
    subject,
    sentBy,
    words: own.words,
    setAside: own.setAside,
  };
}

/** The address a letter gives as the writer's ("E-mail: ...", "Indirizzo e-mail: ..."), else its first. */
function addressInLetter(words: string): string | null {
  const labelled =
    /(?:e-?mail|indirizzo (?:di posta|e-?mail)|posta elettronica)\s*:\s*<?([^\s<>,;]+@[^\s<>,;]+)/iu.exec(words);
  const any = /([^\s<>(),;:"']+@[^\s<>(),;:"']+\.[^\s<>(),;:"']+)/u.exec(words);
  return normaliseAddress(labelled?.[1] ?? any?.[1]?.replace(/[.]+$/, ''));
}
