import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useLocaleState, useTranslate } from 'react-admin';

import { breachesApi } from './breachesApi';
import { formatInstant } from './dates';
import { RecordToldDialog } from './RecordToldDialog';
import type { AffectedPerson, Breach } from '../api';

/**
 * The people the breach affects, from the index: the count first (it names nobody), the list only
 * when asked (each page is an audited read), with each person's communication (Art. 34).
 */
export const AffectedPeoplePanel = ({ breach }: { breach: Breach }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canWrite } = useCanAccess({ resource: 'breaches', action: 'edit' });
  const [shown, setShown] = useState(false);
  const [page, setPage] = useState(0);
  const [telling, setTelling] = useState<AffectedPerson | null>(null);
  const perPage = 25;
  const count = useQuery({
    queryKey: ['breach-affected-count', breach.id, breach.sources, breach.endedAt],
    queryFn: () => breachesApi.affectedCount(breach.id),
  });
  const list = useQuery({
    queryKey: ['breach-affected', breach.id, page],
    queryFn: () => breachesApi.affected(breach.id, page + 1, perPage),
    enabled: shown,
  });

  // The index's fields in words, as "Find a person" says them: each field is the field of one of
  // the person's sources (`phone` of a lead is "Phone number", `content` of a chat message "Text").
  const categories = (person: AffectedPerson) =>
    [
      ...new Set(
        person.fields.map(
          (field) =>
            person.sources
              .map((source) => translate(`resources.${source}.fields.${field}`, { _: '' }))
              .find((words) => words !== '') ?? field,
        ),
      ),
    ].join(', ');

  if (count.isPending) return <Skeleton height={48} />;
  if (count.error) return <Alert severity="warning">{count.error.message}</Alert>;
  const c = count.data;
  return (
    <Box data-testid="affected-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: 900 }}>
        {translate('app.breaches.affected.intro', {
          from: c.window.from ? formatInstant(c.window.from, locale) : translate('app.breaches.affected.from_start'),
          until: formatInstant(c.window.until, locale),
        })}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 1.5 }}>
        <GroupsOutlinedIcon color="primary" />
        <Typography variant="h6" component="p" data-testid="affected-count">
          {translate('app.breaches.affected.count', { smart_count: c.people })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.breaches.affected.records', { smart_count: c.records })}
        </Typography>
        {Object.entries(c.recordsBySource).map(([source, n]) => (
          <Chip
            key={source}
            size="small"
            variant="outlined"
            label={`${translate(`app.menu.sources.${source}`, { _: source })}: ${n}`}
          />
        ))}
        {!shown && c.people > 0 && (
          <MuiButton size="small" variant="outlined" onClick={() => setShown(true)} data-testid="affected-show">
            {translate('app.breaches.affected.show')}
          </MuiButton>
        )}
      </Box>
      {shown && list.isPending && <Skeleton height={120} />}
      {shown && list.data && (
        <>
          <Table size="small" data-testid="affected-list">
            <TableHead>
              <TableRow>
                {(['identifier', 'sources', 'categories', 'language', 'told'] as const).map((col) => (
                  <TableCell key={col}>{translate(`app.breaches.affected.columns.${col}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.people.map((p) => (
                <TableRow key={`${p.kind}:${p.value}`}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {p.value}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {translate(`app.find_person.kinds.${p.kind}`, { _: p.kind })}
                    </Typography>
                  </TableCell>
                  <TableCell>{p.sources.map((s) => translate(`app.menu.sources.${s}`, { _: s })).join(', ')}</TableCell>
                  <TableCell>{categories(p)}</TableCell>
                  <TableCell>
                    {p.language
                      ? translate(`resources.letter-templates.languages.${p.language}`, { _: p.language })
                      : translate('app.breaches.affected.language_unknown')}
                  </TableCell>
                  <TableCell>
                    {p.communicatedAt ? (
                      translate('app.breaches.affected.told', {
                        date: formatInstant(p.communicatedAt, locale),
                        channel: translate(`app.breaches.vocab.channel.${p.channel}`, { _: p.channel ?? '' }),
                      })
                    ) : canWrite ? (
                      <MuiButton size="small" onClick={() => setTelling(p)}>
                        {translate('app.breaches.affected.record_told')}
                      </MuiButton>
                    ) : (
                      translate('app.breaches.affected.not_told')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={list.data.total}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[perPage]}
            onPageChange={(_, p) => setPage(p)}
            labelDisplayedRows={({ from, to, count: total }) => `${from}–${to} / ${total}`}
          />
        </>
      )}
      {telling && (
        <RecordToldDialog
          breachId={breach.id}
          person={telling}
          onClose={() => setTelling(null)}
          onDone={() => {
            setTelling(null);
            void list.refetch();
          }}
        />
      )}
    </Box>
  );
};
