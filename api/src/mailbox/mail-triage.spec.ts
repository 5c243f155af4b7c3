import { describe, expect, it } from 'vitest';
import { headerFields } from '../requests/request-record';
import { triageMail, triageReading } from './mail-triage';

const triage = (head: string) => triageMail(headerFields(`${head}\r\n\r\nbody\r\n`));

describe('triage of the privacy@ mailbox', () => {
  it('lets a person writing through to the intake', () => {
    expect(triage('From: Mario Rossi <mario.rossi@example.it>\r\nSubject: Cancellazione dati')).toBeNull();
    expect(triage('From: a@example.it\r\nAuto-Submitted: no')).toBeNull();
    expect(triage('From: a@example.it\r\nX-Autoreply: no')).toBeNull();
  });

  it('puts auto-replies aside (RFC 3834 and the common headers)', () => {
    expect(triage('From: a@example.it\r\nAuto-Submitted: auto-replied')).toEqual({
      kind: 'auto_reply',
      reason: 'Auto-Submitted: auto-replied',
    });
    expect(triage('From: a@example.it\r\nAuto-Submitted: Auto-Generated; owner-email="x@y"')?.reason).toBe(
      'Auto-Submitted: auto-generated',
    );
    expect(triage('From: a@example.it\r\nX-Autoreply: yes')).toEqual({
      kind: 'auto_reply',
      reason: 'X-Autoreply present',
    });
    expect(triage('From: a@example.it\r\nPrecedence: bulk')?.kind).toBe('auto_reply');
    expect(triage('From: a@example.it\r\nPrecedence: junk')?.kind).toBe('auto_reply');
  });

  it('puts delivery reports aside: multipart/report, and mail from the mail system', () => {
    expect(
      triage('From: a@example.it\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="b"'),
    ).toEqual({ kind: 'delivery_report', reason: 'Content-Type: multipart/report (report-type=delivery-status)' });
    expect(triage('From: Mail Delivery System <MAILER-DAEMON@mx.aruba.it>\r\nSubject: Undelivered')).toEqual({
      kind: 'delivery_report',
      reason: 'From: MAILER-DAEMON (a mail system)',
    });
    expect(triage('From: postmaster@example.it')?.kind).toBe('delivery_report');
  });

  it('puts list mail and newsletters aside', () => {
    expect(triage('From: news@shop.example\r\nList-Id: <offers.shop.example>')).toEqual({
      kind: 'list_mail',
      reason: 'List-Id present',
    });
    expect(triage('From: news@shop.example\r\nList-Unsubscribe: <mailto:u@shop.example>')?.kind).toBe('list_mail');
    expect(triage('From: news@shop.example\r\nPrecedence: list')?.kind).toBe('list_mail');
  });

  it('decides by the header, not by a sender named like a mail system inside a longer name', () => {
    expect(triage('From: "postmaster fan" <mario@example.it>')).toBeNull();
    expect(triage('From: mailer-daemon-watcher@example.it')).toBeNull();
  });

  it('puts a letter asking no right aside, from the reading of its words', () => {
    expect(triageReading({ requestedTypes: [], complaint: 'sporgo reclamo' })).toEqual({
      kind: 'no_request',
      reason: 'complaint: "sporgo reclamo"',
    });
    expect(triageReading({ requestedTypes: [] })).toEqual({ kind: 'no_request', reason: 'no right asked' });
    expect(triageReading({ requestedTypes: ['access', 'erasure'] })).toBeNull();
    // A line of an older intake, with no reading: not judged here.
    expect(triageReading({ guessedType: 'access' })).toBeNull();
  });
});
