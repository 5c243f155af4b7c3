import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  CardHeader,
  Divider,
  Grid,
  Typography,
} from '@mui/material';
import ArchiveOutlinedIcon from '@mui/icons-material/ArchiveOutlined';
import AssignmentOutlinedIcon from '@mui/icons-material/AssignmentOutlined';
import CheckIcon from '@mui/icons-material/Check';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import type { ReactNode } from 'react';
import {
  Button,
  EditButton,
  ListButton,
  Show,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
  useUpdate,
} from 'react-admin';

import { FindPersonButton } from '../common/FindPersonButton';
import { SectionTitle } from '../common/SectionTitle';
import { monospaceFontFamily } from '../theme';
import { formatDay, formatInstant } from './dates';
import { DaysLeftBadge } from './DaysLeftBadge';
import { FoldedText } from './FoldedText';
import { RequestActions } from './RequestActions';
import { RequestStatusChip } from './RequestStatusField';
import { RequestTimeline } from './RequestTimeline';
import { RequestTypeChip } from './RequestTypeField';
import { RequestFileButton } from './file/RequestFileButton';
import { LettersCard } from './letters/LettersCard';
import { PackagesCard } from './packages/PackagesCard';
import { RequestRights } from './rights';
import { OtherRequestsCard } from './other-requests/OtherRequestsCard';
import { SubjectDataPanel } from './SubjectDataPanel';
import type { DataSubjectRequest } from '../api';
import {
  CHANNELS_VOCABULARY,
  GROUNDS_VOCABULARY,
  INFO_CHANNELS_VOCABULARY,
  LANGUAGES_VOCABULARY,
  METHODS_VOCABULARY,
  MINOR_VOCABULARY,
  REJECTION_VOCABULARY,
  isOpen,
} from './vocabulary';

const useCanAct = () => useCanAccess({ resource: 'requests', action: 'edit' }).canAccess === true;

/** The ZIP for an access or portability request, once the identity is verified (`export.zip`). */
const ExportButton = () => {
  const record = useRecordContext<DataSubjectRequest>();
  const canAct = useCanAct();
  if (!record || !canAct || !record.identityVerifiedAt) return null;
  if (record.type !== 'access' && record.type !== 'portability') return null;
  const href = `/api/requests/${encodeURIComponent(record.id)}/export.zip?kind=${record.type}`;
  return (
    <Button label={`app.requests.export.${record.type}`} href={href} download component="a">
      <ArchiveOutlinedIcon />
    </Button>
  );
};

const RequestShowActions = () => {
  const record = useRecordContext<DataSubjectRequest>();
  const canAct = useCanAct();
  return (
    <TopToolbar>
      <FindPersonButton<DataSubjectRequest> identifier={(r) => r.subjectEmail ?? r.subjectPhone} />
      <ExportButton />
      {record && <RequestFileButton id={record.id} />}
      {canAct && isOpen(record) && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

/** One-click confirmation of a guessed type (a PUT of the whole record with typeGuessed: false). */
const ConfirmTypeButton = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<DataSubjectRequest>();
  return (
    <MuiButton
      size="small"
      variant="text"
      startIcon={<CheckIcon />}
      disabled={isPending}
      onClick={() =>
        void update(
          'requests',
          { id: request.id, data: { ...request, typeGuessed: false }, previousData: request },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => notify('app.requests.type_confirmed', { type: 'success' }),
            onError: (error) => {
              const message = error instanceof Error ? error.message : 'ra.notification.http_error';
              notify(message, { type: 'error', messageArgs: { _: message } });
            },
          },
        )
      }
    >
      {translate('app.requests.confirm_type')}
    </MuiButton>
  );
};

const Deadline = ({
  label,
  caption,
  day,
  applies,
  empty,
  testId,
}: {
  label: string;
  caption: string;
  day: string | null;
  applies: boolean;
  empty?: string;
  testId: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box
      data-testid={testId}
      sx={{
        height: '100%',
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor: applies ? 'primary.light' : 'divider',
        bgcolor: applies ? 'rgba(31, 95, 116, 0.05)' : 'transparent',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'space-between' }}>
        <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
          {translate(label)}
        </Typography>
        {applies && (
          <Typography
            variant="caption"
            sx={{ color: 'primary.main', fontWeight: 700, textTransform: 'uppercase', letterSpacing: '0.04em' }}
          >
            {translate('app.requests.deadlines.applies')}
          </Typography>
        )}
      </Box>
      <Typography variant="h6" component="p" sx={{ my: 0.25, color: day ? 'text.primary' : 'text.secondary' }}>
        {day ? formatDay(day, locale, 'long') : translate(empty ?? 'app.requests.deadlines.none')}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(caption)}
      </Typography>
    </Box>
  );
};

