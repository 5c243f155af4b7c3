import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../subjects/identifiers';
import type { IngestChatConversationDto } from '../sources/chat/chat.ingestion';
import type { IngestConsentDto } from '../sources/consents/consents.ingestion';
import type { IngestLeadDto } from '../sources/leads/leads.ingestion';
import { SOURCES } from '../sources/source-registry';
import { demoRecords, generateDemoData, phoneWritings } from './demo-data';

describe('demo data', () => {
  it('is the same for the same seed, and different for another', () => {
    expect(generateDemoData(30, 7)).toEqual(generateDemoData(30, 7));
    expect(generateDemoData(30, 8).leads[0]).not.toEqual(generateDemoData(30, 7).leads[0]);
  });

  it('writes one mobile number in ways that all normalise to it', () => {
    const writings = phoneWritings('3471234567');
    expect(new Set(writings).size).toBe(writings.length);
    for (const w of writings) expect(normalisePhone(w)).toBe('+393471234567');
  });

  it('spreads people over every source with varied writings', () => {
    const data = generateDemoData(300);
    // Every source with demo data of its own has some; the others say why not.
    for (const source of SOURCES)
      if ('of' in source.demo) expect(data[source.resource].length, source.resource).toBeGreaterThan(0);
      else expect(source.demo.none.length, source.resource).toBeGreaterThan(10);
    const leads = demoRecords<IngestLeadDto>(data, 'leads');
    expect(leads.some((l) => l.email !== l.email.toLowerCase())).toBe(true);
    expect(leads.some((l) => l.phone?.startsWith('0039'))).toBe(true);
    expect(
      demoRecords<IngestChatConversationDto>(data, 'chat-conversations').some((c) =>
        c.messages?.some((m) => m.role === 'user' && /\d{3}.?\d{3}.?\d{4}/.test(m.content)),
      ),
    ).toBe(true);
    expect(demoRecords<IngestConsentDto>(data, 'consents').some((c) => c.action === 'withdraw')).toBe(true);
  });
});
