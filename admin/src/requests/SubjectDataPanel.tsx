import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Divider,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Skeleton,
  Typography,
} from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ManageSearchOutlinedIcon from '@mui/icons-material/ManageSearchOutlined';
import { Fragment } from 'react';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { ErasedNotice, findPersonPath } from '../find-person';
import { displayIdentifier, identifierIcons } from '../find-person/identifiers';
import { intlLocale } from '../i18n';
import { SUBJECT_SOURCES, SOURCE_ICONS } from '../sources/catalogue';
import { ProcessingStopLine } from './ProcessingStopLine';
import type { DataSubjectRequest } from '../api';
import { usePersonStops, useSubjectSearch } from './useSubjectSearch';

/** What the index holds for one identifier of the subject, per source, each linking to the full search. */
const IdentifierResults = ({
  kind,
  value,
  requestId,
}: {
  kind: 'email' | 'phone';
  value: string;
  requestId: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useSubjectSearch(value, requestId);
  const Icon = identifierIcons[kind];
  const link = findPersonPath(value);
  const number = new Intl.NumberFormat(intlLocale(locale));
  const found = data?.sources.filter((s) => s.total > 0) ?? [];
  found.sort((a, b) => SUBJECT_SOURCES.indexOf(a.source) - SUBJECT_SOURCES.indexOf(b.source));

  return (
    <Box data-testid={`subject-data-${kind}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
        <Icon fontSize="small" color="primary" />
        <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere', flex: 1 }}>
          {displayIdentifier(kind, value)}
        </Typography>
        {data && (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {data.total > 0
              ? translate('app.requests.data_held.records', {
                  smart_count: data.total,
                  count: number.format(data.total),
                })
              : translate('app.requests.data_held.nothing')}
          </Typography>
        )}
      </Box>
      {isPending ? (
        <Skeleton height={36} />
      ) : error ? (
        <Alert severity="warning" sx={{ py: 0 }}>
          {translate('app.requests.data_held.error')}
        </Alert>
      ) : found.length === 0 ? (
        data?.erased ? (
          <ErasedNotice erased={data.erased} dense />
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ pl: 3.5 }}>
            {translate('app.requests.data_held.nothing_help')}
          </Typography>
        )
      ) : (
        <List dense disablePadding>
          {found.map((source) => {
            const SourceIcon = SOURCE_ICONS[source.source];
            return (
              <ListItemButton
                key={source.source}
                component={LinkBase}
                to={link}
                sx={{ borderRadius: 1, py: 0.25, pl: 3.5 }}
              >
                <ListItemIcon sx={{ minWidth: 30 }}>
                  <SourceIcon fontSize="small" />
                </ListItemIcon>
                <ListItemText
                  primary={translate(`app.menu.sources.${source.source}`, { _: source.source })}
                  slotProps={{ primary: { variant: 'body2' } }}
                />
                <Typography variant="body2" sx={{ fontWeight: 600, mr: 0.5 }}>
                  {number.format(source.total)}
                </Typography>
                <ChevronRightIcon fontSize="small" color="action" />
              </ListItemButton>
            );
          })}
        </List>
      )}
    </Box>
  );
};

/** The processing stopped for the person (objections, withdrawals), whichever request stopped it. */
const PersonStops = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const { stops, isPending, error } = usePersonStops(request);
  if (isPending || error || !stops.length) return null;
  return (
    <Box data-testid="subject-data-stops" sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
      <Typography variant="subtitle2" component="h3">
        {translate('app.requests.stops.title', { smart_count: stops.length })}
      </Typography>
      {stops.map((stop) => (
        <ProcessingStopLine key={`${stop.requestId}-${stop.reason}-${stop.activityId ?? ''}`} stop={stop} />
      ))}
    </Box>
  );
};

/**
 * "Data held about the subject": the personal-data index searched for the
 * request's e-mail and phone, with the request as the reason in the audit log.
 */
export const SubjectDataPanel = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const identifiers = [
    request.subjectEmail ? { kind: 'email' as const, value: request.subjectEmail } : null,
    request.subjectPhone ? { kind: 'phone' as const, value: request.subjectPhone } : null,
  ].filter(Boolean) as Array<{ kind: 'email' | 'phone'; value: string }>;

  return (
    <Card>
      <CardHeader
        avatar={<ManageSearchOutlinedIcon color="primary" />}
        title={translate('app.requests.data_held.title')}
        subheader={translate('app.requests.data_held.audited')}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        {identifiers.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.requests.data_held.no_identifier')}
          </Typography>
        ) : (
          identifiers.map((identifier, index) => (
            <Fragment key={identifier.kind}>
              {index > 0 && <Divider />}
              <IdentifierResults kind={identifier.kind} value={identifier.value} requestId={request.id} />
            </Fragment>
          ))
        )}
        <PersonStops request={request} />
      </CardContent>
    </Card>
  );
};
