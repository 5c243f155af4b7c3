import { describe, expect, it } from 'vitest';
import type { HeaderList } from './mail-triage';
import { headerFields } from '../requests/request-record';
import { messageIdOf, referenceInSubject, threadMessageIds } from './mail-threading';

const headers = (head: string) => headerFields(`${head}\r\n\r\nbody\r\n`);

describe('threading a reply to its request', () => {
  it('names the messages a reply answers, In-Reply-To first, then References newest first', () => {
    expect(
      threadMessageIds(
        headers(
          'From: a@example.it\r\nIn-Reply-To: <c@console.vimage.it>\r\nReferences: <a@console.vimage.it>\r\n <b@console.vimage.it> <c@console.vimage.it>',
        ),
      ),
    ).toEqual(['<c@console.vimage.it>', '<b@console.vimage.it>', '<a@console.vimage.it>']);
    expect(threadMessageIds(headers('From: a@example.it'))).toEqual([]);
  });

  it("reads a message's own Message-ID, with or without its brackets", () => {
    expect(messageIdOf(headers('Message-ID: <abc.123@mail.example.it>'))).toBe('<abc.123@mail.example.it>');
    expect(messageIdOf(headers('Message-Id: abc@x'))).toBe('<abc@x>');
    expect(messageIdOf(headers('From: a@example.it'))).toBeNull();
  });

  it('takes no id holding a control character: NUL would fail the whole batch in PostgreSQL', () => {
    const withNul: HeaderList = [['message-id', '<x\u0000y@evil.example>']];
    expect(messageIdOf(withNul)).toBeNull();
    expect(messageIdOf([['message-id', 'x\u0001y@evil.example']])).toBeNull();
    expect(
      threadMessageIds([
        ['in-reply-to', '<a\u0000b@evil.example> <ok@console.vimage.it>'],
        ['references', '<c\u007fd@evil.example>'],
      ]),
    ).toEqual(['<ok@console.vimage.it>']);
  });

  it("finds the request's reference in a subject line", () => {
    expect(referenceInSubject('Re: [DSR-2026-0007] Richiesta di accesso')).toBe('DSR-2026-0007');
    expect(referenceInSubject('R: rif. dsr-2026-0012')).toBe('DSR-2026-0012');
    expect(referenceInSubject('Re: DSR-2026-12')).toBeNull();
    expect(referenceInSubject(undefined)).toBeNull();
  });
});
