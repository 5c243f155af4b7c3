import { Alert, Box, Button, Chip, Collapse, Divider, Typography } from '@mui/material';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ForwardToInboxOutlinedIcon from '@mui/icons-material/ForwardToInboxOutlined';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { intlLocale } from '../../i18n';
import type { DataSubjectRequest, Recipient, RequestType } from '../types';
import { RightsCard } from './shared';

const T = 'app.requests.rights.recipients';

/** The request types whose changes are told to the recipients (erasure, rectification, restriction). */
const NOTIFYING: RequestType[] = ['erasure', 'rectification', 'restriction', 'objection'];

const CHANGE_COLORS = { erasure: 'error', rectification: 'info', restriction: 'warning' } as const;

const countryName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const RecipientRow = ({ recipient }: { recipient: Recipient }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const copy = () =>
    navigator.clipboard
      .writeText(recipient.notice)
      .then(() => notify(`${T}.copied`, { type: 'info', messageArgs: { name: recipient.name } }))
      .catch(() => notify(`${T}.copy_failed`, { type: 'warning' }));
  const facts = [
    recipient.service,
    countryName(recipient.country, locale),
    translate(`${T}.transfers.${recipient.transferMechanism}`, { _: recipient.transferMechanism }),
  ];
  return (
    <Box data-testid="recipient" data-name={recipient.name} sx={{ py: 1.25 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="h3">
          {recipient.name}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={CHANGE_COLORS[recipient.change] ?? 'default'}
          label={translate(`${T}.changes.${recipient.change}`, { _: recipient.change })}
          sx={{ height: 20, fontSize: '0.75rem' }}
        />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {facts.join(' · ')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        <Box component="span" sx={{ fontWeight: 600 }}>
          {translate(`${T}.activities`)}:
        </Box>{' '}
        {recipient.activities.join(', ')}
        {recipient.categories.length > 0 && (
          <>
            {' · '}
            <Box component="span" sx={{ fontWeight: 600 }}>
              {translate(`${T}.categories`)}:
            </Box>{' '}
            {recipient.categories.join(', ')}
          </>
        )}
        {recipient.contact && (
          <>
            {' · '}
            <Box component="span" sx={{ fontWeight: 600 }}>
              {translate(`${T}.contact`)}:
            </Box>{' '}
            {recipient.contact}
          </>
        )}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 0.5, ml: -0.75 }}>
        <Button
          size="small"
          startIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          {translate(open ? `${T}.hide_notice` : `${T}.show_notice`)}
        </Button>
        <Button size="small" startIcon={<ContentCopyOutlinedIcon />} onClick={() => void copy()}>
          {translate(`${T}.copy`)}
        </Button>
      </Box>
      <Collapse in={open} unmountOnExit>
        <Box
          data-testid="recipient-notice"
          sx={{
            mt: 0.5,
            px: 1.5,
            py: 1,
            bgcolor: '#f8fafb',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            typography: 'body2',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          {recipient.notice}
        </Box>
      </Collapse>
    </Box>
  );
};

/**
 * GDPR Art. 19: the processors that receive what this request erased, rectified or restricted,
 * each with its country and transfer safeguard and a notice in the request's language to copy.
 * Shown once something changed.
 */
export const RecipientsCard = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const enabled = NOTIFYING.includes(request.type);
  const { data } = useQuery({
    queryKey: ['requests', request.id, 'recipients'],
    queryFn: () => dataProvider.requestRecipients(request.id),
    enabled,
  });
  if (!enabled || !data || data.sources.length === 0) return null;
  return (
    <RightsCard
      testId="recipients-card"
      icon={<ForwardToInboxOutlinedIcon color="primary" />}
      title={translate(`${T}.title`)}
      subtitle={translate(`${T}.subtitle`)}
    >
      {data.recipients.length === 0 ? (
        <Alert severity="info">{translate(`${T}.none`)}</Alert>
      ) : (
        <Box>
          {data.recipients.map((recipient, index) => (
            <Fragment key={recipient.processorId}>
              {index > 0 && <Divider />}
              <RecipientRow recipient={recipient} />
            </Fragment>
          ))}
        </Box>
      )}
    </RightsCard>
  );
};
