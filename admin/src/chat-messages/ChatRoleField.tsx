import type { FieldProps } from 'react-admin';

import { VocabularyChipField } from '../common/VocabularyChipField';
import type { ChatMessage } from '../api';
import { ROLES_VOCABULARY, chatRoleColors } from './vocabulary';

/** Who wrote the message: the visitor or the assistant. */
export const ChatRoleField = ({ source = 'role' }: Partial<FieldProps<ChatMessage>>) => (
  <VocabularyChipField source={source} vocabulary={ROLES_VOCABULARY} colors={chatRoleColors} />
);
