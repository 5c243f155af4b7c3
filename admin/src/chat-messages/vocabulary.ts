import type { ChipColor } from '../common/VocabularyChipField';
import { CHAT_ROLES } from '../choices';

export const ROLES_VOCABULARY = 'resources.chat-messages.roles';

export const chatRoleChoices = CHAT_ROLES.map((role) => ({ id: role, name: `${ROLES_VOCABULARY}.${role}` }));

export const chatRoleColors: Record<string, ChipColor> = { user: 'primary', assistant: 'default' };
