import { Alert, Box, Card, CardContent, CardHeader, Chip, Skeleton, Typography } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import ArchiveOutlinedIcon from '@mui/icons-material/ArchiveOutlined';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import BackHandOutlinedIcon from '@mui/icons-material/BackHandOutlined';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import ChildCareOutlinedIcon from '@mui/icons-material/ChildCareOutlined';
import ContactMailOutlinedIcon from '@mui/icons-material/ContactMailOutlined';
import EuroOutlinedIcon from '@mui/icons-material/EuroOutlined';
import MarkEmailReadOutlinedIcon from '@mui/icons-material/MarkEmailReadOutlined';
import PersonOffOutlinedIcon from '@mui/icons-material/PersonOffOutlined';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import FolderDeleteOutlinedIcon from '@mui/icons-material/FolderDeleteOutlined';
import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutline';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import HistoryIcon from '@mui/icons-material/History';
import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import MoreTimeOutlinedIcon from '@mui/icons-material/MoreTimeOutlined';
import MoveToInboxOutlinedIcon from '@mui/icons-material/MoveToInboxOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import RuleOutlinedIcon from '@mui/icons-material/RuleOutlined';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import UnsubscribeOutlinedIcon from '@mui/icons-material/UnsubscribeOutlined';
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';

import { formatDay, formatInstant } from './dates';
import { FoldedText } from './FoldedText';
import { consentCategory, legalBasis, perSource, sourceName } from './rights/shared';
import type { DataSubjectRequest, RequestEvent, RequestType } from '../api';
import { LetterReading } from './timeline/LetterReading';
import { KINDS_SAID_FROM_DETAILS, translatedLines } from './timeline/translatedLines';
import { isOpen } from './vocabulary';
import {
  CHANNELS_VOCABULARY,
  GROUNDS_VOCABULARY,
  INFO_CHANNELS_VOCABULARY,
  METHODS_VOCABULARY,
  MINOR_VOCABULARY,
  REJECTION_VOCABULARY,
  TYPES_VOCABULARY,
} from './vocabulary';

const KIND_ICONS: Record<string, SvgIconComponent> = {
  received: MoveToInboxOutlinedIcon,
  note: ChatBubbleOutlineIcon,
  identity_check: FactCheckOutlinedIcon,
  verified: VerifiedUserOutlinedIcon,
  extended: MoreTimeOutlinedIcon,
  closed: TaskAltOutlinedIcon,
  rejected: BlockOutlinedIcon,
  updated: EditOutlinedIcon,
  receipt_changed: EditOutlinedIcon,
  subject_changed: PersonOffOutlinedIcon,
  identity_info_requested: ContactMailOutlinedIcon,
  identity_info_received: MarkEmailReadOutlinedIcon,
  identity_evidence: VerifiedUserOutlinedIcon,
  subject_message: ChatBubbleOutlineIcon,
  subject_attachment: AttachFileIcon,
  fee_charged: EuroOutlinedIcon,
  minor_decided: ChildCareOutlinedIcon,
  identity_document_added: BadgeOutlinedIcon,
  identity_documents_destroyed: FolderDeleteOutlinedIcon,
  exported: ArchiveOutlinedIcon,
  export_interrupted: ErrorOutlineIcon,
  export_failed: ErrorOutlineIcon,
  erasure_started: DeleteSweepOutlinedIcon,
  erasure_resumed: ReplayIcon,
  erasure_source_done: DeleteSweepOutlinedIcon,
  erasure_source_failed: ErrorOutlineIcon,
  erasure_waived: RuleOutlinedIcon,
  erasure_completed: TaskAltOutlinedIcon,
  rectified: EditNoteOutlinedIcon,
  restricted: LockOutlinedIcon,
  restriction_lifted: LockOpenOutlinedIcon,
  consent_withdrawn: BackHandOutlinedIcon,
  objection_recorded: BackHandOutlinedIcon,
  email_received: MarkEmailReadOutlinedIcon,
  letter_sent: SendOutlinedIcon,
  letter_failed: UnsubscribeOutlinedIcon,
};

