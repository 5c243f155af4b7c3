import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Skeleton,
  Typography,
} from '@mui/material';
import BackHandOutlinedIcon from '@mui/icons-material/BackHandOutlined';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import type { DataSubjectRequest, ProcessingActivitySummary, WithdrawResult } from '../../api';
import { Quiet, consentCategory, legalBasis, sourceName, useRefreshAfterChange } from './shared';
import { R } from './rightsText';
import { EffectsTable } from './EffectsTable';
import { useExplainRefusal } from '../useExplainRefusal';

/** The activities a withdrawal stops by default (consent), or an objection (legitimate interests). */
const stoppedByDefault = (request: DataSubjectRequest, activity: ProcessingActivitySummary) =>
  activity.legalBasis === (request.type === 'objection' ? 'legitimate_interests' : 'consent');

export const WithdrawDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const explain = useExplainRefusal();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const {
    data: activities,
    isPending,
    error,
  } = useGetList<ProcessingActivitySummary>('activities', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [result, setResult] = useState<WithdrawResult | null>(null);
  const selected = chosen ?? new Set((activities ?? []).filter((a) => stoppedByDefault(request, a)).map((a) => a.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const withdraw = useMutation({
    mutationFn: () => dataProvider.withdrawForRequest(request.id, [...selected]),
    onSuccess: (answer) => {
      setResult(answer);
      notify(`${R}.withdrawal.done`, {
        type: 'success',
        messageArgs: { reference: request.reference, smart_count: answer.effects.length },
      });
    },
    onError: (cause) => {
      const { message } = explain(cause);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => refresh(),
  });
  const kind = request.type === 'objection' ? 'objection' : 'consent_withdrawal';

  let content;
  if (result) {
    content = (
      <>
        <Alert severity="success" data-testid="withdrawal-result">
          {translate(`${R}.withdrawal.dialog.result`, { consentId: result.consentId })}
        </Alert>
        <EffectsTable effects={result.effects} />
        <Quiet>{translate(`${R}.withdrawal.held_help`)}</Quiet>
      </>
    );
  } else if (isPending) {
    content = [0, 1, 2].map((i) => <Skeleton key={i} height={40} />);
  } else if (error || !activities?.length) {
    content = <Alert severity="info">{translate(error ? `${R}.error` : `${R}.withdrawal.dialog.no_activities`)}</Alert>;
  } else {
    content = (
      <>
        <Typography variant="body2" color="text.secondary">
          {translate(`${R}.withdrawal.dialog.description_${kind}`)}
        </Typography>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          {translate(`${R}.withdrawal.dialog.activities`)}
        </Typography>
        <Box data-testid="withdrawal-activities" sx={{ display: 'flex', flexDirection: 'column' }}>
          {activities.map((activity) => (
            <FormControlLabel
              key={activity.id}
              control={
                <Checkbox size="small" checked={selected.has(activity.id)} onChange={() => toggle(activity.id)} />
              }
              sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0.25 } }}
              label={
                <Box sx={{ py: 0.25 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {activity.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {[
                      legalBasis(translate, activity.legalBasis),
                      activity.consentCategory ? consentCategory(translate, activity.consentCategory) : null,
                      activity.sourceSystem ? sourceName(translate, activity.sourceSystem) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography>
                </Box>
              }
            />
          ))}
        </Box>
        {selected.size === 0 && <Alert severity="warning">{translate(`${R}.withdrawal.dialog.at_least_one`)}</Alert>}
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="rights-dialog-title">
      <DialogTitle id="rights-dialog-title">
        {translate(`${R}.withdrawal.dialog.title`, { reference: request.reference })}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {content}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {result ? (
          <Button variant="contained" onClick={onClose}>
            {translate('ra.action.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
            <Button
              variant="contained"
              startIcon={withdraw.isPending ? <CircularProgress size={16} color="inherit" /> : <BackHandOutlinedIcon />}
              disabled={!activities?.length || selected.size === 0 || withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              {translate(`${R}.withdrawal.dialog.confirm`)}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