/**
 * A closed request: answered (or refused) within the legal deadline in force, or late, as the
 * API recorded it when the request was closed (answeredLate, lateByDays).
 */
const AnsweredBadge = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  if (!request.closedAt) return null;
  const onTime = !request.answeredLate;
  return (
    <Box
      component="span"
      data-testid="answered-on-time"
      data-on-time={onTime}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        px: 1.5,
        py: 0.5,
        borderRadius: 999,
        border: 1,
        fontWeight: 600,
        fontSize: '0.9375rem',
        lineHeight: 1.4,
        ...(onTime
          ? { bgcolor: '#e5f3ea', color: '#1e6b3a', borderColor: '#a9d5b8' }
          : { bgcolor: '#fbe4e2', color: '#b3261e', borderColor: '#f0b5b0' }),
      }}
    >
      {onTime ? <CheckIcon sx={{ fontSize: 18 }} /> : null}
      {onTime
        ? translate('app.requests.timeline.on_time')
        : request.lateByDays != null
          ? translate('app.requests.timeline.late_by', { smart_count: request.lateByDays })
          : translate('app.requests.timeline.late')}
    </Box>
  );
};

const RequestHeader = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const open = isOpen(request);
  const applies = (day: string | null) => open && day === request.workingDueDate;
  return (
    <Card>
      <CardContent sx={{ p: 3, '&:last-child': { pb: 2.5 } }}>
        <Box
          sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, flexWrap: 'wrap' }}>
              <Typography
                variant="h5"
                component="h1"
                sx={{ fontFamily: monospaceFontFamily, fontWeight: 700 }}
                data-testid="request-reference"
              >
                {request.reference}
              </Typography>
              <RequestStatusChip status={request.status} size="medium" />
              <RequestTypeChip type={request.type} guessed={request.typeGuessed} />
              {request.typeGuessed && open && canAct && <ConfirmTypeButton request={request} />}
            </Box>
            <Typography variant="body1" sx={{ mt: 0.75, overflowWrap: 'anywhere' }} data-testid="request-subject">
              <Box component="span" sx={{ fontWeight: 600 }}>
                {request.subjectName ?? translate('app.requests.unknown_subject')}
              </Box>
              {[request.subjectEmail, request.subjectPhone].filter(Boolean).map((contact) => (
                <Box component="span" key={contact} sx={{ color: 'text.secondary' }}>
                  {` · ${contact}`}
                </Box>
              ))}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
              {translate('app.requests.header.received', {
                date: formatInstant(request.receivedAt, locale, { dateStyle: 'long', timeStyle: 'short' }),
                channel: translate(`${CHANNELS_VOCABULARY}.${request.channel}`, { _: request.channel }),
              })}
              {request.closedAt &&
                ` · ${translate(
                  request.status === 'rejected' ? 'app.requests.header.rejected' : 'app.requests.header.closed',
                  { date: formatInstant(request.closedAt, locale, { dateStyle: 'long', timeStyle: 'short' }) },
                )}`}
            </Typography>
            {request.senderDate && (
              <Typography
                variant="caption"
                color="text.secondary"
                sx={{ display: 'block' }}
                data-testid="request-sender-date"
              >
                {translate('app.requests.timeline.sender_date', {
                  date: formatInstant(request.senderDate, locale, { dateStyle: 'long', timeStyle: 'short' }),
                })}
              </Typography>
            )}
          </Box>
          <Box sx={{ textAlign: 'right' }}>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
              {translate(open ? 'app.requests.deadlines.days_left' : 'app.requests.deadlines.closed')}
            </Typography>
            {open ? (
              <DaysLeftBadge
                daysLeft={request.daysLeft}
                dueDate={request.pausedDueDate ?? request.workingDueDate}
                size="large"
              />
            ) : (
              <AnsweredBadge request={request} />
            )}
          </Box>
        </Box>

        <Grid container spacing={1.5} sx={{ mt: 2 }}>
          <Grid size={{ xs: 12, md: 4 }}>
            <Deadline
              testId="deadline-statutory"
              label="resources.requests.fields.dueDate"
              caption="app.requests.deadlines.statutory_help"
              day={request.dueDate}
              applies={applies(request.dueDate) && !request.extendedDueDate}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Deadline
              testId="deadline-sla"
              label="resources.requests.fields.slaDueDate"
              caption="app.requests.deadlines.sla_help"
              day={request.slaDueDate}
              applies={applies(request.slaDueDate)}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Deadline
              testId="deadline-extended"
              label="resources.requests.fields.extendedDueDate"
              caption={
                request.extendedDueDate
                  ? 'app.requests.deadlines.extended_help'
                  : 'app.requests.deadlines.extendable_help'
              }
              day={request.extendedDueDate}
              empty="app.requests.deadlines.not_extended"
              applies={applies(request.extendedDueDate)}
            />
          </Grid>
        </Grid>

        {request.pausedDueDate && (
          // IDENTITY_PAUSE=on: both dates, the one without the pause and the paused one.
          <Alert severity="info" sx={{ mt: 1.5 }} data-testid="deadline-paused">
            {translate('app.requests.pause.both_dates', {
              without: formatDay(request.workingDueDateWithoutPause, locale, 'long'),
              paused: formatDay(request.pausedDueDate, locale, 'long'),
              smart_count: request.identityPauseDays + (request.identityWaitingDays ?? 0),
            })}
            {request.identityWaitingDays !== null && ` ${translate('app.requests.pause.running')}`}
          </Alert>
        )}
        {request.minorSuspected && (
          <Alert
            severity={request.minorDecision === 'dismissed' ? 'info' : 'warning'}
            sx={{ mt: 1.5 }}
            data-testid="minor-flag"
          >
            {translate('app.requests.minor.flag', { evidence: request.minorEvidence ?? '' })}{' '}
            {request.minorDecision
              ? translate('app.requests.minor.decided', {
                  decision: translate(`${MINOR_VOCABULARY}.${request.minorDecision}`),
                  by: request.minorDecidedBy ?? '—',
                  date: formatInstant(request.minorDecidedAt, locale) ?? '—',
                })
              : translate('app.requests.minor.to_decide')}
          </Alert>
        )}

        {canAct && (
          <>
            <Divider sx={{ my: 2 }} />
            <RequestActions request={request} canAct={canAct} />
          </>
        )}
      </CardContent>
    </Card>
  );
};

