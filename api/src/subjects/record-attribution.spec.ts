import { describe, expect, it } from 'vitest';
import { attributeRecords, type Unit, type UnitIdentifier } from './record-attribution';

const owner = (kind: UnitIdentifier['kind'], value: string) => ({ kind, value, role: 'owner' as const });
const mention = (kind: UnitIdentifier['kind'], value: string) => ({ kind, value, role: 'mention' as const });
const unit = (key: string, identifiers: Unit['identifiers'], multiPerson = false): Unit => ({
  key,
  identifiers,
  multiPerson,
});
const relations = (r: ReturnType<typeof attributeRecords>) => Object.fromEntries(r.relation);

describe('whose record is it (Art. 15(4))', () => {
  it('the visitor’s chat is hers; the colleague it names is only mentioned', () => {
    const chat = unit('chat-conversations:1', [owner('phone', '+393331234567'), mention('email', 'marco@example.it')]);
    const his = attributeRecords({ emails: ['marco@example.it'], phones: [] }, [chat]);
    expect(relations(his)).toEqual({ 'chat-conversations:1': 'mention' });
    expect(his.phones).toEqual([]);
    const hers = attributeRecords({ emails: ['sara@example.it'], phones: ['+393331234567'] }, [chat]);
    expect(relations(hers)).toEqual({ 'chat-conversations:1': 'own' });
  });

  it('two people sharing one phone: neither gets the other’s lead, the phone is shared', () => {
    const a = unit('leads:a', [owner('email', 'anna@example.it'), owner('phone', '+390415701234')]);
    const b = unit('leads:b', [owner('email', 'bruno@example.it'), owner('phone', '+390415701234')]);
    const r = attributeRecords({ emails: ['anna@example.it'], phones: [] }, [a, b]);
    expect(relations(r)).toEqual({ 'leads:a': 'own', 'leads:b': 'shared' });
    expect(r.phones).toEqual([]);
    expect(r.shared).toEqual([{ kind: 'phone', value: '+390415701234' }]);
    // Known by the phone alone: two people answer to it, neither record is handed over.
    expect(relations(attributeRecords({ emails: [], phones: ['+390415701234'] }, [a, b]))).toEqual({
      'leads:a': 'shared',
      'leads:b': 'shared',
    });
  });

  it('a phone the person’s lead gives finds the chat where she gave only that phone', () => {
    const lead = unit('leads:a', [owner('email', 'anna@example.it'), owner('phone', '+393471234567')]);
    const chat = unit('chat-conversations:1', [owner('phone', '+393471234567')]);
    const r = attributeRecords({ emails: ['anna@example.it'], phones: [] }, [lead, chat]);
    expect(relations(r)).toEqual({ 'leads:a': 'own', 'chat-conversations:1': 'own' });
    expect(r.phones).toEqual(['+393471234567']);
  });

  it('a chat whose visitor is someone else is not hers, even if it holds her phone as the writer’s', () => {
    const chat = unit('chat-conversations:1', [owner('email', 'other@example.it'), owner('phone', '+393471234567')]);
    expect(relations(attributeRecords({ emails: ['anna@example.it'], phones: ['+393471234567'] }, [chat]))).toEqual({
      'chat-conversations:1': 'shared',
    });
  });

  it('an event with several attendees is shared; its other attendees never become the person’s', () => {
    const event = unit(
      'calendar-events:1',
      [owner('email', 'anna@example.it'), owner('email', 'bruno@example.it')],
      true,
    );
    const r = attributeRecords({ emails: ['anna@example.it'], phones: [] }, [event]);
    expect(relations(r)).toEqual({ 'calendar-events:1': 'shared' });
    expect(r.emails).toEqual(['anna@example.it']);
    expect(r.shared).toEqual([]);
    const alone = unit('calendar-events:2', [owner('email', 'anna@example.it')], true);
    expect(relations(attributeRecords({ emails: ['anna@example.it'], phones: [] }, [alone]))).toEqual({
      'calendar-events:2': 'own',
    });
  });

  it('a one-person record found by e-mail: its other owner address is the person’s', () => {
    const lead = unit('leads:a', [owner('email', 'anna@example.it'), owner('email', 'anna.work@example.it')]);
    const consent = unit('consents:1', [owner('email', 'anna.work@example.it'), owner('consent_id', 'c-1')]);
    const r = attributeRecords({ emails: ['anna@example.it'], phones: [] }, [lead, consent]);
    expect(relations(r)).toEqual({ 'leads:a': 'own', 'consents:1': 'own' });
  });
});
