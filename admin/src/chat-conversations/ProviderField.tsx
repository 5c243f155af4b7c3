import type { FieldProps } from 'react-admin';

import { VocabularyChipField } from '../common/VocabularyChipField';
import type { ChatConversation } from '../api';
import { PROVIDERS_VOCABULARY, providerColors } from './vocabulary';

/** The AI provider that answered the chat, as a chip. */
export const ProviderField = ({ source = 'provider' }: Partial<FieldProps<ChatConversation>>) => (
  <VocabularyChipField source={source} vocabulary={PROVIDERS_VOCABULARY} colors={providerColors} />
);
