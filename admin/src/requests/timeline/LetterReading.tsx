import { Alert, Box, Chip, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useCanAccess, useGetList, useLocaleState, useTranslate } from 'react-admin';

import type { DataSubjectRequest, RequestType } from '../../api';
import { REQUEST_TYPES } from '../choices';
import { TYPES_VOCABULARY } from '../vocabulary';
import { OpenFurtherRequestButton } from './OpenFurtherRequestButton';

const R = 'app.requests.timeline.reading';
const SET_ASIDE_PARTS = ['quote', 'signature', 'footer', 'forward_note'];

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** A language's name in the officer's language ("German", "tedesco"), else its code. */
const languageName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * How the intake read the letter a request was made of (the received line's details,
 * docs/requests.md "How a letter is read"): every right asked, each further one to be answered
 * on its own; who the subject is when someone else sent the letter; the language; a letter read
 * from a PDF; a complaint; what was set aside. Nothing for a request registered by hand.
 */
export const LetterReading = ({
  request,
  details,
}: {
  request: DataSubjectRequest;
  details: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canCreate } = useCanAccess({ resource: 'requests', action: 'create' });
  const asked = Array.isArray(details.requestedTypes)
    ? (details.requestedTypes as unknown[]).filter((t): t is RequestType => REQUEST_TYPES.includes(t as RequestType))
    : [];
  const further = asked.filter((type) => type !== request.type);
  // The requests already opened for a further right: the same person, type and receipt.
  const { data: siblings } = useGetList<DataSubjectRequest>(
    'requests',
    {
      filter: { subjectEmail: request.subjectEmail },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'receivedAt', order: 'ASC' },
    },
    { enabled: further.length > 0 && !!request.subjectEmail },
  );
  const openedFor = (type: RequestType) =>
    siblings?.find(
      (r) =>
        r.id !== request.id &&
        r.type === type &&
        r.subjectEmail === request.subjectEmail &&
        Date.parse(r.receivedAt) === Date.parse(request.receivedAt),
    );
  const typeLabel = (type: string) => translate(`${TYPES_VOCABULARY}.${type}`, { _: type });

  const sentBy = text(details.sentBy);
  const subjectFrom = text(details.subjectFrom);
  const subject = request.subjectName
    ? `${request.subjectName} <${request.subjectEmail ?? '—'}>`
    : (request.subjectEmail ?? '—');
  const relay =
    subjectFrom === 'forwarded'
      ? 'forwarded'
      : subjectFrom === 'reply_to'
        ? 'relayed_reply_to'
        : subjectFrom === 'letter'
          ? 'relayed_letter'
          : null;
  const otherLanguage = text(details.otherLanguage);
  const complaint = text(details.complaint);
  const setAside = Array.isArray(details.setAside)
    ? (details.setAside as unknown[]).filter((p): p is string => SET_ASIDE_PARTS.includes(p as string))
    : [];
  const pdf = 'letterAttachment' in details;
  if (!asked.length && !relay && !otherLanguage && !complaint && !setAside.length && !pdf) return null;

  return (
    <Box
      sx={{ mt: 0.75, display: 'flex', flexDirection: 'column', gap: 0.75, alignItems: 'stretch' }}
      data-testid="letter-reading"
    >
      {asked.length > 0 && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }} data-testid="rights-asked">
          <Typography variant="body2" color="text.secondary" component="span">
            {translate(`${R}.rights_asked`)}
          </Typography>
          {asked.map((type) => (
            <Chip
              key={type}
              size="small"
              label={typeLabel(type)}
              color={type === request.type ? 'primary' : 'default'}
              variant={type === request.type ? 'filled' : 'outlined'}
            />
          ))}
        </Box>
      )}
      {further.length > 0 && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0 }} data-testid="further-rights">
          <Typography variant="body2">
            {translate(`${R}.further_rights`, { first: typeLabel(request.type) })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.75, mb: 0.5 }}>
            {further.map((type) => {
              const opened = openedFor(type);
              if (opened)
                return (
                  <Chip
                    key={type}
                    size="small"
                    color="primary"
                    variant="outlined"
                    clickable
                    component={Link}
                    to={`/requests/${opened.id}/show`}
                    title={translate(`${R}.opened_help`)}
                    label={translate(`${R}.opened`, { right: typeLabel(type), reference: opened.reference })}
                  />
                );
              return canCreate ? <OpenFurtherRequestButton key={type} request={request} type={type} /> : null;
            })}
          </Box>
        </Alert>
      )}
      {relay && sentBy && (
        <Alert severity="warning" sx={{ py: 0 }} data-testid="forwarded-by">
          {translate(`${R}.${relay}`, { sentBy, subject })}
        </Alert>
      )}
      {complaint && (
        <Alert severity="info" sx={{ py: 0 }} data-testid="complaint">
          {translate(`${R}.complaint`)}
          <Typography variant="body2" color="text.secondary">
            {translate(`${R}.complaint_words`, { words: complaint })}
          </Typography>
        </Alert>
      )}
      {otherLanguage && (
        <Typography variant="body2" color="text.secondary">
          {translate(`${R}.other_language`, { language: languageName(otherLanguage, locale), code: otherLanguage })}
        </Typography>
      )}
      {pdf && (
        <Typography variant="body2" color="text.secondary">
          {translate(`${R}.letter_attachment`, { name: text(details.letterAttachment) ?? 'PDF' })}
        </Typography>
      )}
      {setAside.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate(`${R}.set_aside`, {
            parts: setAside.map((part) => translate(`${R}.parts.${part}`)).join(', '),
          })}
        </Typography>
      )}
    </Box>
  );
};
