import { describe, expect, it } from 'vitest';
import { calendarEventIdentifiers, chatMessageIdentifiers, consentIdentifiers, leadIdentifiers } from './record-identifiers';

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
      { kind: 'email', value: 'nicolo.damico@example.it', field: 'email' },
      { kind: 'phone', value: '+393471234567', field: 'phone' },
      { kind: 'name', value: 'nicolo d amico', field: 'name' },
      { kind: 'email', value: 'ufficio@damico.it', field: 'message' },
      { kind: 'phone', value: '+390415701234', field: 'message' },
    ]);
  });

  it('indexes what the visitor wrote in the chat, not the assistant', () => {
    expect(chatMessageIdentifiers({ role: 'user', content: 'Il mio numero è 347 123 4567' })).toEqual([
      { kind: 'phone', value: '+393471234567', field: 'content' },
    ]);
    expect(chatMessageIdentifiers({ role: 'assistant', content: 'Scrivici a info@vimage.it' })).toEqual([]);
  });

  it('indexes attendees and the description of an event, once each', () => {
    expect(
      calendarEventIdentifiers({
        title: 'Sopralluogo',
        description: 'Referente: anna.verdi@example.it, tel. 3479876543',
        attendees: [{ email: 'Anna.Verdi@example.it', name: 'Anna Verdi' }, { email: null, name: null }],
      }),
    ).toEqual([
      { kind: 'email', value: 'anna.verdi@example.it', field: 'attendees' },
      { kind: 'name', value: 'anna verdi', field: 'attendees' },
      { kind: 'email', value: 'anna.verdi@example.it', field: 'description' },
      { kind: 'phone', value: '+393479876543', field: 'description' },
    ]);
  });

  it('indexes a consent by its browser id and e-mail', () => {
    expect(consentIdentifiers({ consentId: ' abc-123 ', email: null })).toEqual([{ kind: 'consent_id', value: 'abc-123', field: 'consentId' }]);
  });
});
