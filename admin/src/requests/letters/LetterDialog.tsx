import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { explainError } from '../rights/explainError';
import { apiError, useRefreshAfterChange } from '../rights/shared';
import type { DataSubjectRequest, LetterBody } from '../../api';

/** The letters the officer sends from the dialog (the package's link goes by itself). */
type SentKind = LetterBody['kind'];
import { L, LETTER_REFUSALS, OFFERED_KINDS, letterName, missingFacts } from './lettersText';

/** Why a letter cannot be written or sent: the facts to record first, else the refusal in the officer's language. */
const Problem = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const missing = missingFacts(translate, error);
  return (
    <Alert severity="warning" data-testid="letter-problem">
      {missing.length ? (
        <>
          {translate(`${L}.errors.missing`)}
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {missing.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </Box>
        </>
      ) : (
        apiError(explainError(translate, LETTER_REFUSALS, error)).message
      )}
    </Alert>
  );
};

/**
 * A letter to the subject: the kind (the one the request's state calls for first), the letter as
 * the API writes it in the request's language, the officer's changes to its subject and text, send.
 * The Art. 19 letters open it from the recipients' card with their one kind (`kinds`) and, for a
 * notice, the recipient (`processorId`).
 */
export const LetterDialog = ({
  request,
  initialKind,
  onClose,
  kinds = OFFERED_KINDS,
  processorId,
}: {
  request: DataSubjectRequest;
  initialKind: SentKind;
  onClose: () => void;
  kinds?: readonly SentKind[];
  processorId?: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const [kind, setKind] = useState<SentKind>(initialKind);
  // The officer's changes; undefined: the template's words as the preview gives them.
  const [subject, setSubject] = useState<string | undefined>(undefined);
  const [text, setText] = useState<string | undefined>(undefined);
  const preview = useQuery({
    queryKey: ['requests', request.id, 'letters', 'preview', kind, processorId],
    queryFn: () => dataProvider.previewLetter(request.id, { kind, ...(processorId ? { processorId } : {}) }),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const choose = (next: SentKind) => {
    setKind(next);
    setSubject(undefined);
    setText(undefined);
  };
  const send = useMutation({
    mutationFn: () =>
      dataProvider.sendLetter(request.id, {
        kind,
        ...(processorId ? { processorId } : {}),
        ...(subject !== undefined && subject !== preview.data?.subject ? { subject } : {}),
        ...(text !== undefined && text !== preview.data?.text ? { text } : {}),
      }),
    onSuccess: (letter) => {
      if (letter.state === 'sent') notify(`${L}.sent_done`, { type: 'success', messageArgs: { to: letter.to } });
      else notify(`${L}.failed_first`, { type: 'warning', messageArgs: { error: letter.lastError ?? '—' } });
      onClose();
    },
    onError: (cause) => {
      const missing = missingFacts(translate, cause);
      const message = missing.length
        ? [translate(`${L}.errors.missing`), ...missing].join(' ')
        : apiError(explainError(translate, LETTER_REFUSALS, cause)).message;
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => refresh(),
  });

  let content;
  if (preview.isPending) content = [0, 1, 2, 3].map((i) => <Skeleton key={i} height={40} />);
  else if (preview.error) content = <Problem error={preview.error} />;
  else {
    const letter = preview.data;
    content = (
      <>
        <Typography variant="body2" color="text.secondary" data-testid="letter-recipient">
          {letter.to
            ? translate(`${L}.dialog.to`, {
                to: letter.to,
                language: translate(`${L}.languages.${letter.language}`, { _: letter.language }),
              })
            : translate(`${L}.errors.no_address`)}
        </Typography>
        <TextField
          label={translate(`${L}.dialog.subject`)}
          value={subject ?? letter.subject}
          onChange={(event) => setSubject(event.target.value)}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': 'letter-subject', maxLength: 300 } }}
        />
        <TextField
          label={translate(`${L}.dialog.text`)}
          value={text ?? letter.text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={10}
          maxRows={18}
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': 'letter-text' } }}
        />
        <Typography variant="caption" color="text.secondary">
          {translate(`${L}.dialog.edit_help`, { version: letter.templateVersion })}
        </Typography>
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="letter-dialog-title">
      <DialogTitle id="letter-dialog-title">
        {translate(`${L}.dialog.title`, { reference: request.reference })}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="letter-dialog">
        <TextField
          select
          label={translate(`${L}.dialog.kind`)}
          value={kind}
          onChange={(event) => choose(event.target.value as SentKind)}
          size="small"
          sx={{ mt: 0.5, maxWidth: 420 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'letter-kind' } as object } }}
        >
          {kinds.map((value) => (
            <MenuItem key={value} value={value}>
              {letterName(translate, value, request.type)}
            </MenuItem>
          ))}
        </TextField>
        {content}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          startIcon={send.isPending ? <CircularProgress size={16} color="inherit" /> : <SendOutlinedIcon />}
          disabled={!preview.data?.to || send.isPending}
          onClick={() => send.mutate()}
        >
          {translate(`${L}.dialog.send`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
