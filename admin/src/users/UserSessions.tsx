import LogoutIcon from '@mui/icons-material/Logout';
import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { SectionTitle } from '../common/SectionTitle';
import { API_URL, httpClient } from '../dataProvider';
import { intlLocale } from '../i18n';
import type { User, UserSession } from '../api';

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Rome',
};

/**
 * The user's open sessions (`GET /api/users/:id/sessions`: when, from where, with which
 * browser; never a token), each with a button that ends it (`DELETE …/sessions/:sessionId`,
 * audited). The admin's own current session is marked and has no button.
 */
export const UserSessions = () => {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [locale] = useLocaleState();
  const [target, setTarget] = useState<UserSession | null>(null);
  const queryKey = ['users', user?.id, 'sessions'];

  const sessions = useQuery({
    queryKey,
    enabled: Boolean(user?.id),
    queryFn: () => httpClient(`${API_URL}/users/${user!.id}/sessions`).then(({ json }) => json as UserSession[]),
  });
  const revoke = useMutation({
    mutationFn: (session: UserSession) =>
      httpClient(`${API_URL}/users/${user!.id}/sessions/${session.id}`, { method: 'DELETE' }).then(
        ({ json }) => json as UserSession,
      ),
    onSuccess: () => {
      setTarget(null);
      notify('app.users.sessions.revoked_notice', { type: 'info' });
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error: unknown) => {
      setTarget(null);
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  if (!user) return null;
  const format = (value: string | null) =>
    value ? new Intl.DateTimeFormat(intlLocale(locale), dateTimeOptions).format(new Date(value)) : '—';

  return (
    <Box sx={{ mt: 3 }} data-testid="user-sessions">
      <SectionTitle label="app.users.sessions.title" />
      {sessions.isPending ? (
        <Typography variant="body2" color="text.secondary">
          {translate('ra.page.loading')}
        </Typography>
      ) : sessions.isError ? (
        <Alert severity="error">{translate('app.users.sessions.error')}</Alert>
      ) : sessions.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.users.sessions.empty')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.users.sessions.created')}</TableCell>
              <TableCell>{translate('app.users.sessions.last_used')}</TableCell>
              <TableCell>{translate('app.users.sessions.expires')}</TableCell>
              <TableCell>{translate('app.users.sessions.address')}</TableCell>
              <TableCell>{translate('app.users.sessions.browser')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.data.map((session) => (
              <TableRow key={session.id}>
                <TableCell>{format(session.createdAt)}</TableCell>
                <TableCell>{format(session.lastUsedAt)}</TableCell>
                <TableCell>{format(session.expiresAt)}</TableCell>
                <TableCell>{session.ip ?? translate('app.users.sessions.unknown')}</TableCell>
                {/* The browser's own words, as it sent them: no code to translate (data-verbatim). */}
                <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }} data-verbatim>
                  {session.userAgent ?? translate('app.users.sessions.unknown')}
                </TableCell>
                <TableCell align="right">
                  {session.current ? (
                    <Chip size="small" label={translate('app.users.sessions.current')} />
                  ) : (
                    <Button label="app.users.sessions.revoke" color="error" onClick={() => setTarget(session)}>
                      <LogoutIcon />
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Confirm
        isOpen={target !== null}
        loading={revoke.isPending}
        title="app.users.sessions.revoke_title"
        titleTranslateOptions={{ name: user.fullName || user.email }}
        content="app.users.sessions.revoke_content"
        confirm="app.users.sessions.revoke"
        confirmColor="warning"
        ConfirmIcon={LogoutIcon}
        onConfirm={() => target && revoke.mutate(target)}
        onClose={() => setTarget(null)}
      />
    </Box>
  );
};
