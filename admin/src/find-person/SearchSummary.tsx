import { Box, Card, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

import type { SubjectSearchResult } from '../api';
import { displayIdentifier, identifierIcons } from './identifiers';

type Identifier = SubjectSearchResult['identifiers'][number];

const IdentifierChip = ({ identifier }: { identifier: Identifier }) => {
  const translate = useTranslate();
  const Icon = identifierIcons[identifier.kind] ?? identifierIcons.name;
  const linked = identifier.hop === 1;
  return (
    <Tooltip title={translate(`app.find_person.kinds.${identifier.kind}`, { _: identifier.kind })}>
      <Chip
        icon={<Icon />}
        label={displayIdentifier(identifier.kind, identifier.value)}
        color={linked ? 'secondary' : 'primary'}
        variant={linked ? 'outlined' : 'filled'}
        data-testid={linked ? 'identifier-linked' : 'identifier-direct'}
      />
    </Tooltip>
  );
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', md: '180px 1fr' },
      columnGap: 2,
      rowGap: 0.5,
      alignItems: 'start',
    }}
  >
    <Typography variant="body2" color="text.secondary" sx={{ pt: 0.5 }}>
      {label}
    </Typography>
    <Box>{children}</Box>
  </Box>
);

/** The identifiers found in the matching records (hop 1), which were searched as well. */
const LinkedIdentifiers = ({ linked }: { linked: Identifier[] }) => {
  const translate = useTranslate();
  return (
    <Row label={translate('app.find_person.linked_identifiers')}>
      {linked.length > 0 ? (
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {linked.map((identifier) => (
              <IdentifierChip key={`${identifier.kind}:${identifier.value}`} identifier={identifier} />
            ))}
          </Stack>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.75, mb: 0 }}>
            {translate('app.find_person.linked_explained')}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ pt: 0.5 }}>
          {translate('app.find_person.no_linked')}
        </Typography>
      )}
    </Row>
  );
};

/**
 * How the API understood the query, and the identifiers it went on to look
 * for: the searched one, then those found in the matching records (one hop).
 */
export const SearchSummary = ({ result }: { result: SubjectSearchResult }) => {
  const translate = useTranslate();
  const direct = result.identifiers.filter((i) => i.hop === 0);
  const linked = result.identifiers.filter((i) => i.hop === 1);
  // A name that turned out to be a consent id is reported as a consent id.
  const understoodKind = direct[0]?.kind ?? result.understoodAs;

  return (
    <Card data-testid="find-person-summary">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, '&:last-child': { pb: 2 } }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            {translate('app.find_person.records', { smart_count: result.total })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.find_person.in_sources', { smart_count: result.sources.length })}
          </Typography>
        </Box>
        <Row label={translate('app.find_person.understood_as')}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate(`app.find_person.understood.${understoodKind}`, { _: understoodKind })}
            </Typography>
            {direct.map((identifier) => (
              <IdentifierChip key={`${identifier.kind}:${identifier.value}`} identifier={identifier} />
            ))}
          </Stack>
        </Row>
        {/* An IP address is looked up in the access logs only: nothing is followed from it. */}
        {result.understoodAs !== 'ip' && <LinkedIdentifiers linked={linked} />}
      </CardContent>
    </Card>
  );
};
