import { Box, Button, Card, CardHeader, Chip, Divider, List, ListItemButton, Tooltip, Typography } from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Fragment, useState } from 'react';
import { LinkBase, useCreatePath, useGetResourceLabel, useTranslate } from 'react-admin';

import { RecordFlags } from '../common/RecordFlags';
import { sourceDateField, SOURCE_ICONS, type SubjectSource } from '../sources/catalogue';
import type { SubjectMatch, SubjectRecordMap, SubjectSourceResult } from '../api';
import { CorrectRoleButton } from './CorrectRoleButton';
import { displayIdentifier } from './identifiers';
import { RecordSummary } from './RecordSummary';

/** The instant that orders a source's records, most recent first. */
const dateOf = (source: SubjectSource, record: SubjectRecordMap[SubjectSource]): string =>
  (record as unknown as Record<string, string | undefined>)[sourceDateField(source)] ?? '';

/** How many records a card shows before "Show all". */
const FIRST = 5;

/** Direct: the record holds what was searched. Linked: it holds an identifier found in another match. */
export const HopBadge = ({ direct }: { direct: boolean }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate(direct ? 'app.find_person.direct_help' : 'app.find_person.linked_help')}>
      <Chip
        size="small"
        label={translate(direct ? 'app.find_person.direct' : 'app.find_person.linked')}
        color={direct ? 'primary' : 'secondary'}
        variant={direct ? 'filled' : 'outlined'}
        sx={{ minWidth: 76 }}
      />
    </Tooltip>
  );
};

/** "Found by phone +39 347 123 4567 in “Content”", once per distinct match. */
const MatchLine = ({ source, matches }: { source: SubjectSource; matches: SubjectMatch[] }) => {
  const translate = useTranslate();
  const lines = matches.map((match) =>
    translate('app.find_person.found_by', {
      kind: translate(`app.find_person.kinds_inline.${match.kind}`, { _: match.kind }),
      value: displayIdentifier(match.kind, match.value),
      field: translate(`resources.${source}.fields.${match.field}`, { _: match.field }),
    }),
  );
  return (
    <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
      {[...new Set(lines)].join(' · ')}
    </Typography>
  );
};

/** One source of the search result: its name and count, then a line per record, each linking to its page. */
export const SourceCard = ({ result }: { result: SubjectSourceResult }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const getResourceLabel = useGetResourceLabel();
  const [expanded, setExpanded] = useState(false);
  const Icon = SOURCE_ICONS[result.source];
  const records = [...result.records].sort((a, b) =>
    dateOf(result.source, b.record).localeCompare(dateOf(result.source, a.record)),
  );
  const shown = expanded ? records : records.slice(0, FIRST);

  return (
    <Card
      component="section"
      data-testid={`source-card-${result.source}`}
      sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <CardHeader
        avatar={<Icon color="primary" />}
        title={getResourceLabel(result.source, 2)}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 600 } } }}
        action={
          <Chip
            size="small"
            label={translate('app.find_person.records', { smart_count: result.total })}
            sx={{ mt: 1, mr: 1 }}
          />
        }
        sx={{ py: 1, bgcolor: '#f8fafb', borderBottom: 1, borderColor: 'divider' }}
      />
      <List disablePadding sx={{ flex: 1 }}>
        {shown.map((item, index) => (
          <Fragment key={item.id}>
            {index > 0 && <Divider component="li" aria-hidden="true" />}
            <Box component="li" sx={{ display: 'flex', alignItems: 'center' }}>
              <ListItemButton
                component={LinkBase}
                to={createPath({ resource: result.source, type: 'show', id: item.id })}
                sx={{ px: 2, py: 1, gap: 1.5, alignItems: 'center' }}
                data-testid="find-person-record"
              >
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography variant="body2" component="div" sx={{ wordBreak: 'break-word', lineHeight: 1.6 }}>
                    <RecordSummary source={result.source} record={item.record} matches={item.matches} />{' '}
                    <RecordFlags record={item.record} />
                  </Typography>
                  <MatchLine source={result.source} matches={item.matches} />
                </Box>
                {/* Every match says whose it is: the person's own, shared, or someone else's that mentions them. */}
                {item.relation && (
                  <Chip
                    size="small"
                    variant="outlined"
                    color={item.relation === 'own' ? 'primary' : item.relation === 'mention' ? 'default' : 'warning'}
                    data-testid="find-person-relation"
                    label={translate(`app.requests.rights.review.relations.${item.relation}`)}
                    title={translate(`app.requests.rights.review.relations_help.${item.relation}`)}
                    sx={{ height: 20, fontSize: '0.75rem', flexShrink: 0 }}
                  />
                )}
                <HopBadge direct={item.matches.some((match) => match.hop === 0)} />
                <ChevronRightIcon fontSize="small" sx={{ color: 'text.disabled' }} />
              </ListItemButton>
              <CorrectRoleButton entries={item.entries ?? []} />
            </Box>
          </Fragment>
        ))}
      </List>
      {(records.length > FIRST || result.total > records.length) && (
        <Box
          sx={{
            px: 2,
            py: 0.75,
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            borderTop: 1,
            borderColor: 'divider',
          }}
        >
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
            {translate('app.find_person.shown_of', { shown: shown.length, total: result.total })}
          </Typography>
          {records.length > FIRST && (
            <Button size="small" onClick={() => setExpanded(!expanded)}>
              {translate(expanded ? 'app.find_person.show_less' : 'app.find_person.show_all', {
                smart_count: records.length,
              })}
            </Button>
          )}
        </Box>
      )}
    </Card>
  );
};
