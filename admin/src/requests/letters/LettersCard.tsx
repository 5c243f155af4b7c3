import { Alert, Skeleton } from '@mui/material';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { ActionButton } from '../rights/ActionButton';
import { Folded, Quiet, RightsCard } from '../rights/shared';
import type { DataSubjectRequest } from '../../api';
import { LetterDialog } from './LetterDialog';
import { LetterRow } from './LetterRow';
import { L, letterCalledFor, letterName } from './lettersText';

/**
 * The letters of the request (docs/letters.md): the outbox with each letter's state, the letter
 * the request's state calls for, and sending. Unlike the changes to the person's data, letters are
 * not tied to an open, verified request: the acknowledgement and the request for identification
 * go before the identity is verified, the completion and the refusal once the request is closed.
 * So every member of staff may write one whatever the state; every role sees the outbox.
 */
export const LettersCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  // Reading the letters is audited: once per page view and after a change, not on focus.
  const {
    data: letters,
    isPending,
    error,
  } = useQuery({
    queryKey: ['requests', request.id, 'letters'],
    queryFn: () => dataProvider.requestLetters(request.id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [writing, setWriting] = useState(false);
  const due = letters ? letterCalledFor(request, letters) : null;

  let body;
  if (isPending) body = <Skeleton height={48} />;
  else if (error) body = <Alert severity="warning">{translate('app.requests.rights.error')}</Alert>;
  else
    body = (
      <>
        <Quiet testId="letter-due">
          {due
            ? translate(`${L}.due`, { letter: letterName(translate, due, request.type) })
            : translate(`${L}.none_due`)}
        </Quiet>
        {letters.length === 0 ? (
          <Quiet testId="letters-none">{translate(`${L}.none`)}</Quiet>
        ) : (
          <Folded
            items={letters}
            first={3}
            render={(letter) => <LetterRow key={letter.id} request={request} letter={letter} canRetry={canAct} />}
          />
        )}
      </>
    );

  return (
    <RightsCard
      testId="letters-card"
      icon={<MailOutlineIcon color="primary" />}
      title={translate(`${L}.title`)}
      subtitle={translate(`${L}.subtitle`)}
    >
      {body}
      {canAct && letters && (
        <ActionButton
          icon={<SendOutlinedIcon />}
          label={due ? `${L}.preview_due` : `${L}.write`}
          variant={due ? 'contained' : 'outlined'}
          onClick={() => setWriting(true)}
        />
      )}
      {writing && (
        <LetterDialog request={request} initialKind={due ?? 'acknowledgement'} onClose={() => setWriting(false)} />
      )}
    </RightsCard>
  );
};
