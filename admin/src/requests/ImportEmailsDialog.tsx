import {
  Alert,
  Box,
  Button as MuiButton,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import MarkEmailUnreadOutlinedIcon from '@mui/icons-material/MarkEmailUnreadOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { Button, LinkBase, useCanAccess, useCreatePath, useDataProvider, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { monospaceFontFamily } from '../theme';
import { RequestTypeChip } from './RequestTypeField';
import type { DataSubjectRequest } from '../api';

type Upload =
  | { file: string; state: 'pending' }
  | { file: string; state: 'created'; request: DataSubjectRequest }
  /** The same e-mail was imported before: nothing was created, this is the request it made. */
  | { file: string; state: 'duplicate'; request: DataSubjectRequest }
  | { file: string; state: 'failed'; error: string };

const messageOf = (error: unknown): string | null =>
  error && typeof error === 'object' && 'message' in error && typeof (error as Error).message === 'string'
    ? (error as Error).message
    : null;

/**
 * Upload of messages saved from the privacy@ mailbox (.eml): each file is sent
 * as it is (`POST /api/intake/email`, message/rfc822) and becomes a request
 * with a guessed type; the list says which reference each file became, which
 * were imported before (the same e-mail makes one request: the API answers the
 * first one), or why it was refused.
 */
export const ImportEmailsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = uploads.some((u) => u.state === 'pending');

  const upload = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    const start = uploads.length;
    setUploads((previous) => [...previous, ...files.map((file) => ({ file: file.name, state: 'pending' as const }))]);
    // One at a time: references are numbered in the order the files were picked.
    for (const [offset, file] of files.entries()) {
      let result: Upload;
      try {
        const { duplicate, ...request } = await dataProvider.importEmail(file);
        result = {
          file: file.name,
          state: duplicate ? 'duplicate' : 'created',
          request,
        };
      } catch (error) {
        result = {
          file: file.name,
          state: 'failed',
          error: messageOf(error) ?? translate('app.requests.import.failed'),
        };
      }
      setUploads((previous) => previous.map((u, i) => (i === start + offset ? result : u)));
    }
    await queryClient.invalidateQueries({ queryKey: ['requests'] });
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    void upload(files);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload(Array.from(event.dataTransfer.files));
  };
  const close = () => {
    if (busy) return;
    setUploads([]);
    onClose();
  };

  const created = uploads.filter((u) => u.state === 'created').length;
  const failed = uploads.filter((u) => u.state === 'failed').length;
  const duplicates = uploads.filter((u) => u.state === 'duplicate').length;
  const summary = [
    created > 0 || (failed === 0 && duplicates === 0)
      ? translate('app.requests.import.created_count', { smart_count: created })
      : null,
    duplicates > 0 ? translate('app.requests.import.duplicate_count', { smart_count: duplicates }) : null,
    failed > 0 ? translate('app.requests.import.failed_count', { smart_count: failed }) : null,
  ].filter(Boolean);

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="import-emails-title">
      <DialogTitle id="import-emails-title">{translate('app.requests.import.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.requests.import.intro')}
        </Typography>
        <Box
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: dragging ? 'primary.main' : 'divider',
            bgcolor: dragging ? 'rgba(31, 95, 116, 0.06)' : '#f8fafb',
            borderRadius: 2,
            p: 3,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: 1.5,
            textAlign: 'center',
          }}
        >
          <MarkEmailUnreadOutlinedIcon color="primary" sx={{ fontSize: 40 }} />
          <Typography variant="body2" color="text.secondary">
            {translate('app.requests.import.drop_here')}
          </Typography>
          <MuiButton
            variant="contained"
            startIcon={<UploadFileOutlinedIcon />}
            onClick={() => input.current?.click()}
            disabled={busy}
          >
            {translate('app.requests.import.choose')}
          </MuiButton>
          <input
            ref={input}
            type="file"
            name="eml"
            accept=".eml,message/rfc822"
            multiple
            hidden
            onChange={onPick}
            data-testid="import-emails-input"
          />
        </Box>
        {uploads.length > 0 && (
          <Box>
            {!busy && (
              <Alert
                severity={
                  failed === 0
                    ? duplicates === 0
                      ? 'success'
                      : 'info'
                    : created + duplicates === 0
                      ? 'error'
                      : 'warning'
                }
                sx={{ mb: 1 }}
                data-testid="import-summary"
              >
                {summary.join(' · ')}
              </Alert>
            )}
            <List dense disablePadding data-testid="import-results">
              {uploads.map((u, index) => (
                <ListItem key={`${index}-${u.file}`} disableGutters sx={{ alignItems: 'flex-start' }}>
                  <ListItemIcon sx={{ minWidth: 36, mt: 0.75 }}>
                    {u.state === 'pending' ? (
                      <CircularProgress size={18} />
                    ) : u.state === 'created' ? (
                      <CheckCircleOutlineIcon color="success" />
                    ) : u.state === 'duplicate' ? (
                      <ContentCopyOutlinedIcon color="info" />
                    ) : (
                      <ErrorOutlineIcon color="error" />
                    )}
                  </ListItemIcon>
                  <ListItemText
                    primary={u.file}
                    slotProps={{
                      primary: {
                        sx: { fontFamily: monospaceFontFamily, fontSize: '0.8125rem', overflowWrap: 'anywhere' },
                      },
                      secondary: { component: 'div' },
                    }}
                    secondary={
                      u.state === 'pending' ? (
                        translate('app.requests.import.uploading')
                      ) : u.state === 'failed' ? (
                        <Typography variant="body2" color="error">
                          {u.error}
                        </Typography>
                      ) : (
                        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                          {u.state === 'duplicate' && (
                            <Typography
                              variant="body2"
                              color="info.main"
                              component="span"
                              data-testid="import-duplicate"
                            >
                              {translate('app.requests.import.duplicate', { reference: u.request.reference })}
                            </Typography>
                          )}
                          <MuiButton
                            component={LinkBase}
                            to={createPath({ resource: 'requests', type: 'show', id: u.request.id })}
                            size="small"
                            variant="outlined"
                            sx={{ fontFamily: monospaceFontFamily, py: 0 }}
                            onClick={close}
                          >
                            {u.request.reference}
                          </MuiButton>
                          <RequestTypeChip type={u.request.type} guessed={u.request.typeGuessed} />
                          <Typography variant="body2" color="text.secondary" component="span">
                            {u.request.subjectName ?? u.request.subjectEmail}
                          </Typography>
                        </Box>
                      )
                    }
                  />
                </ListItem>
              ))}
            </List>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={close} disabled={busy}>
          {translate('ra.action.close')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

/** "Import e-mails", in the list's toolbar, for those who may create requests. */
export const ImportEmailsButton = () => {
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'requests', action: 'create' });
  if (!canAccess) return null;
  return (
    <>
      <Button label="app.requests.import.button" onClick={() => setOpen(true)}>
        <UploadFileOutlinedIcon />
      </Button>
      <ImportEmailsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};
