import { Alert, Box, Button, Chip, Collapse, Divider, Typography } from '@mui/material';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ForwardToInboxOutlinedIcon from '@mui/icons-material/ForwardToInboxOutlined';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { intlLocale } from '../../i18n';
import { formatInstant } from '../dates';
import { LetterDialog } from '../letters/LetterDialog';
import { LetterStateChip } from '../letters/LetterStateChip';
import type { DataSubjectRequest, Letter, LetterBody, LetterKind, Recipient, RequestType } from '../../api';
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

/** The request's latest letter of a kind (to one recipient): what the officer last sent, or tried to. */
const latest = (letters: Letter[] | undefined, kind: LetterKind, processorId?: string) =>
  letters?.find((l) => l.kind === kind && (processorId === undefined || l.processorId === processorId)) ?? null;

/** Where a letter stands: its state, to whom, when (the outbox, in the Letters card, has the rest and the retry). */
const LetterLine = ({ letter }: { letter: Letter }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }} data-testid="notice-letter">
      <LetterStateChip state={letter.state} />
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {translate(`${T}.letter_state`, {
          state: translate(`app.requests.letters.states.${letter.state}`),
          to: letter.to,
          date: formatInstant(letter.sentAt ?? letter.createdAt, locale) ?? '—',
        })}
      </Typography>
    </Box>
  );
};

const RecipientRow = ({
  recipient,
  letter,
  onSend,
}: {
  recipient: Recipient;
  letter: Letter | null;
  onSend: (() => void) | null;
}) => {
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
      {letter ? (
        <LetterLine letter={letter} />
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} data-testid="notice-not-sent">
          {translate(recipient.contact ? `${T}.not_sent` : `${T}.no_address`)}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, mt: 0.5, ml: -0.75, flexWrap: 'wrap' }}>
        {onSend && (
          <Button size="small" startIcon={<SendOutlinedIcon />} onClick={onSend} data-testid="send-notice">
            {translate(letter ? `${T}.send_again` : `${T}.send_notice`)}
          </Button>
        )}
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
 * each with its country and transfer safeguard and a notice in the request's language, sent as a
 * letter (previewed, editable, on the timeline, retried from the Letters card) or copied; and the
 * list of them for the subject, in their language (Art. 19, last sentence). Shown once something
 * changed.
 */
export const RecipientsCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const enabled = NOTIFYING.includes(request.type);
  const { data } = useQuery({
    queryKey: ['requests', request.id, 'recipients'],
    queryFn: () => dataProvider.requestRecipients(request.id),
    enabled,
  });
  // The Letters card's own query (one audited read per page view).
  const { data: letters } = useQuery({
    queryKey: ['requests', request.id, 'letters'],
    queryFn: () => dataProvider.requestLetters(request.id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    enabled,
  });
  const [writing, setWriting] = useState<{ kind: LetterBody['kind']; processorId?: string } | null>(null);
  if (!enabled || !data || data.sources.length === 0) return null;
  const list = latest(letters, 'recipients_list');
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
              <RecipientRow
                recipient={recipient}
                letter={latest(letters, 'recipient_notice', recipient.processorId)}
                onSend={
                  canAct && recipient.contact
                    ? () => setWriting({ kind: 'recipient_notice', processorId: recipient.processorId })
                    : null
                }
              />
            </Fragment>
          ))}
        </Box>
      )}
      <Divider sx={{ my: 1 }} />
      <Typography variant="body2" color="text.secondary">
        {translate(`${T}.send_list_help`)}
      </Typography>
      {list && <LetterLine letter={list} />}
      {canAct && (
        <Box sx={{ mt: 1 }}>
          <Button
            size="small"
            variant="outlined"
            startIcon={<SendOutlinedIcon />}
            onClick={() => setWriting({ kind: 'recipients_list' })}
            data-testid="send-recipients-list"
          >
            {translate(`${T}.send_list`)}
          </Button>
        </Box>
      )}
      {writing && (
        <LetterDialog
          request={request}
          initialKind={writing.kind}
          kinds={[writing.kind]}
          processorId={writing.processorId}
          onClose={() => setWriting(null)}
        />
      )}
    </RightsCard>
  );
};
