import { describe, expect, it } from 'vitest';
import {
  calendarEventIdentifiers,
  chatConversationIdentifiers,
  chatMessageIdentifiers,
  consentIdentifiers,
  leadIdentifiers,
} from './record-identifiers';

describe('record identifiers', () => {
  it('indexes a lead by e-mail, phone, name and what its message mentions', () => {
    expect(
      leadIdentifiers({
        firstName: 'Nicolò',
        lastName: "D'Amico",
        email: ' Nicolo.Damico@Example.IT',
        phone: '347 123 4567',
        message: 'Potete richiamarmi al +39 041 5701234 o scrivere a ufficio@damico.it?',
      }),
    ).toEqual([
      { kind: 'email', value: 'nicolo.damico@example.it', field: 'email', role: 'owner' },
      { kind: 'phone', value: '+393471234567', field: 'phone', role: 'owner' },
      { kind: 'name', value: 'nicolo d amico', field: 'name', role: 'owner' },
      { kind: 'email', value: 'ufficio@damico.it', field: 'message', role: 'owner' },
      { kind: 'phone', value: '+390415701234', field: 'message', role: 'owner' },
    ]);
  });

  it('indexes what the visitor wrote in the chat, not the assistant', () => {
    expect(chatMessageIdentifiers({ role: 'user', content: 'Il mio numero è 347 123 4567' })).toEqual([
      { kind: 'phone', value: '+393471234567', field: 'content', role: 'owner' },
    ]);
    expect(chatMessageIdentifiers({ role: 'assistant', content: 'Scrivici a info@vimage.it' })).toEqual([]);
  });

  it('indexes attendees and the description of an event, once each', () => {
    expect(
      calendarEventIdentifiers({
        title: 'Sopralluogo',
        description: 'Referente: anna.verdi@example.it, tel. 3479876543',
        attendees: [
          { email: 'Anna.Verdi@example.it', name: 'Anna Verdi' },
          { email: null, name: null },
        ],
      }),
    ).toEqual([
      { kind: 'email', value: 'anna.verdi@example.it', field: 'attendees', role: 'owner' },
      { kind: 'name', value: 'anna verdi', field: 'attendees', role: 'owner' },
      { kind: 'email', value: 'anna.verdi@example.it', field: 'description', role: 'mention' },
      { kind: 'phone', value: '+393479876543', field: 'description', role: 'mention' },
    ]);
  });

  it('indexes a consent by its browser id and e-mail', () => {
    expect(consentIdentifiers({ consentId: ' abc-123 ', email: null })).toEqual([
      { kind: 'consent_id', value: 'abc-123', field: 'consentId', role: 'owner' },
    ]);
  });

  it('a lead whose message names a colleague: the colleague is a mention, the lead fields the owner', () => {
    expect(
      leadIdentifiers({
        email: 'anna@example.it',
        phone: '347 123 4567',
        message: 'Scrivete anche al mio collega marco.neri@example.it',
      }),
    ).toEqual([
      { kind: 'email', value: 'anna@example.it', field: 'email', role: 'owner' },
      { kind: 'phone', value: '+393471234567', field: 'phone', role: 'owner' },
      { kind: 'email', value: 'marco.neri@example.it', field: 'message', role: 'mention' },
    ]);
  });

  it("a chat's visitor identity is the conversation's owner", () => {
    expect(chatConversationIdentifiers({ visitorEmail: ' Sara@Example.it ', visitorName: 'Sara Gallo' })).toEqual([
      { kind: 'email', value: 'sara@example.it', field: 'visitorEmail', role: 'owner' },
      { kind: 'name', value: 'sara gallo', field: 'visitorName', role: 'owner' },
    ]);
    expect(chatConversationIdentifiers({})).toEqual([]);
  });
});