const KIND_COLORS: Record<string, string> = {
  received: '#1f5f74',
  note: '#5b6b78',
  identity_check: '#b26a00',
  verified: '#2e7d4f',
  extended: '#8a5a00',
  closed: '#2e7d4f',
  rejected: '#b3261e',
  updated: '#4a6b8a',
  receipt_changed: '#8a5a00',
  subject_changed: '#b3261e',
  identity_info_requested: '#b26a00',
  identity_info_received: '#2e7d4f',
  fee_charged: '#8a5a00',
  minor_decided: '#6b4f96',
  identity_document_added: '#1f5f74',
  identity_documents_destroyed: '#5b6b78',
  exported: '#1f5f74',
  export_interrupted: '#b3261e',
  export_failed: '#b3261e',
  erasure_started: '#8c3b2f',
  erasure_resumed: '#8c3b2f',
  erasure_source_done: '#8c3b2f',
  erasure_source_failed: '#b3261e',
  erasure_waived: '#8a5a00',
  erasure_completed: '#2e7d4f',
  rectified: '#4a6b8a',
  restricted: '#b26a00',
  restriction_lifted: '#4a6b8a',
  consent_withdrawn: '#6b4f96',
  objection_recorded: '#6b4f96',
  email_received: '#1f5f74',
  letter_sent: '#2e7d4f',
  letter_failed: '#b3261e',
};

/** A detail as text. Details are JSON: a list reads as its items, an object as its JSON. */
const str = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value == null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? value.map(str).join(',') : JSON.stringify(value);
};

