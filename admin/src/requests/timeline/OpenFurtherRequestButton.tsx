import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Confirm, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import type { DataSubjectRequest, RequestType } from '../../api';
import { TYPES_VOCABULARY } from '../vocabulary';

const R = 'app.requests.timeline.reading';

const messageOf = (error: unknown) =>
  (error as { body?: { message?: string } })?.body?.message ?? (error as Error)?.message ?? String(error);

/**
 * "Open a request for erasure": a further right the letter asked becomes a request of its own,
 * for the same person, channel and receipt (its deadline runs from the letter's receipt), made
 * through `POST /api/requests` and audited as any creation; its description names the letter's request.
 */
export const OpenFurtherRequestButton = ({ request, type }: { request: DataSubjectRequest; type: RequestType }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [making, setMaking] = useState(false);
  const right = translate(`${TYPES_VOCABULARY}.${type}`).toLocaleLowerCase(locale);
  const make = async () => {
    setMaking(true);
    try {
      const { data } = await dataProvider.create<DataSubjectRequest>('requests', {
        data: {
          type,
          channel: request.channel,
          language: request.language,
          receivedAt: request.receivedAt,
          ...(request.subjectName ? { subjectName: request.subjectName } : {}),
          ...(request.subjectEmail ? { subjectEmail: request.subjectEmail } : {}),
          ...(request.subjectPhone ? { subjectPhone: request.subjectPhone } : {}),
          description: translate(`${R}.open_description`, {
            reference: request.reference,
            date: formatInstant(request.receivedAt, locale) ?? request.receivedAt,
          }),
        },
      });
      notify(`${R}.opened_done`, { type: 'success', messageArgs: { reference: data.reference, right } });
      void navigate(`/requests/${data.id}/show`);
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
      setMaking(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<NoteAddOutlinedIcon />} onClick={() => setOpen(true)}>
        {translate(`${R}.open_for`, { right })}
      </Button>
      <Confirm
        isOpen={open}
        loading={making}
        title={translate(`${R}.open_title`, { right })}
        content={translate(`${R}.open_content`, {
          right,
          reference: request.reference,
          subject: request.subjectName ?? request.subjectEmail ?? request.subjectPhone ?? '—',
        })}
        confirm={translate(`${R}.open_for`, { right })}
        onConfirm={() => void make()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
