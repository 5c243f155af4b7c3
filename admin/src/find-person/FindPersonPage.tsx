import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  InputAdornment,
  LinearProgress,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import HistoryEduOutlinedIcon from '@mui/icons-material/HistoryEduOutlined';
import SearchIcon from '@mui/icons-material/Search';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Title, useDataProvider, useLocation, useNavigate, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { SUBJECT_SOURCES } from '../sources/catalogue';
import type { IdentifierKind } from '../api';
import { ErasedNotice } from './ErasedNotice';
import { findPersonPath } from './findPersonPath';
import { identifierIcons } from './identifiers';
import { SearchSummary } from './SearchSummary';
import { ReindexButton } from './ReindexButton';
import { SourceCard } from './SourceCard';

const statusOf = (error: unknown) =>
  error && typeof error === 'object' && 'status' in error ? (error as { status?: number }).status : undefined;

const HINT_KINDS: IdentifierKind[] = ['email', 'phone', 'name', 'consent_id', 'ip'];

/** Before the first search: what can be searched, and how. */
const SearchHints = () => {
  const translate = useTranslate();
  return (
    <Card>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          {translate('app.find_person.hints.title')}
        </Typography>
        <Grid container spacing={2}>
          {HINT_KINDS.map((kind) => {
            const Icon = identifierIcons[kind];
            return (
              <Grid key={kind} size={{ xs: 12, sm: 6, md: 4 }} sx={{ display: 'flex', gap: 1.5 }}>
                <Icon color="primary" sx={{ mt: 0.25 }} />
                <Box>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {translate(`app.find_person.kinds.${kind}`)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {translate(`app.find_person.hints.${kind}`)}
                  </Typography>
                </Box>
              </Grid>
            );
          })}
        </Grid>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('app.find_person.hints.one_hop')}
        </Typography>
      </CardContent>
    </Card>
  );
};

const ResultsSkeleton = () => (
  <Grid container spacing={2}>
    <Grid size={12}>
      <Skeleton variant="rounded" height={120} />
    </Grid>
    {[0, 1, 2, 3].map((i) => (
      <Grid key={i} size={{ xs: 12, lg: 6 }}>
        <Skeleton variant="rounded" height={140} />
      </Grid>
    ))}
  </Grid>
);

const NothingFound = ({ query }: { query: string }) => {
  const translate = useTranslate();
  return (
    <Card data-testid="find-person-nothing">
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 4, justifyContent: 'center' }}>
        <SearchOffIcon sx={{ fontSize: 40, color: 'text.disabled' }} />
        <Box>
          <Typography variant="h6" component="h2">
            {translate('app.find_person.nothing_found', { query })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.find_person.nothing_found_help')}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
};

/**
 * "Find a person": one search across every personal-data source
 * (`GET /api/subjects/search`). The query lives in the URL
 * (`#/find-person?q=...`), so a search can be linked to and survives a reload.
 * Every search is written to the audit log by the API, so a search runs only
 * when asked for: not on window focus, not again for the same query within a
 * minute.
 */
export const FindPersonPage = () => {
  const translate = useTranslate();
  const location = useLocation();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const q = (new URLSearchParams(location.search).get('q') ?? '').trim();
  const [value, setValue] = useState(q);

  // Follow the URL when it changes from outside (a "Find this person" link, back/forward).
  useEffect(() => setValue(q), [q]);

  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['subjects', 'search', q],
    queryFn: () => dataProvider.searchSubject(q),
    enabled: q !== '',
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    if (!next || isFetching) return;
    if (next === q) void refetch();
    else navigate(findPersonPath(next));
  };

  const invalid = statusOf(error) === 400;
  const ordered = data
    ? SUBJECT_SOURCES.flatMap((source) => data.sources.filter((result) => result.source === source))
    : [];

  return (
    <Box sx={{ mt: 1, mb: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="app.find_person.title" />
      <Card sx={{ position: 'relative', overflow: 'hidden' }}>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {translate('app.find_person.intro')}
          </Typography>
          <Box
            component="form"
            role="search"
            onSubmit={submit}
            sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}
          >
            <TextField
              name="q"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              label={translate('app.find_person.label')}
              placeholder={translate('app.find_person.placeholder')}
              autoFocus
              autoComplete="off"
              fullWidth
              error={invalid}
              helperText={invalid ? translate('app.find_person.invalid') : undefined}
              slotProps={{
                htmlInput: { maxLength: 320, 'aria-label': translate('app.find_person.label') },
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <SearchIcon color="action" />
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={!value.trim()}
              sx={{ height: 56, px: 3, flexShrink: 0 }}
            >
              {translate('app.find_person.search')}
            </Button>
          </Box>
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mt: 1.25 }}
          >
            <HistoryEduOutlinedIcon sx={{ fontSize: 16 }} />
            {translate('app.find_person.audited')}
            <Box component="span" sx={{ flex: 1 }} />
            <ReindexButton />
          </Typography>
        </CardContent>
        {isFetching && <LinearProgress sx={{ position: 'absolute', left: 0, right: 0, bottom: 0 }} />}
      </Card>

      {q === '' ? (
        <SearchHints />
      ) : error ? (
        invalid ? null : (
          <Alert severity="error">{translate('app.find_person.error')}</Alert>
        )
      ) : !data ? (
        <ResultsSkeleton />
      ) : data.total === 0 ? (
        // Nothing found because the person was erased: say so, not "check how it is written".
        data.erased ? (
          <ErasedNotice erased={data.erased} />
        ) : (
          <NothingFound query={data.query} />
        )
      ) : (
        <>
          {data.erased && <ErasedNotice erased={data.erased} />}
          <SearchSummary result={data} />
          <Grid container spacing={2}>
            {ordered.map((result) => (
              <Grid key={result.source} size={{ xs: 12, lg: 6 }}>
                <SourceCard result={result} />
              </Grid>
            ))}
          </Grid>
        </>
      )}
    </Box>
  );
};
