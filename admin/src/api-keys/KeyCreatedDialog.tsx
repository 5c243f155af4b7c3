import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Tooltip,
  Typography,
} from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import VpnKeyOutlinedIcon from '@mui/icons-material/VpnKeyOutlined';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';

import { monospaceFontFamily } from '../theme';
import type { CreatedApiKey } from '../api';

/** Copies with the Clipboard API, or (plain HTTP on a LAN address) by selecting the text. */
const copyText = async (text: string, element: HTMLElement | null): Promise<boolean> => {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  if (!element) return false;
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
};

/**
 * The one time the clear key is shown: after `POST /api/api-keys`. Only a
 * hash is stored, so closing this dialog loses it for good; the dialog can
 * only be closed with its button.
 */
export const KeyCreatedDialog = ({ apiKey, onClose }: { apiKey: CreatedApiKey; onClose: () => void }) => {
  const translate = useTranslate();
  const keyRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => setCopied(await copyText(apiKey.key, keyRef.current));

  return (
    <Dialog
      open
      maxWidth="sm"
      fullWidth
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick') onClose();
      }}
      aria-labelledby="api-key-created-title"
    >
      <DialogTitle id="api-key-created-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <VpnKeyOutlinedIcon color="primary" />
        {translate('app.api_keys.created.title')}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Alert severity="warning" variant="outlined">
          <strong>{translate('app.api_keys.created.warning_title')}</strong> {translate('app.api_keys.created.warning')}
        </Alert>
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.75 }}>
            {translate('app.api_keys.created.key_for', { name: apiKey.name })}
          </Typography>
          <Box
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1,
              pl: 1.5,
              pr: 0.5,
              py: 0.5,
              bgcolor: '#f6f8fa',
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
            }}
          >
            <Box
              component="code"
              ref={keyRef}
              data-testid="api-key-clear"
              sx={{
                flex: 1,
                fontFamily: monospaceFontFamily,
                fontSize: '0.875rem',
                wordBreak: 'break-all',
                userSelect: 'all',
              }}
            >
              {apiKey.key}
            </Box>
            <Tooltip title={translate(copied ? 'app.api_keys.created.copied' : 'app.api_keys.created.copy')}>
              <IconButton
                onClick={() => void copy()}
                color={copied ? 'success' : 'primary'}
                aria-label={translate('app.api_keys.created.copy')}
              >
                {copied ? <CheckIcon /> : <ContentCopyIcon />}
              </IconButton>
            </Tooltip>
          </Box>
          {copied !== null && (
            <Typography
              variant="caption"
              role="status"
              color={copied ? 'success.main' : 'error'}
              sx={{ display: 'block', mt: 0.5 }}
            >
              {translate(copied ? 'app.api_keys.created.copied' : 'app.api_keys.created.copy_failed')}
            </Typography>
          )}
        </Box>
        <Typography variant="body2" color="text.secondary">
          {translate('app.api_keys.created.usage')}
        </Typography>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={onClose}>
          {translate('app.api_keys.created.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
