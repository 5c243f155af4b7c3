import { describe, expect, it } from 'vitest';
import { presentBreach } from './breach.presenter';
import type { Breach } from './breach.entity';
import { renderBreachRegister } from './breach-register-page';

const breach = {
  id: '6f1c2d7e-0000-4000-8000-000000000001',
  title: '<script>alert(1)</script> Mailbox',
  description: 'Read by "someone" & more',
  startedAt: new Date('2026-10-01T08:00:00Z'),
  endedAt: null,
  ongoing: true,
  awareAt: new Date('2026-11-23T09:15:00Z'),
  nature: ['confidentiality', 'availability'],
  sources: ['leads'],
  processors: [{ processorId: 'p1', noticeAt: '2026-11-23T08:00:00.000Z', notes: null }],
  dataCategories: ['E-mail addresses'],
  subjectsApprox: 3,
  recordsApprox: null,
  consequences: null,
  measuresTaken: 'Password changed',
  measuresProposed: null,
  riskLevel: 'high',
  riskReasoning: 'Contact details with messages',
  contactName: 'Vimage Srl',
  contactDetails: 'privacy@vimage.it',
  dataFrom: null,
  dataUntil: null,
  noticeNatureIt: null,
  noticeNatureEn: null,
  noticeConsequencesIt: null,
  noticeConsequencesEn: null,
  noticeMeasuresIt: null,
  noticeMeasuresEn: null,
  status: 'open',
  notifications: [
    {
      id: 'n1',
      kind: 'initial',
      at: '2026-11-25T10:00:00.000Z',
      protocolNumber: 'GPDP-1',
      delayReasons: null,
      notes: null,
      recordedBy: 'a@b',
      recordedAt: '2026-11-25T10:00:00.000Z',
    },
  ],
  decisions: [
    {
      id: 'd1',
      kind: 'notify_authority',
      reason: null,
      decidedBy: 'Anna Conti',
      decidedAt: '2026-11-24T10:00:00.000Z',
      recordedBy: 'a@b',
    },
  ],
  createdAt: new Date('2026-11-23T10:00:00Z'),
  updatedAt: new Date('2026-11-25T10:00:00Z'),
} as unknown as Breach;

describe('renderBreachRegister', () => {
  const presented = presentBreach(breach, new Map([['p1', 'Aruba S.p.A.']]), new Date('2026-11-26T00:00:00Z'));

  it('prints each breach in Italian, escaped', () => {
    const html = renderBreachRegister([presented], 'it', new Date('2026-11-26T00:00:00Z'));
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Registro delle violazioni dei dati personali');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Mailbox');
    expect(html).not.toContain('<script>');
    expect(html).toContain('riservatezza, disponibilità');
    expect(html).toContain('rischio elevato');
    expect(html).toContain('protocollo GPDP-1');
    expect(html).toContain('Aruba S.p.A.');
    expect(html).toContain('in corso');
    expect(html).toContain('notificare al Garante');
  });

  it('prints the same in English, with its labels', () => {
    const html = renderBreachRegister([presented], 'en', new Date('2026-11-26T00:00:00Z'));
    expect(html).toContain('Register of personal data breaches');
    expect(html).toContain('confidentiality, availability');
    expect(html).toContain('high risk');
    expect(html).toContain('protocol GPDP-1');
    expect(html).not.toContain('Registro');
  });

  it('names the middle risk level by what is at risk (Art. 33(1)), never by a bare "risk"', () => {
    const middle = presentBreach({ ...breach, riskLevel: 'risk' }, new Map(), new Date('2026-11-26T00:00:00Z'));
    const it = renderBreachRegister([middle], 'it', new Date('2026-11-26T00:00:00Z'));
    expect(it).toContain('<strong>rischio per i diritti e le libertà delle persone</strong>');
    const en = renderBreachRegister([middle], 'en', new Date('2026-11-26T00:00:00Z'));
    expect(en).toContain('<strong>risk to people’s rights and freedoms</strong>');
  });

  it('says so when there is none', () => {
    expect(renderBreachRegister([], 'en')).toContain('No breach recorded.');
    expect(renderBreachRegister([], 'it')).toContain('Nessuna violazione registrata.');
  });
});