/** The details worth reading, per kind of event. */
const EventDetails = ({
  event,
  requestType,
  requestOpen = false,
}: {
  event: RequestEvent;
  requestType: string;
  requestOpen?: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const details = event.details ?? {};
  const lines: string[] = [];
  const chips: Array<{ label: string; color?: 'success' | 'error' | 'warning'; href?: string }> = [];
  switch (event.kind) {
    case 'received': {
      if (details.subject)
        lines.push(translate('app.requests.timeline.email_subject', { subject: str(details.subject) }));
      // An e-mail's receipt is our mail server's stamp (or the import); its Date: is the sender's.
      if (details.receiptSource === 'received_header' || details.receiptSource === 'import_time')
        lines.push(
          translate(
            details.receiptSource === 'received_header'
              ? 'app.requests.timeline.receipt_from_server'
              : 'app.requests.timeline.receipt_from_import',
            { date: formatInstant(str(details.receivedAt) || null, locale) ?? '—' },
          ),
        );
      if ('senderDate' in details)
        lines.push(
          details.senderDate
            ? translate('app.requests.timeline.sender_date', {
                date: formatInstant(str(details.senderDate), locale) ?? '—',
              })
            : translate('app.requests.timeline.no_sender_date'),
        );
      else if (details.channel)
        lines.push(
          translate('app.requests.timeline.registered_via', {
            channel: translate(`${CHANNELS_VOCABULARY}.${str(details.channel)}`, { _: str(details.channel) }),
          }),
        );
      // Beside the rights the reading found ("Rights asked"), a second chip saying the same is noise;
      // it stays when no wording was found (the type was assumed) or the line predates the reading.
      const readRights = Array.isArray(details.requestedTypes) && details.requestedTypes.length > 0;
      if (details.guessedType && !(readRights && details.typeWordingFound !== false)) {
        chips.push({
          label: translate(
            details.typeWordingFound === false
              ? 'app.requests.timeline.type_assumed'
              : 'app.requests.timeline.type_guessed',
            { type: translate(`${TYPES_VOCABULARY}.${str(details.guessedType)}`, { _: str(details.guessedType) }) },
          ),
          color: 'warning',
        });
      }
      const minor = details.minorSignal as { evidence?: string } | undefined;
      if (minor?.evidence)
        chips.push({ label: translate('app.requests.minor.evidence', { evidence: minor.evidence }), color: 'warning' });
      break;
    }
    case 'verified':
      if (details.method)
        lines.push(
          translate('app.requests.timeline.method', {
            method: translate(`${METHODS_VOCABULARY}.${str(details.method)}`, { _: str(details.method) }),
          }),
        );
      break;
    case 'extended':
      lines.push(
        translate('app.requests.timeline.extended_to', {
          date: formatDay(str(details.extendedDueDate), locale, 'long') ?? '—',
          communicated: formatInstant(str(details.communicatedAt) || null, locale) ?? '—',
        }),
      );
      break;
    case 'closed':
    case 'rejected':
      if (event.kind === 'rejected' && details.reason)
        lines.push(
          [
            translate(`${REJECTION_VOCABULARY}.${str(details.reason)}`, { _: str(details.reason) }),
            details.ground
              ? translate(`${GROUNDS_VOCABULARY}.${str(details.ground)}`, { _: str(details.ground) })
              : null,
          ]
            .filter(Boolean)
            .join(' · '),
        );
      if (typeof details.onTime === 'boolean')
        chips.push(
          details.onTime
            ? { label: translate('app.requests.timeline.on_time'), color: 'success' }
            : {
                label:
                  typeof details.lateByDays === 'number'
                    ? translate('app.requests.timeline.late_by', { smart_count: details.lateByDays })
                    : translate('app.requests.timeline.late'),
                color: 'error',
              },
        );
      break;
    case 'identity_info_requested':
      lines.push(
        translate('app.requests.timeline.asked_how', {
          how: translate(`${INFO_CHANNELS_VOCABULARY}.${str(details.how)}`, { _: str(details.how) }),
          date: formatDay(str(details.respondBy), locale, 'long') ?? '—',
        }),
      );
      break;
    case 'identity_info_received':
      if (typeof details.waitedDays === 'number')
        lines.push(translate('app.requests.timeline.waited', { smart_count: details.waitedDays }));
      if (
        details.workingDueDate &&
        details.workingDueDateBefore &&
        details.workingDueDate !== details.workingDueDateBefore
      )
        lines.push(
          translate('app.requests.timeline.deadline_moved', {
            from: formatDay(str(details.workingDueDateBefore), locale, 'long') ?? '—',
            to: formatDay(str(details.workingDueDate), locale, 'long') ?? '—',
          }),
        );
      break;
    case 'fee_charged':
      lines.push(
        translate('app.requests.timeline.fee', {
          amount: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(
            Number(details.amount ?? 0),
          ),
          basis: translate(`${REJECTION_VOCABULARY}.${str(details.basis)}`, { _: str(details.basis) }),
        }),
      );
      break;
    case 'minor_decided':
      if (details.decision)
        chips.push({
          label: translate(`${MINOR_VOCABULARY}.${str(details.decision)}`, { _: str(details.decision) }),
          color: details.decision === 'confirmed' ? 'warning' : 'success',
        });
      if (details.evidence) lines.push(translate('app.requests.minor.evidence', { evidence: str(details.evidence) }));
      break;
    case 'updated':
    case 'subject_changed':
    case 'receipt_changed': {
      if (event.kind === 'subject_changed')
        chips.push({ label: translate('app.requests.timeline.identity_reset'), color: 'error' });
      const before = (details.before ?? {}) as Record<string, unknown>;
      const after = (details.after ?? {}) as Record<string, unknown>;
      for (const field of Object.keys(after)) {
        if (field === 'typeGuessed') {
          if (after.typeGuessed === false) {
            const type = str(after.type ?? requestType);
            lines.push(
              translate('app.requests.timeline.type_confirmed', {
                type: translate(`${TYPES_VOCABULARY}.${type}`, { _: type }),
              }),
            );
          }
          continue;
        }
        lines.push(
          `${translate(`resources.requests.fields.${field}`, { _: field })}: ${displayValue(field, before[field], translate, locale)} → ${displayValue(field, after[field], translate, locale)}`,
        );
      }
      break;
    }
    case 'identity_document_added':
      lines.push(
        translate('app.requests.timeline.document', {
          size: new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 0 }).format(
            Math.max(1, Number(details.size ?? 0) / 1024),
          ),
          sha: str(details.sha256).slice(0, 12),
        }),
      );
      break;
    case 'identity_documents_destroyed': {
      const documents = Array.isArray(details.documents)
        ? (details.documents as Array<{ fileName: string; seenOn: string; seenBy: string | null }>)
        : [];
      for (const d of documents)
        lines.push(
          translate('app.requests.timeline.document_destroyed', {
            file: d.fileName,
            date: formatInstant(d.seenOn, locale) ?? '—',
            by: d.seenBy ?? '—',
          }),
        );
      break;
    }
    case 'exported':
      if (details.file) lines.push(str(details.file));
      break;
    case 'export_interrupted':
    case 'export_failed': {
      const size = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 0 }).format(
        Number(details.bytesSent ?? 0) / 1024,
      );
      const key = event.kind === 'export_failed' ? 'package_failed' : 'package_stopped';
      lines.push(translate(`app.requests.timeline.${key}`, { size }));
      if (details.reason === 'client_stalled') lines.push(translate('app.requests.timeline.package_stalled'));
      break;
    }
    // Written by the API in English: said from the details in the officer's language.
    case 'letter_sent':
    case 'letter_failed':
    case 'review_decided':
    case 'withdrawal_lifted':
      lines.push(...translatedLines(translate, locale, event.kind, details, requestType as RequestType));
      break;
    // What was done to the subject's data (rights/): sources by name, counts, before and after.
    case 'erasure_started': {
      const plan = perSource(translate, details.records as Record<string, number> | undefined);
      lines.push(
        plan
          ? translate('app.requests.timeline.erasure_plan', { sources: plan })
          : translate('app.requests.timeline.erasure_nothing'),
      );
      if (typeof details.suppressed === 'number' && details.suppressed > 0)
        lines.push(translate('app.requests.timeline.suppressed', { smart_count: details.suppressed }));
      break;
    }
    case 'erasure_source_done':
      lines.push(
        translate('app.requests.timeline.source_done', {
          source: sourceName(translate, str(details.source)),
          smart_count: Number(details.recordsAffected ?? 0),
        }),
      );
      if (details.late === true) chips.push({ label: translate('app.requests.timeline.late'), color: 'warning' });
      break;
    case 'erasure_source_failed':
      lines.push(
        translate('app.requests.timeline.source_failed', {
          source: sourceName(translate, str(details.source)),
          attempt: str(details.attempt),
        }),
      );
      break;
    case 'erasure_waived':
      lines.push(
        translate('app.requests.timeline.source_waived', { source: sourceName(translate, str(details.source)) }),
      );
      break;
    case 'erasure_completed': {
      const totals = (details.recordsAffected ?? {}) as Record<string, number>;
      const total = Object.values(totals).reduce((n, c) => n + (Number(c) || 0), 0);
      lines.push(translate('app.requests.timeline.completed_total', { smart_count: total }));
      const waived = Array.isArray(details.waived) ? (details.waived as string[]) : [];
      if (waived.length)
        chips.push({
          label: translate('app.requests.timeline.waived_sources', {
            sources: waived.map((source) => sourceName(translate, source)).join(', '),
          }),
          color: 'warning',
        });
      break;
    }
    case 'rectified': {
      const changes = Array.isArray(details.changes)
        ? (details.changes as Array<{
            source: string;
            before: Record<string, unknown>;
            after: Record<string, unknown>;
          }>)
        : [];
      for (const change of changes)
        for (const field of Object.keys(change.after ?? {}))
          lines.push(
            translate('app.requests.timeline.rectified_change', {
              source: sourceName(translate, change.source),
              field: translate(`resources.${change.source}.fields.${field}`, { _: field }),
              before: str(change.before?.[field]) || '—',
              after: str(change.after[field]) || '—',
            }),
          );
      break;
    }
    case 'restricted': {
      const restricted = perSource(translate, details.restricted as Record<string, number> | undefined);
      lines.push(
        restricted
          ? translate('app.requests.timeline.restricted_sources', { sources: restricted })
          : translate('app.requests.timeline.restricted_nothing'),
      );
      break;
    }
    case 'restriction_lifted': {
      const lifted = perSource(translate, details.lifted as Record<string, number> | undefined);
      if (lifted) lines.push(translate('app.requests.timeline.lifted_sources', { sources: lifted }));
      if (details.subjectToldAt)
        lines.push(
          translate('app.requests.timeline.subject_told', {
            date: formatInstant(str(details.subjectToldAt), locale) ?? '—',
          }),
        );
      break;
    }
    case 'consent_withdrawn':
    case 'objection_recorded': {
      const effects = Array.isArray(details.effects)
        ? (details.effects as Array<{
            activity: string;
            legalBasis: string;
            bannerRefuses: string | null;
            recordsHeld: number;
          }>)
        : [];
      for (const effect of effects)
        lines.push(
          [
            translate('app.requests.timeline.effect', {
              activity: effect.activity,
              basis: legalBasis(translate, effect.legalBasis),
            }),
            effect.bannerRefuses
              ? translate('app.requests.timeline.effect_banner', {
                  category: consentCategory(translate, effect.bannerRefuses),
                })
              : null,
            effect.recordsHeld
              ? translate('app.requests.timeline.effect_held', { smart_count: effect.recordsHeld })
              : null,
          ]
            .filter(Boolean)
            .join(' · '),
        );
      if (details.consentId)
        chips.push({ label: translate('app.requests.timeline.consent_id', { consentId: str(details.consentId) }) });
      break;
    }
  }
  const attachments = Array.isArray(details.attachments)
    ? (details.attachments as Array<{ filename?: string | null; contentType?: string; size?: number }>)
    : [];
  const documentHref =
    event.kind === 'identity_document_added' && requestOpen && details.documentId
      ? `/api/requests/${encodeURIComponent(event.requestId)}/identity-documents/${encodeURIComponent(str(details.documentId))}`
      : null;
  if (documentHref)
    chips.push({
      label: translate('app.requests.timeline.document_download'),
      href: documentHref,
    });
  // A document the subject attached on the privacy portal: kept with the request, opened audited.
  if (event.kind === 'subject_attachment' && details.attachmentId)
    chips.push({
      label: translate('app.requests.timeline.document_download'),
      href: `/api/requests/${encodeURIComponent(event.requestId)}/attachments/${encodeURIComponent(str(details.attachmentId))}`,
    });
  if (lines.length === 0 && chips.length === 0 && attachments.length === 0) return null;
  return (
    <Box sx={{ mt: 0.5, display: 'flex', flexDirection: 'column', gap: 0.5, alignItems: 'flex-start' }}>
      {lines.map((line, i) => (
        <Typography key={i} variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {line}
        </Typography>
      ))}
      {chips.map((chip) =>
        chip.href ? (
          <Chip
            key={chip.label}
            size="small"
            variant="outlined"
            color="primary"
            label={chip.label}
            component="a"
            href={chip.href}
            clickable
          />
        ) : (
          <Chip key={chip.label} size="small" variant="outlined" color={chip.color} label={chip.label} />
        ),
      )}
      {attachments.map((a, i) => (
        <Box
          key={i}
          sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'text.secondary', typography: 'body2' }}
        >
          <AttachFileIcon fontSize="inherit" />
          {a.filename ?? translate('app.requests.timeline.unnamed_attachment')}
          {a.size != null &&
            ` (${new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 0 }).format(Math.max(1, a.size / 1024))} KB)`}
        </Box>
      ))}
    </Box>
  );
};

