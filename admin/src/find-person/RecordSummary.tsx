import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { PROVIDERS_VOCABULARY } from '../chat-conversations/vocabulary';
import { ROLES_VOCABULARY } from '../chat-messages/vocabulary';
import { ACTIONS_VOCABULARY, consentActionColors } from '../consents/vocabulary';
import { intlLocale } from '../i18n';
import { leadFullName } from '../leads/LeadNameField';
import { monospaceFontFamily } from '../theme';
import type {
  AccessLog,
  CalendarConnection,
  CalendarEvent,
  ChatConversation,
  ChatMessage,
  ConsentRecord,
  Lead,
  SubjectMatch,
  SubjectRecordMap,
} from '../api';
import type { SubjectSource } from '../sources/catalogue';
import { Highlighted } from './highlight';

const Separator = () => (
  <Box component="span" sx={{ color: 'text.disabled', mx: 0.75 }}>
    ·
  </Box>
);

/** Secondary details (dates): quiet, and never broken across lines. */
const Quiet = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
    {children}
  </Box>
);

const Mono = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ fontFamily: monospaceFontFamily, fontSize: '0.8125rem' }}>
    {children}
  </Box>
);

/**
 * One line that names a record of a source, as the officer recognises it:
 * a lead by name, e-mail and date; a chat message by its text with the
 * matched identifier marked; and so on.
 */
export const RecordSummary = <S extends SubjectSource>({
  source,
  record,
  matches,
}: {
  source: S;
  record: SubjectRecordMap[S];
  matches: SubjectMatch[];
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
  const dateTime = (iso: string | null | undefined) => (iso ? format.format(new Date(iso)) : '—');
  const chip = (label: string, color: 'default' | 'primary' | 'success' | 'info' | 'warning' = 'default') => (
    <Chip size="small" variant="outlined" color={color} label={label} sx={{ mr: 1, height: 22 }} />
  );

  switch (source) {
    case 'leads': {
      const lead = record as Lead;
      return (
        <>
          <Box component="strong" sx={{ whiteSpace: 'nowrap' }}>
            {leadFullName(lead) || lead.email || '—'}
          </Box>
          {lead.email && leadFullName(lead) && (
            <>
              <Separator />
              {lead.email}
            </>
          )}
          <Separator />
          <Quiet>{dateTime(lead.submittedAt)}</Quiet>
        </>
      );
    }
    case 'chat-messages': {
      const message = record as ChatMessage;
      return (
        <>
          {chip(
            translate(`${ROLES_VOCABULARY}.${message.role}`, { _: message.role }),
            message.role === 'user' ? 'primary' : 'default',
          )}
          <Box component="span" sx={{ fontStyle: 'italic' }}>
            “<Highlighted text={message.content} matches={matches} />”
          </Box>
          <Separator />
          <Quiet>{dateTime(message.sentAt)}</Quiet>
        </>
      );
    }
    case 'chat-conversations': {
      const conversation = record as ChatConversation;
      return (
        <>
          {chip(translate(`${PROVIDERS_VOCABULARY}.${conversation.provider}`, { _: conversation.provider }), 'primary')}
          {translate('app.find_person.summary.started', { date: dateTime(conversation.startedAt) })}
        </>
      );
    }
    case 'calendar-connections': {
      const connection = record as CalendarConnection;
      return (
        <>
          <strong>{connection.accountEmail}</strong>
          <Separator />
          <Quiet>{translate('app.find_person.summary.connected', { date: dateTime(connection.connectedAt) })}</Quiet>
          {connection.revokedAt && (
            <>
              <Separator />
              <Quiet>{translate('resources.calendar-connections.status.revoked')}</Quiet>
            </>
          )}
        </>
      );
    }
    case 'calendar-events': {
      const event = record as CalendarEvent;
      return (
        <>
          <strong>
            <Highlighted text={event.title} matches={matches} maxLength={120} />
          </strong>
          <Separator />
          <Quiet>{dateTime(event.startsAt)}</Quiet>
        </>
      );
    }
    case 'consents': {
      const consent = record as ConsentRecord;
      return (
        <>
          {chip(
            translate(`${ACTIONS_VOCABULARY}.${consent.action}`, { _: consent.action }),
            (consentActionColors[consent.action] ?? 'default') as 'success' | 'info' | 'warning',
          )}
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            {dateTime(consent.recordedAt)}
          </Box>
          <Separator />
          <Mono>{consent.consentId}</Mono>
        </>
      );
    }
    case 'access-logs': {
      const log = record as AccessLog;
      return (
        <>
          <Quiet>{dateTime(log.at)}</Quiet>
          <Separator />
          <Mono>
            {log.method} {log.path}
          </Mono>
          <Separator />
          <Mono>{log.status}</Mono>
        </>
      );
    }
    default:
      return (
        <Typography component="span" variant="body2">
          #{(record as { id: string }).id}
        </Typography>
      );
  }
};
