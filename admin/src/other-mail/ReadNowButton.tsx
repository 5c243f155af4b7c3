import RefreshIcon from '@mui/icons-material/MarkEmailReadOutlined';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { MAILBOX_STATUS_KEY } from './MailboxStatusLine';

const messageOf = (error: unknown) =>
  (error as { body?: { message?: string } })?.body?.message ?? (error as Error)?.message ?? String(error);

/** "Read now": the mailbox read at once (officers and admins), when the console reads one at all. */
export const ReadNowButton = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [reading, setReading] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'other-mail', action: 'read_mailbox' });
  const { data } = useQuery({ queryKey: MAILBOX_STATUS_KEY, queryFn: () => dataProvider.mailboxStatus() });
  if (!canAccess || !data?.configured) return null;
  const read = async () => {
    setReading(true);
    try {
      const summary = await dataProvider.readMailbox();
      if ('skipped' in summary) notify('resources.other-mail.status.skipped', { type: 'info' });
      else
        notify('resources.other-mail.status.read_done', {
          type: 'success',
          messageArgs: { requests: summary.requests, replies: summary.replies, other: summary.other },
        });
      await queryClient.invalidateQueries({ queryKey: MAILBOX_STATUS_KEY });
      refresh();
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setReading(false);
    }
  };
  return (
    <Button label="resources.other-mail.status.read_now" onClick={() => void read()} disabled={reading}>
      <RefreshIcon />
    </Button>
  );
};
