import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { monospaceFontFamily } from '../../theme';
import { formatInstant } from '../dates';
import { FoldedText } from '../FoldedText';
import { explainError } from '../rights/explainError';
import { apiError, useRefreshAfterChange } from '../rights/shared';
import type { DataSubjectRequest, Letter } from '../../api';
import { LANGUAGES_VOCABULARY } from '../vocabulary';
import { LetterStateChip } from './LetterStateChip';
import { L, LETTER_REFUSALS, letterName } from './lettersText';

/** One letter of the outbox: what, to whom, its state, tries and Message-ID; a failed one can be retried now. */
export const LetterRow = ({
  request,
  letter,
  canRetry,
}: {
  request: DataSubjectRequest;
  letter: Letter;
  canRetry: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const retry = useMutation({
    mutationFn: () => dataProvider.retryLetter(request.id, letter.id),
    onSuccess: (answer) =>
      answer.state === 'sent'
        ? notify(`${L}.sent_done`, { type: 'success', messageArgs: { to: answer.to } })
        : notify(`${L}.failed_again`, { type: 'warning', messageArgs: { error: answer.lastError ?? '—' } }),
    onError: (cause) => {
      const { message } = apiError(explainError(translate, LETTER_REFUSALS, cause));
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => refresh(),
  });
  const when =
    letter.state === 'sent'
      ? translate(`${L}.sent_on`, { date: formatInstant(letter.sentAt, locale) })
      : translate(`${L}.written_on`, { date: formatInstant(letter.createdAt, locale) });
  return (
    <Box
      data-testid="letter"
      data-state={letter.state}
      data-kind={letter.kind}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 1.5,
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {letterName(translate, letter.kind, request.type)}
        </Typography>
        <LetterStateChip state={letter.state} />
      </Box>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {translate(`${L}.to`, { to: letter.to })} · {letter.subject}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {[
          when,
          translate(`${L}.by`, { by: letter.createdBy }),
          translate(`${LANGUAGES_VOCABULARY}.${letter.language}`, { _: letter.language }),
          translate(`${L}.attempts`, { smart_count: letter.attempts }),
          letter.edited ? translate(`${L}.edited`) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      <Typography
        variant="caption"
        color="text.secondary"
        data-testid="letter-message-id"
        sx={{ fontFamily: monospaceFontFamily, overflowWrap: 'anywhere' }}
      >
        {translate(`${L}.message_id`, { id: letter.messageId })}
      </Typography>
      {letter.state === 'failed' && (
        <Alert severity="error" sx={{ py: 0 }} data-testid="letter-error">
          {translate(`${L}.not_sent`, { error: letter.lastError ?? '—' })}{' '}
          {letter.nextAttemptAt
            ? translate(`${L}.next_try`, { date: formatInstant(letter.nextAttemptAt, locale) })
            : translate(`${L}.no_more_tries`)}
        </Alert>
      )}
      <FoldedText text={letter.text} />
      {canRetry && letter.state === 'failed' && (
        <Box>
          <Button
            size="small"
            variant="contained"
            startIcon={retry.isPending ? <CircularProgress size={16} color="inherit" /> : <ReplayIcon />}
            disabled={retry.isPending}
            onClick={() => retry.mutate()}
          >
            {translate(`${L}.retry`)}
          </Button>
        </Box>
      )}
    </Box>
  );
};
