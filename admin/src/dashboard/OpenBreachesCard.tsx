import {
  Alert,
  Box,
  Button,
  Card,
  CardHeader,
  Divider,
  List,
  ListItemButton,
  Skeleton,
  Typography,
} from '@mui/material';
import ReportGmailerrorredOutlinedIcon from '@mui/icons-material/ReportGmailerrorredOutlined';
import { Fragment } from 'react';
import { LinkBase, useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';

import { ClockBadge } from '../breaches/ClockBadge';
import { formatInstant } from '../breaches/dates';
import type { Breach } from '../api';

const COUNT = 5;

/** The open breaches, most recent awareness first, each with its 72-hour clock (time left or overdue). */
export const OpenBreachesCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { data, isPending, error } = useGetList<Breach>('breaches', {
    filter: { status: 'open' },
    sort: { field: 'awareAt', order: 'DESC' },
    pagination: { page: 1, perPage: COUNT },
  });

  let content;
  if (isPending) content = <Skeleton height={48} sx={{ mx: 2 }} />;
  else if (error)
    content = (
      <Alert severity="warning" sx={{ mx: 2, mb: 2 }}>
        {translate('app.breaches.dashboard.error')}
      </Alert>
    );
  else if (!data?.length)
    content = (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 3 }}>
        {translate('app.breaches.dashboard.empty')}
      </Typography>
    );
  else
    content = (
      <List disablePadding data-testid="open-breaches">
        {data.map((breach, index) => (
          <Fragment key={breach.id}>
            {index > 0 && <Divider component="li" aria-hidden="true" />}
            <li>
              <ListItemButton
                component={LinkBase}
                to={createPath({ resource: 'breaches', type: 'show', id: breach.id })}
                sx={{ px: 2, py: 0.75, gap: 1.5 }}
              >
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                    {breach.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap sx={{ display: 'block' }}>
                    {translate('resources.breaches.fields.awareAt')}: {formatInstant(breach.awareAt, locale)}
                  </Typography>
                </Box>
                <ClockBadge breach={breach} />
              </ListItemButton>
            </li>
          </Fragment>
        ))}
      </List>
    );

  return (
    <Card sx={{ height: '100%' }} data-testid="open-breaches-card">
      <CardHeader
        avatar={<ReportGmailerrorredOutlinedIcon color="error" />}
        title={translate('app.breaches.dashboard.title')}
        subheader={translate('app.breaches.dashboard.subtitle')}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        action={
          <Button
            component={LinkBase}
            to={`${createPath({ resource: 'breaches', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`}
            size="small"
            sx={{ mt: 1, mr: 1 }}
          >
            {translate('app.dashboard.recent.view_all')}
          </Button>
        }
        sx={{ pb: 1 }}
      />
      {content}
    </Card>
  );
};