/** A label over a value; a dash when there is none. */
const Item = ({ label, children, size = { xs: 12, sm: 6 } }: { label: string; children: ReactNode; size?: object }) => {
  const translate = useTranslate();
  return (
    <Grid size={size}>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {translate(label)}
      </Typography>
      <Typography component="div" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {children == null || children === '' ? '—' : children}
      </Typography>
    </Grid>
  );
};

const TextBlock = ({ text, testId }: { text: string; testId?: string }) => (
  <Box
    data-testid={testId}
    sx={{
      px: 1.5,
      py: 1,
      bgcolor: '#f8fafb',
      border: 1,
      borderColor: 'divider',
      borderRadius: 1,
      typography: 'body2',
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      maxHeight: 240,
      overflow: 'auto',
    }}
  >
    {text}
  </Box>
);

const RequestDetails = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card>
      <CardHeader
        avatar={<AssignmentOutlinedIcon color="primary" />}
        title={translate('app.requests.sections.request')}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
        {request.status === 'completed' && request.outcome && (
          <Box>
            <SectionTitle label="app.requests.sections.outcome" />
            <TextBlock text={request.outcome} testId="request-outcome" />
          </Box>
        )}
        {request.status === 'rejected' && (
          <Box>
            <SectionTitle label="app.requests.sections.rejection" />
            <Typography variant="body2" sx={{ mb: 1, fontWeight: 600 }}>
              {request.rejectionReason
                ? translate(`${REJECTION_VOCABULARY}.${request.rejectionReason}`, { _: request.rejectionReason })
                : '—'}
              {request.rejectionGround &&
                ` · ${translate(`${GROUNDS_VOCABULARY}.${request.rejectionGround}`, { _: request.rejectionGround })}`}
            </Typography>
            {request.rejectionStatement && (
              <Alert severity="info" icon={false} sx={{ whiteSpace: 'pre-wrap' }} data-testid="rejection-statement">
                {request.rejectionStatement}
              </Alert>
            )}
          </Box>
        )}
        <Box>
          <SectionTitle label="resources.requests.fields.description" />
          {request.description ? (
            <FoldedText text={request.description} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('app.requests.no_description')}
            </Typography>
          )}
        </Box>
        <Box>
          <SectionTitle label="app.requests.sections.identity" />
          {request.identityVerifiedAt ? (
            <Grid container spacing={1.5}>
              <Item label="resources.requests.fields.identityMethod">
                {request.identityMethod
                  ? translate(`${METHODS_VOCABULARY}.${request.identityMethod}`, { _: request.identityMethod })
                  : null}
              </Item>
              <Item label="resources.requests.fields.identityVerifiedAt">
                {formatInstant(request.identityVerifiedAt, locale)}
              </Item>
              <Item label="resources.requests.fields.identityVerifiedBy">{request.identityVerifiedBy}</Item>
            </Grid>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate(
                request.status === 'identity_check'
                  ? 'app.requests.identity_pending'
                  : 'app.requests.identity_not_verified',
              )}
            </Typography>
          )}
          {request.identityInfoRequestedAt && (
            <Grid container spacing={1.5} sx={{ mt: 1 }} data-testid="identity-info">
              <Item label="resources.requests.fields.identityInfoRequested" size={{ xs: 12 }}>
                {request.identityInfoRequested}
              </Item>
              <Item label="resources.requests.fields.identityInfoChannel">
                {request.identityInfoChannel
                  ? translate(`${INFO_CHANNELS_VOCABULARY}.${request.identityInfoChannel}`, {
                      _: request.identityInfoChannel,
                    })
                  : null}
              </Item>
              <Item label="resources.requests.fields.identityInfoRequestedAt">
                {formatInstant(request.identityInfoRequestedAt, locale)}
              </Item>
              <Item label="resources.requests.fields.identityInfoRespondBy">
                {formatDay(request.identityInfoRespondBy, locale, 'long')}
              </Item>
              <Item label="resources.requests.fields.identityInfoReceivedAt">
                {request.identityInfoReceivedAt
                  ? formatInstant(request.identityInfoReceivedAt, locale)
                  : translate('app.requests.identity_info_awaited', { smart_count: request.identityWaitingDays ?? 0 })}
              </Item>
            </Grid>
          )}
        </Box>
        {request.feeChargedAt && (
          <Box data-testid="request-fee">
            <SectionTitle label="app.requests.sections.fee" />
            <Grid container spacing={1.5}>
              <Item label="resources.requests.fields.feeAmount">
                {request.feeAmount !== null
                  ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(request.feeAmount)
                  : null}
              </Item>
              <Item label="resources.requests.fields.feeBasis">
                {request.feeBasis
                  ? translate(`${REJECTION_VOCABULARY}.${request.feeBasis}`, { _: request.feeBasis })
                  : null}
              </Item>
              <Item label="resources.requests.fields.feeJustification" size={{ xs: 12 }}>
                {request.feeJustification}
              </Item>
            </Grid>
          </Box>
        )}
        {request.extendedDueDate && (
          <Box>
            <SectionTitle label="app.requests.sections.extension" />
            <Grid container spacing={1.5}>
              <Item label="resources.requests.fields.extensionReason" size={{ xs: 12 }}>
                {request.extensionReason}
              </Item>
              <Item label="resources.requests.fields.extensionCommunicatedAt">
                {formatInstant(request.extensionCommunicatedAt, locale)}
              </Item>
            </Grid>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const SubjectCard = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  return (
    <Card>
      <CardHeader
        avatar={<PersonOutlineIcon color="primary" />}
        title={translate('app.requests.sections.subject')}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent>
        <Grid container spacing={1.5}>
          <Item label="resources.requests.fields.subjectName" size={{ xs: 12 }}>
            {request.subjectName}
          </Item>
          <Item label="resources.requests.fields.subjectEmail" size={{ xs: 12 }}>
            {request.subjectEmail}
          </Item>
          <Item label="resources.requests.fields.subjectPhone">{request.subjectPhone}</Item>
          <Item label="resources.requests.fields.language">
            {translate(`${LANGUAGES_VOCABULARY}.${request.language}`, { _: request.language })}
          </Item>
        </Grid>
      </CardContent>
    </Card>
  );
};

const RequestShowLayout = () => {
  const request = useRecordContext<DataSubjectRequest>();
  const canAct = useCanAct();
  if (!request) return null;
  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      <Grid size={12}>
        <RequestHeader request={request} canAct={canAct} />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <RequestDetails request={request} />
        <RequestRights request={request} canAct={canAct} />
        <LettersCard request={request} canAct={canAct} />
        <PackagesCard request={request} canAct={canAct} />
        <RequestTimeline request={request} />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <OtherRequestsCard request={request} />
        <SubjectDataPanel request={request} />
        <SubjectCard request={request} />
      </Grid>
    </Grid>
  );
};

export const RequestShow = () => (
  <Show<DataSubjectRequest> actions={<RequestShowActions />} component="div" emptyWhileLoading>
    <RequestShowLayout />
  </Show>
);
