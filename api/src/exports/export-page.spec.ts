import { describe, expect, it } from 'vitest';
import { cellWords, columnWords, FilePage, type PageFile } from './export-page';

const CHAT: PageFile = {
  label: { en: 'Conversations with the AI assistant', it: "Conversazioni con l'assistente AI" },
  glossary: { role: { en: 'Who wrote the message', it: 'Chi ha scritto il messaggio' } },
  codes: {
    provider: { openai: { en: 'OpenAI', it: 'OpenAI' } },
    role: { user: { en: 'You', it: 'Lei' }, assistant: { en: 'AI assistant', it: 'Assistente AI' } },
  },
  conversation: { by: ['conversationStartedAt', 'provider'], who: 'role', self: 'user', text: 'content', at: 'sentAt' },
};

/** What `rows` writes, as one string. */
const rowsText = (page: FilePage, rows: Parameters<FilePage['rows']>[0]) => {
  let text = '';
  page.rows(rows, (html) => (text += html));
  return text;
};

const CONSENTS: PageFile = {
  label: { en: 'Cookie choices', it: 'Scelte sui cookie' },
  glossary: { 'category_*': { en: 'Your choice for', it: 'La sua scelta per' } },
  codes: { 'category_*': { ai_chatbot: { en: 'the AI chatbot', it: 'il chatbot AI' } } },
};

describe('the readable copy of the data (README.html)', () => {
  it('gives codes, booleans and instants their words in the reader’s language', () => {
    expect(cellWords(CHAT, 'provider', 'openai', 'it')).toBe('OpenAI');
    expect(cellWords(CHAT, 'role', 'user', 'it')).toBe('Lei');
    expect(cellWords(CHAT, 'role', 'assistant', 'en')).toBe('AI assistant');
    expect(cellWords(CONSENTS, 'category_ai_chatbot', true, 'it')).toBe('sì');
    expect(cellWords(CONSENTS, 'category_ai_chatbot', false, 'en')).toBe('no');
    expect(cellWords(CHAT, 'sentAt', '2026-11-05T18:00:05.000Z', 'it')).toBe('5 nov 2026, 19:00:05');
    expect(cellWords(CHAT, 'sentAt', null, 'en')).toBe('—');
    expect(cellWords(CHAT, 'content', ['a', 'b'], 'en')).toBe('a, b');
  });

  it('leaves as written what only looks like an instant or a code, so that no text stops the package', () => {
    expect(cellWords(CHAT, 'content', '2026-13-01T00:00:00Z', 'it')).toBe('2026-13-01T00:00:00Z');
    expect(cellWords(CHAT, 'content', '2026-02-30T99:00:00Z', 'en')).toBe('2026-02-30T99:00:00Z');
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(cellWords(CHAT, 'role', name, 'en')).toBe(name);
  });

  it('heads columns with the glossary’s words, a `prefix_*` column with its code’s', () => {
    expect(columnWords(CHAT, 'role', 'it')).toBe('Chi ha scritto il messaggio');
    expect(columnWords(CONSENTS, 'category_ai_chatbot', 'it')).toBe('La sua scelta per il chatbot AI');
    expect(columnWords(CHAT, 'unknownColumn', 'en')).toBe('unknownColumn');
  });

  it('shows a chat as conversations, each headed by its start and provider, the person’s messages marked', () => {
    const page = new FilePage(CHAT, 'en');
    const row = (started: string, role: string, content: string) => ({
      conversationStartedAt: started,
      provider: 'openai',
      role,
      content,
      sentAt: '2026-11-05T18:00:05.000Z',
    });
    const html =
      page.begin() +
      rowsText(page, [
        row('2026-11-05T18:00:00.000Z', 'user', 'Hello <b>'),
        row('2026-11-05T18:00:00.000Z', 'assistant', 'Hi'),
      ]) +
      rowsText(page, [row('2026-11-06T09:00:00.000Z', 'user', 'Again')]) +
      page.end();
    expect(html.match(/<div class="conversation">/g)).toHaveLength(2);
    expect(html).toContain('replies by OpenAI');
    expect(html).toContain('<div class="msg own"><b>You · 5 Nov 2026, 19:00:05</b>Hello &lt;b&gt;</div>');
    expect(html).toContain('<div class="msg"><b>AI assistant ·');
    expect(html.endsWith('</div></section>\n')).toBe(true);
  });

  it('shows a message as it was written, even one that reads as an instant or a code', () => {
    const page = new FilePage(CHAT, 'it');
    const row = (content: string) => ({
      conversationStartedAt: '2026-11-05T18:00:00.000Z',
      provider: 'openai',
      role: 'user',
      content,
      sentAt: '2026-11-05T18:00:05.000Z',
    });
    const html = rowsText(page, [row('2026-01-01T00:00:00Z'), row('assistant'), row('2026-13-01T00:00:00Z')]);
    expect(html).toContain('</b>2026-01-01T00:00:00Z</div>');
    expect(html).toContain('</b>assistant</div>');
    expect(html).toContain('</b>2026-13-01T00:00:00Z</div>');
    expect(html).toContain('<b>Lei · 5 nov 2026, 19:00:05</b>');
  });

  it('shows any other source as one table, its header once', () => {
    const page = new FilePage(CONSENTS, 'it');
    const html =
      page.begin() +
      rowsText(page, [{ category_ai_chatbot: true }]) +
      rowsText(page, [{ category_ai_chatbot: false }]) +
      page.end();
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html).toContain('<th>La sua scelta per il chatbot AI</th>');
    expect(html).toContain('<td>sì</td>');
    expect(html).toContain('<td>no</td>');
  });
});
