import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useRef, useState } from 'react';
import { Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import type { DataSubjectRequest, ErasureReport } from '../../api';
import { Quiet, parseIps, useErasureStatus, useRefreshAfterChange } from './shared';
import { T, foundThrough } from './erasureText';
import { SourcePreview } from './SourcePreview';
import { RunResult } from './RunResult';
import { useExplainRefusal } from '../useExplainRefusal';

/**
 * The preview (a dry run: audited, changes nothing) with the optional IP addresses, then the
 * run after a confirmation, then its outcome.
 */
export const ErasureDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const explain = useExplainRefusal();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const status = useErasureStatus(request);
  const [ipsText, setIpsText] = useState('');
  const [ips, setIps] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ErasureReport | null>(null);
  const firstRun = !status.data?.startedAt;

  // Not under `requests`: a refresh of the request must not preview (an audited read) again.
  const preview = useQuery({
    queryKey: ['erasure-preview', request.id, ips],
    queryFn: () => dataProvider.eraseRequestSubject(request.id, { dryRun: true, ips }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const run = useMutation({
    mutationFn: () => dataProvider.eraseRequestSubject(request.id, { dryRun: false, ips }),
    onSuccess: (report) => {
      setResult(report);
      notify(report.state === 'complete' ? `${T}.ran_complete` : `${T}.ran_incomplete`, {
        type: report.state === 'complete' ? 'success' : 'warning',
        messageArgs: { reference: request.reference },
      });
    },
    onError: (error) => {
      const { message } = explain(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => {
      setConfirming(false);
      void refresh();
    },
  });

  // A refused preview (an address that is not one) keeps the last good one on screen, to correct the field.
  const lastPreview = useRef<ErasureReport | undefined>(undefined);
  if (preview.data) lastPreview.current = preview.data;
  const report = preview.data ?? lastPreview.current;
  const dirty = parseIps(ipsText).join(',') !== ips.join(',');
  const ipsError = preview.error && ips.length ? explain(preview.error).message : null;
  const records = report?.sources.reduce((n, s) => n + s.total, 0) ?? 0;
  const sources = report?.sources.filter((s) => s.total > 0).length ?? 0;
  const recordsText = translate('app.requests.rights.records', { smart_count: records });
  const sourcesText = translate('app.requests.rights.sources_count', { smart_count: sources });

  let content;
  if (result) {
    content = <RunResult report={result} />;
  } else if (!report && preview.isPending) {
    content = [0, 1, 2].map((i) => <Skeleton key={i} height={56} />);
  } else if (!report) {
    const { message } = explain(preview.error);
    content = <Alert severity="error">{translate(message, { _: message })}</Alert>;
  } else {
    content = (
      <>
        <Typography variant="body2" color="text.secondary">
          {translate(firstRun ? `${T}.dialog.intro` : `${T}.dialog.intro_resumed`)} {foundThrough(translate, report)}
        </Typography>
        {firstRun ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              fullWidth
              label={translate('app.requests.rights.ips')}
              placeholder="203.0.113.7, 2001:db8::1"
              value={ipsText}
              onChange={(event) => setIpsText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setIps(parseIps(ipsText));
              }}
              error={!!ipsError}
              helperText={
                ipsError ?? (dirty ? translate(`${T}.dialog.update_first`) : translate('app.requests.rights.ips_help'))
              }
              slotProps={{ htmlInput: { 'data-testid': 'erasure-ips' } }}
            />
            <Button
              variant="outlined"
              onClick={() => setIps(parseIps(ipsText))}
              disabled={!dirty || preview.isFetching}
              sx={{ flexShrink: 0, mt: 0.25 }}
            >
              {translate(`${T}.dialog.update_preview`)}
            </Button>
          </Box>
        ) : (
          <Quiet>{translate(`${T}.dialog.ips_fixed`)}</Quiet>
        )}
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 700 }} data-testid="erasure-preview-total">
            {translate(`${T}.dialog.total`, { records: recordsText, sources: sourcesText })}
          </Typography>
          {preview.isFetching && <CircularProgress size={16} />}
        </Box>
        {records === 0 && firstRun && <Alert severity="info">{translate(`${T}.dialog.nothing_at_all`)}</Alert>}
        <Box data-testid="erasure-preview">
          {report.sources.map((source, index) => (
            <Fragment key={source.source}>
              {index > 0 && <Divider />}
              <SourcePreview source={source} ipsGiven={ips.length > 0} />
            </Fragment>
          ))}
        </Box>
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="erasure-dialog-title">
      <DialogTitle id="erasure-dialog-title">
        {translate(result ? `${T}.dialog.result_title` : `${T}.dialog.title`, { reference: request.reference })}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
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
              color="error"
              startIcon={run.isPending ? <CircularProgress size={16} color="inherit" /> : <DeleteSweepOutlinedIcon />}
              disabled={!report || dirty || !!ipsError || preview.isFetching || run.isPending}
              onClick={() => setConfirming(true)}
            >
              {translate(`${T}.dialog.erase_now`)}
            </Button>
          </>
        )}
      </DialogActions>
      <Confirm
        isOpen={confirming}
        loading={run.isPending}
        title={`${T}.dialog.confirm_title`}
        titleTranslateOptions={{ reference: request.reference }}
        content={`${T}.dialog.confirm_content`}
        contentTranslateOptions={{ records: recordsText, sources: sourcesText }}
        confirm={`${T}.dialog.confirm`}
        confirmColor="warning"
        ConfirmIcon={DeleteSweepOutlinedIcon}
        onConfirm={() => run.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Dialog>
  );
};
