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
  Radio,
  RadioGroup,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { ASSESSMENTS } from '../choices';
import type { Assessment, DataSubjectRequest, ObjectionDecision, ProcessingActivitySummary } from '../../api';
import { FoldedText } from '../FoldedText';
import { explainError } from './explainError';
import { DECISION_REFUSALS, O } from './objectionText';
import { R } from './rightsText';
import { Quiet, sourceName, useRefreshAfterChange } from './shared';
import { useExplainRefusal } from '../useExplainRefusal';

/** The shortest compelling grounds the API takes (MIN_GROUNDS_LENGTH, stop-rules.ts). */
const MIN_GROUNDS = 20;

/**
 * The officer's decision on an objection (Art. 21): what the person objects to (activities of the
 * register on legitimate interests, or direct marketing, which admits no assessment), the
 * assessment and the compelling grounds; then the outcome, and the statement when refused.
 */
export const ObjectionDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const explain = useExplainRefusal();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const { data, isPending, error } = useGetList<ProcessingActivitySummary>('activities', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  // Art. 21(1) covers processing on legitimate interests only: a consent-based one is a withdrawal.
  const activities = (data ?? []).filter((activity) => activity.legalBasis === 'legitimate_interests');
  const [directMarketing, setDirectMarketing] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [grounds, setGrounds] = useState('');
  const [result, setResult] = useState<ObjectionDecision | null>(null);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const complete = directMarketing
    ? true
    : selected.size > 0 && !!assessment && (assessment === 'none' || grounds.trim().length >= MIN_GROUNDS);

  const decide = useMutation({
    mutationFn: () =>
      dataProvider.decideObjection(
        request.id,
        directMarketing
          ? { directMarketing: true, activityIds: [...selected] }
          : {
              activityIds: [...selected],
              assessment: assessment!,
              ...(assessment === 'compelling_grounds' ? { grounds: grounds.trim() } : {}),
            },
      ),
    onSuccess: (answer) => {
      setResult(answer);
      notify(`${O}.done.${answer.outcome}`, { type: 'success', messageArgs: { reference: request.reference } });
    },
    onError: (cause) => {
      const { message } = explain(explainError(translate, DECISION_REFUSALS, cause));
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => refresh(),
  });

  let content;
  if (result) {
    const stopped = result.outcome === 'processing_stopped';
    content = (
      <>
        <Alert severity={stopped ? 'success' : 'info'} data-testid="objection-result">
          {stopped
            ? translate(`${O}.dialog.result_stopped`, { smart_count: result.identifiersFlagged })
            : translate(`${O}.dialog.result_refused`)}
        </Alert>
        {result.statement && <FoldedText text={result.statement} />}
      </>
    );
  } else if (isPending) {
    content = [0, 1, 2].map((i) => <Skeleton key={i} height={40} />);
  } else if (error) {
    content = <Alert severity="warning">{translate(`${R}.error`)}</Alert>;
  } else {
    content = (
      <>
        <Typography variant="body2" color="text.secondary">
          {translate(`${O}.dialog.description`)}
        </Typography>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          {translate(`${O}.dialog.what`)}
        </Typography>
        <RadioGroup
          value={directMarketing ? 'direct_marketing' : 'legitimate_interests'}
          onChange={(event) => setDirectMarketing(event.target.value === 'direct_marketing')}
        >
          <FormControlLabel
            value="legitimate_interests"
            control={<Radio size="small" />}
            label={<Typography variant="body2">{translate(`${O}.dialog.legitimate_interests`)}</Typography>}
          />
          <FormControlLabel
            value="direct_marketing"
            control={<Radio size="small" />}
            label={<Typography variant="body2">{translate(`${O}.dialog.direct_marketing`)}</Typography>}
          />
        </RadioGroup>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          {translate(directMarketing ? `${O}.dialog.activities_marketing` : `${O}.dialog.activities`)}
        </Typography>
        {activities.length === 0 ? (
          <Quiet>{translate(`${O}.dialog.no_activities`)}</Quiet>
        ) : (
          <Box data-testid="objection-activities" sx={{ display: 'flex', flexDirection: 'column' }}>
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
                    {activity.sourceSystem && (
                      <Typography variant="caption" color="text.secondary">
                        {sourceName(translate, activity.sourceSystem)}
                      </Typography>
                    )}
                  </Box>
                }
              />
            ))}
          </Box>
        )}
        {directMarketing ? (
          <Alert severity="info">{translate(`${O}.dialog.marketing_absolute`)}</Alert>
        ) : (
          <>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
              {translate(`${O}.dialog.assessment`)}
            </Typography>
            <RadioGroup value={assessment ?? ''} onChange={(event) => setAssessment(event.target.value as Assessment)}>
              {ASSESSMENTS.map((value) => (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={<Radio size="small" />}
                  label={<Typography variant="body2">{translate(`${O}.assessments.${value}`)}</Typography>}
                />
              ))}
            </RadioGroup>
            {assessment === 'compelling_grounds' && (
              <TextField
                label={translate(`${O}.dialog.grounds`)}
                helperText={translate(`${O}.dialog.grounds_help`, { count: grounds.trim().length, min: MIN_GROUNDS })}
                value={grounds}
                onChange={(event) => setGrounds(event.target.value)}
                multiline
                minRows={3}
                size="small"
                slotProps={{ htmlInput: { maxLength: 4000, name: 'grounds' } }}
              />
            )}
          </>
        )}
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="rights-dialog-title">
      <DialogTitle id="rights-dialog-title">
        {translate(`${O}.dialog.title`, { reference: request.reference })}
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
              startIcon={decide.isPending ? <CircularProgress size={16} color="inherit" /> : <GavelOutlinedIcon />}
              disabled={isPending || !!error || !complete || decide.isPending}
              onClick={() => decide.mutate()}
            >
              {translate(`${O}.dialog.confirm`)}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
