import { Alert, Avatar, Box, Chip, Divider, Skeleton, Typography } from '@mui/material';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import SmartToyOutlinedIcon from '@mui/icons-material/SmartToyOutlined';
import { Fragment } from 'react';
import { LinkBase, useCreatePath, useListContext, useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { ChatMessage } from '../api';

/**
 * The messages of a conversation as a chat transcript: the visitor on the
 * right, the assistant on the left, a date line whenever the day changes.
 * Each time links to the message's own page.
 */
export const Transcript = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { data, isPending, error } = useListContext<ChatMessage>();

  if (isPending) {
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        {[0, 1, 2].map((i) => (
          <Skeleton
            key={i}
            variant="rounded"
            height={56}
            width="55%"
            sx={{ alignSelf: i % 2 ? 'flex-start' : 'flex-end' }}
          />
        ))}
      </Box>
    );
  }
  if (error) return <Alert severity="warning">{translate('resources.chat-conversations.transcript_error')}</Alert>;
  if (!data || data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.chat-conversations.no_messages')}
      </Typography>
    );
  }

  const dayFormat = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full' });
  const timeFormat = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' });
  let previousDay = '';

  return (
    <Box data-testid="chat-transcript" sx={{ display: 'flex', flexDirection: 'column', gap: 1.75, maxWidth: 880 }}>
      {data.map((message) => {
        const sent = new Date(message.sentAt);
        const day = dayFormat.format(sent);
        const newDay = day !== previousDay;
        previousDay = day;
        const isVisitor = message.role === 'user';
        return (
          <Fragment key={message.id}>
            {newDay && (
              <Divider>
                <Chip size="small" variant="outlined" label={day} />
              </Divider>
            )}
            <Box
              sx={{
                display: 'flex',
                flexDirection: isVisitor ? 'row-reverse' : 'row',
                alignItems: 'flex-end',
                gap: 1,
              }}
            >
              <Avatar
                sx={{
                  width: 30,
                  height: 30,
                  bgcolor: isVisitor ? 'primary.main' : '#e4e9ee',
                  color: isVisitor ? 'primary.contrastText' : 'text.secondary',
                }}
              >
                {isVisitor ? <PersonOutlineIcon fontSize="small" /> : <SmartToyOutlinedIcon fontSize="small" />}
              </Avatar>
              <Box
                sx={{
                  maxWidth: '78%',
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: isVisitor ? 'flex-end' : 'flex-start',
                }}
              >
                <Typography variant="caption" color="text.secondary" sx={{ mb: 0.25, px: 0.5 }}>
                  {translate(`resources.chat-messages.roles.${message.role}`, { _: message.role })}
                  {' · '}
                  <Box
                    component={LinkBase}
                    to={createPath({ resource: 'chat-messages', type: 'show', id: message.id })}
                    sx={{ color: 'inherit' }}
                  >
                    {timeFormat.format(sent)}
                  </Box>
                </Typography>
                <Box
                  sx={{
                    px: 1.75,
                    py: 1.1,
                    borderRadius: 2.5,
                    [isVisitor ? 'borderBottomRightRadius' : 'borderBottomLeftRadius']: 4,
                    bgcolor: isVisitor ? '#dcebf0' : '#f1f3f5',
                    border: 1,
                    borderColor: isVisitor ? '#c3dbe3' : 'divider',
                    typography: 'body2',
                    whiteSpace: 'pre-wrap',
                    wordBreak: 'break-word',
                  }}
                >
                  {message.content}
                </Box>
              </Box>
            </Box>
          </Fragment>
        );
      })}
    </Box>
  );
};
