import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocale, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { intlLocale } from '../i18n';

export const MAILBOX_STATUS_KEY = ['mailbox', 'status'];

/** One line: whether the console reads privacy@, where, and what its last reading did. */
export const MailboxStatusLine = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({ queryKey: MAILBOX_STATUS_KEY, queryFn: () => dataProvider.mailboxStatus() });
  if (!data) return null;
  let text: string;
  if (!data.configured) text = translate('resources.other-mail.status.not_configured');
  else if (!data.lastRead)
    text = translate('resources.other-mail.status.never_read', { host: data.host, folder: data.folder });
  else
    text = translate('resources.other-mail.status.last_read', {
      host: data.host,
      folder: data.folder,
      when: new Date(data.lastRead.finishedAt).toLocaleString(intlLocale(locale), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Rome',
      }),
      requests: data.lastRead.requests,
      replies: data.lastRead.replies,
      other: data.lastRead.other,
    });
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      data-testid="mailbox-status"
      sx={{ mr: 'auto', alignSelf: 'center' }}
    >
      {text}
    </Typography>
  );
};
