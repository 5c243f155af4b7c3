import { describe, expect, it } from 'vitest';
import { composeDigest, digestSections, type DigestRequest } from './reminder-digest';

// Thursday 3 December 2026 in Rome.
const TODAY = '2026-12-03';

const request = (
  over: Partial<DigestRequest> & Pick<DigestRequest, 'reference' | 'workingDueDate'>,
): DigestRequest => ({
  id: `id-${over.reference}`,
  type: 'access',
  status: 'in_progress',
  subjectName: 'Giulia Bianchi',
  identityInfoRequestedAt: null,
  identityInfoReceivedAt: null,
  ...over,
});

const ASKED = new Date('2026-11-20T09:00:00Z');

const requests: DigestRequest[] = [
  request({ reference: 'DSR-2026-0001', workingDueDate: '2026-11-30', type: 'erasure', subjectName: 'Mario Rossi' }),
  request({ reference: 'DSR-2026-0002', workingDueDate: '2026-12-02' }),
  request({ reference: 'DSR-2026-0003', workingDueDate: '2026-12-03', subjectName: null }),
  request({ reference: 'DSR-2026-0004', workingDueDate: '2026-12-10', type: 'portability' }),
  // One day beyond the week: only listed while something is awaited from the subject.
  request({ reference: 'DSR-2026-0005', workingDueDate: '2026-12-11' }),
  request({
    reference: 'DSR-2026-0006',
    workingDueDate: '2026-12-28',
    status: 'identity_check',
    subjectName: 'Peter\nSmith',
    identityInfoRequestedAt: ASKED,
  }),
  // Asked and received: nothing awaited.
  request({
    reference: 'DSR-2026-0007',
    workingDueDate: '2026-12-28',
    identityInfoRequestedAt: ASKED,
    identityInfoReceivedAt: new Date('2026-11-25T09:00:00Z'),
  }),
  // Closed ones, however late, are done.
  request({ reference: 'DSR-2026-0008', workingDueDate: '2026-11-01', status: 'completed' }),
  request({ reference: 'DSR-2026-0009', workingDueDate: '2026-11-01', status: 'rejected' }),
  // Overdue and waiting: listed once, as overdue.
  request({ reference: 'DSR-2026-0010', workingDueDate: '2026-12-01', identityInfoRequestedAt: ASKED }),
];

describe('digestSections', () => {
  const sections = digestSections(requests, TODAY);
  const refs = (name: keyof typeof sections) => sections[name].map((l) => `${l.reference} ${l.daysLeft}`);

  it('lists the overdue ones by how late they are, then those due within 7 days, today included', () => {
    expect(refs('overdue')).toEqual(['DSR-2026-0001 -3', 'DSR-2026-0010 -2', 'DSR-2026-0002 -1']);
    expect(refs('dueSoon')).toEqual(['DSR-2026-0003 0', 'DSR-2026-0004 7']);
  });

  it('lists the requests waiting on the subject that are not already due, and nothing closed or far away', () => {
    expect(refs('waiting')).toEqual(['DSR-2026-0006 25']);
    const all = [...sections.overdue, ...sections.dueSoon, ...sections.waiting].map((l) => l.reference);
    expect(all).not.toContain('DSR-2026-0005');
    expect(all).not.toContain('DSR-2026-0007');
    expect(all).not.toContain('DSR-2026-0008');
    expect(all).not.toContain('DSR-2026-0009');
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('composeDigest', () => {
  const sections = digestSections(requests, TODAY);

  it('writes an Italian digest with each line, its days and its link', () => {
    const mail = composeDigest({
      sections,
      language: 'it',
      recipientName: 'Anna Verdi',
      today: TODAY,
      consoleUrl: 'https://privacy.vimage.it/',
    });
    expect(mail?.counts).toEqual({ overdue: 3, dueSoon: 2, waiting: 1 });
    expect(mail?.subject).toBe(
      "Promemoria richieste privacy del 3 dicembre 2026: 3 scadute, 2 in scadenza, 1 in attesa dell'interessato",
    );
    const text = mail?.text ?? '';
    expect(text).toContain('Buongiorno Anna Verdi,');
    expect(text).toContain('Scadute (3)');
    expect(text).toContain(
      '- DSR-2026-0001 · Cancellazione · Mario Rossi · scaduta da 3 giorni (scadenza 30 novembre 2026)\n  https://privacy.vimage.it/#/requests/id-DSR-2026-0001/show',
    );
    expect(text).toContain(
      '- DSR-2026-0002 · Accesso · Giulia Bianchi · scaduta da 1 giorno (scadenza 2 dicembre 2026)',
    );
    expect(text).toContain('In scadenza entro 7 giorni (2)');
    expect(text).toContain('- DSR-2026-0003 · Accesso · nome non indicato · scade oggi (scadenza 3 dicembre 2026)');
    expect(text).toContain('- DSR-2026-0004 · Portabilità · Giulia Bianchi · 7 giorni alla scadenza');
    expect(text).toContain("In attesa dell'interessato");
    expect(text).toContain('- DSR-2026-0006 · Accesso · Peter Smith · 25 giorni alla scadenza');
    expect(text).not.toMatch(/\b(due|days|overdue)\b/);
    // Sections in order: overdue, due soon, waiting.
    expect(text.indexOf('Scadute')).toBeLessThan(text.indexOf('In scadenza'));
    expect(text.indexOf('In scadenza')).toBeLessThan(text.indexOf("In attesa dell'interessato ("));
  });

  it('writes an English digest, and says how to find a request when the console has no public address', () => {
    const mail = composeDigest({ sections, language: 'en', recipientName: 'John Doe', today: TODAY, consoleUrl: null });
    expect(mail?.subject).toBe(
      'Privacy requests reminder for 3 December 2026: 3 overdue, 2 due soon, 1 waiting on the subject',
    );
    const text = mail?.text ?? '';
    expect(text).toContain('Good morning John Doe,');
    expect(text).toContain('- DSR-2026-0001 · Erasure · Mario Rossi · 3 days late (due 30 November 2026)');
    expect(text).toContain('- DSR-2026-0002 · Access · Giulia Bianchi · 1 day late');
    expect(text).toContain('- DSR-2026-0003 · Access · no name given · due today');
    expect(text).toContain('Waiting on the subject (identity information asked for and not yet received) (1)');
    expect(text).not.toContain('http');
    expect(text).toContain("search for its reference in the console's request list");
    expect(text).not.toMatch(/\b(scadute|giorni|interessato)\b/);
  });

  it('sends nothing when there is nothing to report', () => {
    const quiet = digestSections([request({ reference: 'DSR-2026-0005', workingDueDate: '2026-12-11' })], TODAY);
    expect(composeDigest({ sections: quiet, language: 'it', recipientName: 'A', today: TODAY, consoleUrl: null })).toBe(
      null,
    );
  });
});
