import { noErasure } from '../../erasure/source-erasure';

/** Planned, summarised and masked as part of their conversation (chat-conversations.erasure.ts). */
export const chatMessagesErasure = noErasure(
  'A message is erased with its conversation: a message that names the person makes the conversation theirs',
);
