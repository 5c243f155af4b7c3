import { Chip } from '@mui/material';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';

import type { OtherMail } from '../api';

/** "Made a request" linking to it, once the officer made one of the message. */
export const MadeRequestField = (_: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<OtherMail>();
  if (!record?.requestId) return null;
  return (
    <Chip
      size="small"
      color="primary"
      variant="outlined"
      clickable
      component={Link}
      to={`/requests/${record.requestId}/show`}
      onClick={(event: React.MouseEvent) => event.stopPropagation()}
      label={translate('resources.other-mail.made_request')}
      data-testid="other-mail-made-request"
    />
  );
};
