import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Button as MuiButton } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';

import { API_URL } from '../dataProvider';
import { rawMessageUrl } from './otherMailApi';
import type { OtherMail } from '../api';

/** The message exactly as it arrived (.eml), for a mail client or the Garante; the API audits each download. */
export const DownloadRawButton = () => {
  const translate = useTranslate();
  const record = useRecordContext<OtherMail>();
  const { canAccess } = useCanAccess({ resource: 'other-mail', action: 'download' });
  if (!record || !canAccess) return null;
  return (
    <MuiButton
      size="small"
      startIcon={<DownloadIcon />}
      href={rawMessageUrl(API_URL, record.mailboxMessageId)}
      download={`message-${record.mailboxMessageId}.eml`}
      title={translate('resources.other-mail.download_help')}
    >
      {translate('resources.other-mail.download')}
    </MuiButton>
  );
};
