import { describe, expect, it } from 'vitest';
import { categoriesReceived, receivedEmail, recipientNotice, recipientsForSubject } from './recipients';

describe('Art. 19 notices: each recipient is told of what it received', () => {
  const contactForm = {
    dataCategories: ['First name', 'E-mail', 'Message'],
    recipientCategories: { cloudflare: ['IP address', 'Browser data'] },
  };

  it('a recipient with categories recorded on the activity is told those only', () => {
    expect(categoriesReceived(contactForm, 'cloudflare')).toEqual(['IP address', 'Browser data']);
  });

  it('a recipient with none recorded (the host) is told all of the activity’s', () => {
    expect(categoriesReceived(contactForm, 'serverplan')).toEqual(['First name', 'E-mail', 'Message']);
    expect(categoriesReceived({ dataCategories: ['Message'] }, 'x')).toEqual(['Message']);
  });

  it('names the person’s e-mail only to a recipient that received it', () => {
    expect(receivedEmail(['IP address', 'Browser data'])).toBe(false);
    expect(receivedEmail(['Text messages sent by the user'])).toBe(false);
    expect(receivedEmail(['E-mail address', 'E-mail content'])).toBe(true);
    expect(receivedEmail(['First name', 'Email'])).toBe(true);
    const notice = recipientNotice('en', {
      processor: 'OpenAI, LLC',
      service: 'AI assistant',
      reference: 'DSR-1',
      change: 'erasure',
      categories: ['Text messages sent by the user'],
      date: '2026-12-01',
      subjectEmail: null,
    });
    expect(notice).toContain('on 1 December 2026 we erased the personal data of a data subject at their request');
    const italian = recipientNotice('it', {
      processor: 'Aruba S.p.A.',
      service: 'E-mail',
      reference: 'DSR-1',
      change: 'erasure',
      categories: ['Indirizzo e-mail'],
      date: '2026-12-01',
      subjectEmail: 'anna@example.it',
    });
    expect(italian).toContain(
      'in data 1 dicembre 2026 abbiamo cancellato i dati personali di un interessato (anna@example.it), su sua richiesta',
    );
  });
});

describe('Art. 19, last sentence: the list of recipients for the subject', () => {
  const anthropic = {
    name: 'Anthropic PBC',
    service: 'AI chat assistant',
    country: 'US',
    categories: ['chat messages'],
  };
  const host = { name: 'Aruba S.p.A.', service: 'hosting', country: 'IT', categories: [] };

  it('names each recipient, its service, its country in the reader’s language and what it received', () => {
    expect(recipientsForSubject('it', [anthropic, host])).toBe(
      '- Anthropic PBC, AI chat assistant (Stati Uniti; dati ricevuti: chat messages)\n- Aruba S.p.A., hosting (Italia)',
    );
    expect(recipientsForSubject('en', [anthropic])).toBe(
      '- Anthropic PBC, AI chat assistant (United States; data received: chat messages)',
    );
  });

  it('says so when no recipient received the data', () => {
    expect(recipientsForSubject('it', [])).toMatch(/^Nessun destinatario/);
    expect(recipientsForSubject('en', [])).toMatch(/^No recipient/);
  });
});
