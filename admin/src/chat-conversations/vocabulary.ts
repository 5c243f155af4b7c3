import type { ChipColor } from '../common/VocabularyChipField';
import { CHAT_PROVIDERS } from '../choices';

export const PROVIDERS_VOCABULARY = 'resources.chat-conversations.providers';

export const providerChoices = CHAT_PROVIDERS.map((provider) => ({
  id: provider,
  name: `${PROVIDERS_VOCABULARY}.${provider}`,
}));

/** Cloud providers in one colour, the self-hosted model in another. */
export const providerColors: Record<string, ChipColor> = {
  anthropic: 'primary',
  openai: 'primary',
  gemini: 'primary',
  ollama: 'secondary',
};
