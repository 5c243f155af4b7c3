import { describe, expect, it } from 'vitest';
import { attributeText, roleOfCompanyAddress } from './attribution';

const roles = (text: string) => attributeText(text).map((a) => [a.value, a.role]);

describe('whose identifier is it, in free text (Art. 15(4))', () => {
  it('a self cue makes an identifier the writer’s', () => {
    expect(roles('Soffro di asma e vorrei materiali anallergici. Il mio cellulare è 333 1234567')).toEqual([
      ['+393331234567', 'owner'],
    ]);
    expect(roles('la mia email è sara.gallo@example.it')).toEqual([['sara.gallo@example.it', 'owner']]);
    expect(roles('Mi chiamo Sara, richiamatemi al 347 123 4567')).toEqual([['+393471234567', 'owner']]);
    expect(roles('Hi, my e-mail is sara@example.com and my phone is 347 123 4567')).toEqual([
      ['sara@example.com', 'owner'],
      ['+393471234567', 'owner'],
    ]);
    expect(roles('I am tom@example.com')).toEqual([['tom@example.com', 'owner']]);
  });

  it('a third-party cue makes it a mention of someone else', () => {
    expect(roles('Mettete in copia il mio collega, marco.neri@example.it')).toEqual([
      ['marco.neri@example.it', 'mention'],
    ]);
    expect(roles('Il numero di mia moglie è 334 765 4321')).toEqual([['+393347654321', 'mention']]);
    expect(roles('Scrivo per conto di luca@example.it')).toEqual([['luca@example.it', 'mention']]);
    expect(roles('Please copy my colleague jane@example.com')).toEqual([['jane@example.com', 'mention']]);
    expect(roles('my wife: 347 765 4321')).toEqual([['+393477654321', 'mention']]);
    expect(roles('Il mio capo è paolo@example.it')).toEqual([['paolo@example.it', 'mention']]);
  });

  it('the nearest cue decides, each identifier in its own sentence', () => {
    expect(roles('Il mio numero è 347 123 4567, quello di mio marito è 334 765 4321.')).toEqual([
      ['+393471234567', 'owner'],
      ['+393347654321', 'mention'],
    ]);
    expect(roles('Mio marito dice che il mio numero è 347 123 4567')).toEqual([['+393471234567', 'owner']]);
    expect(roles('Sono Giulia, il numero del mio socio è 334 765 4321')).toEqual([['+393347654321', 'mention']]);
  });

  it('one identifier without a cue in a text about one person is the writer’s', () => {
    expect(roles('Potete richiamare al 0039 347 123 4567?')).toEqual([['+393471234567', 'owner']]);
    expect(roles('giulia@example.it 347 123 4567')).toEqual([
      ['giulia@example.it', 'owner'],
      ['+393471234567', 'owner'],
    ]);
  });

  it('several people’s identifiers without cues are mentions, not attributed to the writer', () => {
    expect(roles('Contatti: anna@example.it, marco@example.it')).toEqual([
      ['anna@example.it', 'mention'],
      ['marco@example.it', 'mention'],
    ]);
    expect(roles('347 123 4567 oppure 334 765 4321')).toEqual([
      ['+393471234567', 'mention'],
      ['+393347654321', 'mention'],
    ]);
    // Someone else is named in the text: an uncued identifier may be theirs.
    expect(roles('Sono con il mio collega. Scrivete a anna@example.it')).toEqual([['anna@example.it', 'mention']]);
  });

  it('answers nothing for a text without identifiers', () => {
    expect(attributeText('Quanto costa una vetrina?')).toEqual([]);
    expect(attributeText(null)).toEqual([]);
  });

  describe('a company address (CONTROLLER_DOMAINS) in a record a client wrote (Art. 15(4))', () => {
    const staff = { kind: 'email', value: 'giulia.ferri@vimage.it', role: 'owner' as const };
    it('is a mention in a lead and in a chat, whatever the text said', () => {
      expect(roleOfCompanyAddress(staff, 'leads', ['vimage.it'])).toBe('mention');
      expect(roleOfCompanyAddress(staff, 'chat-messages', ['vimage.it'])).toBe('mention');
      expect(roleOfCompanyAddress(staff, 'chat-conversations', ['vimage.it'])).toBe('mention');
    });
    it('stays the staff member’s own in a calendar, and a client’s address stays the client’s', () => {
      expect(roleOfCompanyAddress(staff, 'calendar-events', ['vimage.it'])).toBe('owner');
      expect(roleOfCompanyAddress(staff, 'calendar-connections', ['vimage.it'])).toBe('owner');
      expect(roleOfCompanyAddress({ ...staff, value: 'anna@example.it' }, 'leads', ['vimage.it'])).toBe('owner');
      // Only the domain itself: a look-alike domain is a client's.
      expect(roleOfCompanyAddress({ ...staff, value: 'anna@notvimage.it' }, 'leads', ['vimage.it'])).toBe('owner');
      expect(
        roleOfCompanyAddress({ kind: 'phone', value: '+393471234567', role: 'owner' }, 'leads', ['vimage.it']),
      ).toBe('owner');
    });
  });
});
