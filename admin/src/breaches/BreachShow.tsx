import { Box, Button as MuiButton, Card, CardContent, Chip, Divider, Grid, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import {
  EditButton,
  ListButton,
  Show,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { SectionTitle } from '../common/SectionTitle';
import { AffectedPeoplePanel } from './AffectedPeoplePanel';
import { ClockBadge } from './ClockBadge';
import { CommunicationPanel } from './CommunicationPanel';
import { formatInstant } from './dates';
import { DecisionDialog } from './DecisionDialog';
import { NatureField } from './NatureField';
import { NotificationDialog } from './NotificationDialog';
import type { Breach } from '../api';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'breaches', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

const Item = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-line' }}>
        {children || '—'}
      </Typography>
    </Box>
  );
};

const Section = ({ label, children, action }: { label: string; children: ReactNode; action?: ReactNode }) => (
  <Card variant="outlined" sx={{ mb: 2 }}>
    <CardContent>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <SectionTitle label={label} />
        {action}
      </Box>
      {children}
    </CardContent>
  </Card>
);

const f = (name: string) => `resources.breaches.fields.${name}`;

const BreachDetails = () => {
  const breach = useRecordContext<Breach>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canWrite } = useCanAccess({ resource: 'breaches', action: 'edit' });
  const [dialog, setDialog] = useState<'notify' | 'decide' | null>(null);
  if (!breach) return null;
  const at = (iso: string | null) => formatInstant(iso, locale);
  const vocab = (group: string, id: string | null) => (id ? translate(`app.breaches.vocab.${group}.${id}`) : '—');
  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {breach.title}
        </Typography>
        <Chip
          size="small"
          label={vocab('status', breach.status)}
          color={breach.status === 'open' ? 'primary' : 'default'}
        />
        <ClockBadge breach={breach} size="large" />
      </Box>
      <Section label="app.breaches.sections.what">
        <Grid container columnSpacing={3}>
          <Grid size={12}>
            <Item label={f('description')}>{breach.description}</Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <Item label={f('startedAt')}>{at(breach.startedAt)}</Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <Item label={f('endedAt')}>{breach.ongoing ? translate('app.breaches.ongoing') : at(breach.endedAt)}</Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <Item label={f('awareAt')}>{at(breach.awareAt)}</Item>
          </Grid>
          <Grid size={12}>
            <Item label={f('nature')}>
              <NatureField />
            </Item>
          </Grid>
        </Grid>
      </Section>
      <Section label="app.breaches.sections.data">
        <Grid container columnSpacing={3}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Item label={f('sources')}>
              {breach.sources.map((s) => translate(`app.menu.sources.${s}`, { _: s })).join(', ')}
            </Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Item label={f('processors')}>
              {breach.processors
                .map(
                  (p) =>
                    `${p.name ?? p.processorId}${p.noticeAt ? ` (${translate(f('noticeAt'))}: ${at(p.noticeAt)})` : ''}${p.notes ? ` – ${p.notes}` : ''}`,
                )
                .join('\n')}
            </Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Item label={f('dataCategories')}>{breach.dataCategories.join(', ')}</Item>
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <Item label={f('subjectsApprox')}>{breach.subjectsApprox ?? '—'}</Item>
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <Item label={f('recordsApprox')}>{breach.recordsApprox ?? '—'}</Item>
          </Grid>
          <Grid size={12}>
            <Item label={f('consequences')}>{breach.consequences}</Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Item label={f('measuresTaken')}>{breach.measuresTaken}</Item>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Item label={f('measuresProposed')}>{breach.measuresProposed}</Item>
          </Grid>
        </Grid>
      </Section>
      <Section label="app.breaches.sections.risk">
        <Item label={f('riskLevel')}>{vocab('risk', breach.riskLevel)}</Item>
        <Item label={f('riskReasoning')}>{breach.riskReasoning}</Item>
      </Section>
      <Section
        label="app.breaches.sections.authority"
        action={
          canWrite && (
            <MuiButton size="small" variant="outlined" onClick={() => setDialog('notify')} data-testid="notify-button">
              {translate('app.breaches.notify.button')}
            </MuiButton>
          )
        }
      >
        {breach.notifications.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.breaches.none_yet')}
          </Typography>
        ) : (
          <Stack divider={<Divider flexItem />} spacing={1}>
            {breach.notifications.map((n) => (
              <Box key={n.id}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {at(n.at)} · {vocab('notification_kind', n.kind)} ·{' '}
                  {translate('app.breaches.notify.protocol', { number: n.protocolNumber })}
                </Typography>
                {n.delayReasons && (
                  <Typography variant="body2" color="text.secondary">
                    {translate(f('delayReasons'))}: {n.delayReasons}
                  </Typography>
                )}
                {n.notes && (
                  <Typography variant="body2" color="text.secondary">
                    {n.notes}
                  </Typography>
                )}
              </Box>
            ))}
          </Stack>
        )}
      </Section>
      <Section
        label="app.breaches.sections.decisions"
        action={
          canWrite && (
            <MuiButton size="small" variant="outlined" onClick={() => setDialog('decide')} data-testid="decide-button">
              {translate('app.breaches.decide.button')}
            </MuiButton>
          )
        }
      >
        {breach.decisions.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.breaches.none_yet')}
          </Typography>
        ) : (
          <Stack divider={<Divider flexItem />} spacing={1}>
            {breach.decisions.map((d) => (
              <Box key={d.id}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {at(d.decidedAt)} · {vocab('decision', d.kind)} ·{' '}
                  {translate('app.breaches.decide.by', { name: d.decidedBy })}
                </Typography>
                {d.reason && (
                  <Typography variant="body2" color="text.secondary">
                    {d.reason}
                  </Typography>
                )}
              </Box>
            ))}
          </Stack>
        )}
      </Section>
      <Section label="app.breaches.sections.affected">
        <AffectedPeoplePanel breach={breach} />
      </Section>
      <Section label="app.breaches.sections.letter">
        <CommunicationPanel breach={breach} />
      </Section>
      {dialog === 'notify' && <NotificationDialog breach={breach} open onClose={() => setDialog(null)} />}
      {dialog === 'decide' && <DecisionDialog breach={breach} open onClose={() => setDialog(null)} />}
    </Box>
  );
};

/** One breach: the facts, the clock, the notifications and decisions, the people affected and their letter. */
export const BreachShow = () => (
  <Show actions={<Actions />} component="div">
    <BreachDetails />
  </Show>
);
