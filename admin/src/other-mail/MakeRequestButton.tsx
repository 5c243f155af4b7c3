import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import type { OtherMail } from '../api';

const messageOf = (error: unknown) =>
  (error as { body?: { message?: string } })?.body?.message ?? (error as Error)?.message ?? String(error);

/**
 * "Make it a request" (officers and admins): the officer judged the message a request after all.
 * Its deadline runs from the message's receipt, so the confirmation says so; then the new request opens.
 */
export const MakeRequestButton = () => {
  const record = useRecordContext<OtherMail>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [making, setMaking] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'other-mail', action: 'make_request' });
  if (!record || record.requestId || !canAccess) return null;
  const make = async () => {
    setMaking(true);
    try {
      const request = await dataProvider.makeRequestOfOtherMail(record.id);
      notify('resources.other-mail.made', { type: 'success' });
      void navigate(`/requests/${request.id}/show`);
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
      setMaking(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="resources.other-mail.make_request" onClick={() => setOpen(true)} variant="contained">
        <NoteAddOutlinedIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={making}
        title="resources.other-mail.make_request_title"
        content="resources.other-mail.make_request_content"
        confirm="resources.other-mail.make_request"
        onConfirm={() => void make()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