const displayValue = (
  field: string,
  value: unknown,
  translate: (key: string, options?: object) => string,
  locale: string,
): string => {
  if (value == null || value === '') return '—';
  const text = str(value);
  if (field === 'type') return translate(`${TYPES_VOCABULARY}.${text}`, { _: text });
  if (field === 'channel') return translate(`${CHANNELS_VOCABULARY}.${text}`, { _: text });
  if (field === 'language') return translate(`resources.requests.languages.${text}`, { _: text });
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDay(text, locale) ?? text;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return formatInstant(text, locale) ?? text;
  return text;
};

/** The request's history, oldest first: who did what, when, and what they wrote. */
export const RequestTimeline = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useGetList<RequestEvent>('request-events', {
    filter: { requestId: request.id },
    sort: { field: 'at', order: 'ASC' },
    pagination: { page: 1, perPage: 500 },
  });

  let content;
  if (isPending) {
    content = [0, 1, 2].map((i) => <Skeleton key={i} height={56} />);
  } else if (error) {
    content = <Alert severity="warning">{translate('app.requests.timeline.error')}</Alert>;
  } else if (!data?.length) {
    content = (
      <Typography variant="body2" color="text.secondary">
        {translate('app.requests.timeline.empty')}
      </Typography>
    );
  } else {
    content = (
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="request-timeline">
        {data.map((event, index) => {
          const Icon = KIND_ICONS[event.kind] ?? HistoryIcon;
          const color = KIND_COLORS[event.kind] ?? '#5b6b78';
          const last = index === data.length - 1;
          return (
            <Box component="li" key={event.id} data-kind={event.kind} sx={{ display: 'flex', gap: 1.5 }}>
              <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', flexShrink: 0 }}>
                <Box
                  sx={{
                    width: 32,
                    height: 32,
                    borderRadius: '50%',
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    color,
                    bgcolor: `${color}14`,
                    border: 1,
                    borderColor: `${color}55`,
                  }}
                >
                  <Icon sx={{ fontSize: 18 }} />
                </Box>
                {!last && <Box sx={{ flex: 1, width: '2px', bgcolor: 'divider', my: 0.5 }} />}
              </Box>
              <Box sx={{ flex: 1, minWidth: 0, pb: last ? 0 : 2.5, pt: 0.5 }}>
                <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
                  <Typography variant="subtitle2" component="span">
                    {translate(`resources.requests.events.${event.kind}`, { _: event.kind })}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" component="span">
                    {translate('app.requests.timeline.by', {
                      actor: event.actorEmail ?? translate('app.audit.system_actor'),
                    })}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="time"
                    dateTime={event.at}
                    sx={{ ml: 'auto', whiteSpace: 'nowrap' }}
                  >
                    {formatInstant(event.at, locale)}
                  </Typography>
                </Box>
                <EventDetails event={event} requestType={request.type} requestOpen={isOpen(request)} />
                {event.kind === 'received' && <LetterReading request={request} details={event.details ?? {}} />}
                {event.message && event.kind !== 'rejected' && !KINDS_SAID_FROM_DETAILS.includes(event.kind) && (
                  <Box sx={{ mt: 0.75 }}>
                    <FoldedText text={event.message} />
                  </Box>
                )}
              </Box>
            </Box>
          );
        })}
      </Box>
    );
  }

  return (
    <Card>
      <CardHeader
        avatar={<HistoryIcon color="primary" />}
        title={translate('app.requests.timeline.title')}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent>{content}</CardContent>
    </Card>
  );
};
