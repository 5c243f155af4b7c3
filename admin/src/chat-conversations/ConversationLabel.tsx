import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { ChatConversation } from '../api';
import { PROVIDERS_VOCABULARY } from './vocabulary';

/** "Anthropic · 5 Nov 2026, 19:00": how a conversation is named where it is referenced. */
export const useConversationLabel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  });
  return (conversation: Pick<ChatConversation, 'provider' | 'startedAt'>) =>
    translate('resources.chat-conversations.label', {
      provider: translate(`${PROVIDERS_VOCABULARY}.${conversation.provider}`, { _: conversation.provider }),
      date: format.format(new Date(conversation.startedAt)),
    });
};

export const ConversationLabel = () => {
  const record = useRecordContext<ChatConversation>();
  const label = useConversationLabel();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {label(record)}
    </Typography>
  );
};

/** The show page's title: "Chat of 5 Nov 2026, 19:00". */
export const ConversationTitle = () => {
  const record = useRecordContext<ChatConversation>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const date = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(record.startedAt));
  return <>{translate('resources.chat-conversations.title', { date })}</>;
};
