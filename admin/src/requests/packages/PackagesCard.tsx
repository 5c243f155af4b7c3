import { Alert, Box, Button, Chip, Skeleton, Typography } from '@mui/material';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import PublishOutlinedIcon from '@mui/icons-material/PublishOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import { ActionButton } from '../rights/ActionButton';
import { FormDialog } from '../rights/FormDialog';
import { Quiet, RightsCard } from '../rights/shared';
import { useSubmit } from '../rights/useSubmit';
import type { DataSubjectRequest } from '../../api';
import { LANGUAGES_VOCABULARY } from '../vocabulary';
import { packagesApi, type Publication } from './packagesApi';

export const P = 'app.requests.packages';

const STATE_COLORS: Record<Publication['state'], 'success' | 'default' | 'warning'> = {
  open: 'success',
  expired: 'default',
  withdrawn: 'warning',
};

const sizeOf = (bytes: number, locale: string) =>
  bytes < 1024 * 1024
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/**
 * The data package published to the subject on the privacy portal (docs/portal.md): publishing
 * it (an e-mail with a personal link that expires), each publication's expiry, downloads and
 * deleted file, and its withdrawal. Shown on access and portability requests.
 */
export const PackagesCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Reading the publications is audited: once per page view and after a change.
  const { data, isPending, error } = useQuery({
    queryKey: ['requests', request.id, 'portal-packages'],
    queryFn: () => packagesApi.list(request.id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    enabled: request.type === 'access' || request.type === 'portability',
  });
  const [publishing, setPublishing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Publication | null>(null);
  if (request.type !== 'access' && request.type !== 'portability') return null;
  const kind = request.type;
  const open = data?.packages.find((p) => p.state === 'open');

  let body;
  if (isPending) body = <Skeleton height={48} />;
  else if (error) body = <Alert severity="warning">{translate('app.requests.rights.error')}</Alert>;
  else
    body = data.packages.length ? (
      data.packages.map((p) => (
        <PublicationRow key={p.id} publication={p} locale={locale} canAct={canAct} onWithdraw={setWithdrawing} />
      ))
    ) : (
      <Quiet testId="packages-none">{translate(`${P}.none`)}</Quiet>
    );

  return (
    <RightsCard
      testId="packages-card"
      icon={<CloudUploadOutlinedIcon color="primary" />}
      title={translate(`${P}.title`)}
      subtitle={translate(`${P}.subtitle`)}
    >
      {body}
      {canAct && data && !open && !request.identityVerifiedAt && (
        <Quiet testId="packages-verify-first">{translate(`${P}.verify_first`)}</Quiet>
      )}
      {canAct && data && !open && request.identityVerifiedAt && (
        <ActionButton
          icon={<PublishOutlinedIcon />}
          label={translate(`${P}.publish`, { kind: translate(`${P}.kinds.${kind}`) })}
          onClick={() => setPublishing(true)}
        />
      )}
      {publishing && data && (
        <PublishDialog request={request} kind={kind} days={data.days} onClose={() => setPublishing(false)} />
      )}
      {withdrawing && (
        <WithdrawDialog request={request} publication={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
    </RightsCard>
  );
};

const PublicationRow = ({
  publication: p,
  locale,
  canAct,
  onWithdraw,
}: {
  publication: Publication;
  locale: string;
  canAct: boolean;
  onWithdraw: (p: Publication) => void;
}) => {
  const translate = useTranslate();
  const at = (iso: string | null) => formatInstant(iso, locale);
  return (
    <Box
      data-testid="package"
      data-state={p.state}
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
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
          {p.fileName}
        </Typography>
        <Chip
          size="small"
          color={STATE_COLORS[p.state]}
          variant={p.state === 'expired' ? 'outlined' : 'filled'}
          label={translate(`${P}.states.${p.state}`)}
          sx={{ height: 22, fontWeight: 600 }}
        />
      </Box>
      <Typography variant="body2">
        {translate(`${P}.published`, { email: p.email, date: at(p.publishedAt), by: p.publishedBy ?? '—' })}
      </Typography>
      <Typography variant="body2">
        {translate(
          p.state === 'open' ? `${P}.expires` : p.state === 'withdrawn' ? `${P}.would_expire` : `${P}.expired_on`,
          { date: at(p.expiresAt) },
        )}
        {p.letter ? ` · ${translate(`${P}.letter.${p.letter.state}`)}` : ''}
      </Typography>
      {p.withdrawnAt && (
        <Typography variant="body2">
          {translate(`${P}.withdrawn`, { date: at(p.withdrawnAt), by: p.withdrawnBy ?? '—' })}
        </Typography>
      )}
      {p.fileDeletedAt && (
        <Typography variant="body2">{translate(`${P}.file_deleted`, { date: at(p.fileDeletedAt) })}</Typography>
      )}
      <Typography variant="body2" component="div" data-testid="package-downloads">
        {p.downloads.length ? (
          <>
            {translate(`${P}.downloads`, { smart_count: p.downloads.filter((d) => d.complete).length })}
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {p.downloads.map((d) => (
                <li key={d.at}>
                  {translate(d.complete ? `${P}.download_line` : `${P}.download_cut`, {
                    date: at(d.at),
                    size: sizeOf(d.size, locale),
                  })}
                </li>
              ))}
            </Box>
          </>
        ) : (
          translate(`${P}.no_downloads`)
        )}
      </Typography>
      {canAct && p.state === 'open' && (
        <Box>
          <Button size="small" color="warning" startIcon={<LinkOffIcon />} onClick={() => onWithdraw(p)}>
            {translate(`${P}.withdraw`)}
          </Button>
        </Box>
      )}
    </Box>
  );
};

const PublishDialog = ({
  request,
  kind,
  days,
  onClose,
}: {
  request: DataSubjectRequest;
  kind: Publication['kind'];
  days: number;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const until = formatInstant(new Date(Date.now() + days * 24 * 3600_000).toISOString(), locale);
  const submit = useSubmit(
    () => packagesApi.publish(request.id, kind),
    (published) => {
      notify(`${P}.published_done`, { type: 'success', messageArgs: { email: published.email } });
      onClose();
    },
  );
  return (
    <FormDialog
      title={translate(`${P}.publish_dialog.title`, { kind: translate(`${P}.kinds.${kind}`) })}
      description={translate(`${P}.publish_dialog.description`, {
        email: request.subjectEmail ?? '—',
        // Inside a sentence an Italian language name is written in lower case ("in inglese").
        language: locale.startsWith('it')
          ? translate(`${LANGUAGES_VOCABULARY}.${request.language}`).toLocaleLowerCase('it')
          : translate(`${LANGUAGES_VOCABULARY}.${request.language}`),
        smart_count: days,
        until,
      })}
      confirm={`${P}.publish_dialog.confirm`}
      icon={<PublishOutlinedIcon />}
      onSubmit={submit}
      onClose={onClose}
    >
      {null}
    </FormDialog>
  );
};

const WithdrawDialog = ({
  request,
  publication,
  onClose,
}: {
  request: DataSubjectRequest;
  publication: Publication;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submit = useSubmit(
    () => packagesApi.withdraw(request.id, publication.id),
    () => {
      notify(`${P}.withdrawn_done`, { type: 'success', messageArgs: { file: publication.fileName } });
      onClose();
    },
  );
  return (
    <FormDialog
      title={translate(`${P}.withdraw_dialog.title`)}
      description={translate(`${P}.withdraw_dialog.description`, {
        file: publication.fileName,
        email: publication.email,
      })}
      confirm={`${P}.withdraw_dialog.confirm`}
      icon={<LinkOffIcon />}
      onSubmit={submit}
      onClose={onClose}
    >
      {null}
    </FormDialog>
  );
};
