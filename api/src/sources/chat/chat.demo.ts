import type { DemoContext } from '../../seed/demo-kit';
import { emailVariant, OBJECTIVES, SPACES } from '../../seed/demo-kit';
import type { IngestChatConversationDto } from './chat.ingestion';

const PROVIDERS = ['anthropic', 'openai', 'gemini', 'ollama'] as const;

/** A person's chat with the website's assistant, if any: some give their phone or e-mail in it. */
export function chatConversationsDemo({
  f,
  person,
  phones,
  daysAgo,
  nextId,
}: DemoContext): IngestChatConversationDto[] {
  const records: IngestChatConversationDto[] = [];
  if (f.datatype.boolean(0.4)) {
    const startedAt = daysAgo(360);
    let t = startedAt.getTime();
    const at = () => new Date((t += f.number.int({ min: 3, max: 90 }) * 1000)).toISOString();
    const space = f.helpers.arrayElement(SPACES);
    const gives = f.number.int(3); // 0: phone, 1: e-mail, 2: nothing
    const messages: IngestChatConversationDto['messages'] = [
      { role: 'user', content: `Ciao, fate anche allestimenti per ${space}?`, sentAt: at() },
      {
        role: 'assistant',
        content: `Sì! Vimage progetta allestimenti su misura per ${space}: vetrine, illuminazione, grafica e digital signage. Che obiettivo avete?`,
        sentAt: at(),
      },
      {
        role: 'user',
        content: `Vorremmo ${f.helpers.arrayElement(OBJECTIVES)}. Quanto costa più o meno?`,
        sentAt: at(),
      },
      {
        role: 'assistant',
        content:
          'Il costo dipende da superficie e materiali: di solito si parte da un sopralluogo gratuito. Vuole essere ricontattato da un consulente?',
        sentAt: at(),
      },
    ];
    if (gives === 0)
      messages.push({ role: 'user', content: `Sì, il mio numero è ${f.helpers.arrayElement(phones)}`, sentAt: at() });
    if (gives === 1)
      messages.push({
        role: 'user',
        content: `Sì, scrivetemi a ${emailVariant(f, person.email)} grazie!`,
        sentAt: at(),
      });
    messages.push({
      role: 'assistant',
      content:
        'Perfetto, un consulente la contatterà entro un giorno lavorativo. Può scriverci anche a info@vimage.it.',
      sentAt: at(),
    });
    records.push({
      externalId: nextId('chat'),
      provider: f.helpers.arrayElement(PROVIDERS),
      startedAt: startedAt.toISOString(),
      messages,
    });
  }
  return records;
}
