import SyncOutlinedIcon from '@mui/icons-material/SyncOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';

const messageOf = (error: unknown) =>
  (error as { body?: { message?: string } })?.body?.message ?? (error as Error)?.message ?? String(error);

/** Admins only: every record indexed again under the current rules of whose each identifier is. */
export const ReindexButton = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  // The API lets admins only: the same rule as the users' page.
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  if (!canAccess) return null;
  const run = async () => {
    setRunning(true);
    try {
      await dataProvider.reindexSubjects();
      notify('app.find_person.reindexed', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['subjects', 'search'] });
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setRunning(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="app.find_person.reindex" onClick={() => setOpen(true)} data-testid="find-person-reindex">
        <SyncOutlinedIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={running}
        title="app.find_person.reindex_title"
        content="app.find_person.reindex_content"
        confirm="app.find_person.reindex"
        onConfirm={() => void run()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
