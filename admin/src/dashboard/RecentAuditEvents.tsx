import {
  Alert,
  Box,
  Button,
  Card,
  CardHeader,
  Chip,
  Divider,
  List,
  ListItemButton,
  ListItemText,
  Skeleton,
  Typography,
} from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { Fragment } from 'react';
import { LinkBase, useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';

import { actionColor, actionLabelKey } from '../audit-events/vocabulary';
import { intlLocale } from '../i18n';
import { monospaceFontFamily } from '../theme';
import type { AuditEvent } from '../api';

const COUNT = 5;

/** The five most recent audit events, each linking to its show page. */
export const RecentAuditEvents = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { data, isPending, error } = useGetList<AuditEvent>('audit-events', {
    pagination: { page: 1, perPage: COUNT },
    sort: { field: 'id', order: 'DESC' },
  });
  const dateFormat = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });

  let content;
  if (isPending) {
    content = (
      <Box sx={{ px: 2, pb: 2 }}>
        {Array.from({ length: COUNT }, (_, i) => (
          <Skeleton key={i} height={48} />
        ))}
      </Box>
    );
  } else if (error) {
    content = (
      <Box sx={{ px: 2, pb: 2 }}>
        <Alert severity="warning">{translate('app.dashboard.recent.error')}</Alert>
      </Box>
    );
  } else if (!data || data.length === 0) {
    content = (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 3 }}>
        {translate('app.dashboard.recent.empty')}
      </Typography>
    );
  } else {
    content = (
      <List disablePadding>
        {data.map((event, index) => (
          <Fragment key={event.id}>
            {index > 0 && <Divider component="li" aria-hidden="true" />}
            <li>
              <ListItemButton
                component={LinkBase}
                to={createPath({ resource: 'audit-events', type: 'show', id: event.id })}
                sx={{ px: 2, py: 1, gap: 2 }}
              >
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ fontFamily: monospaceFontFamily, minWidth: 48 }}
                >
                  #{event.id}
                </Typography>
                <ListItemText
                  primary={
                    <Chip
                      size="small"
                      variant="outlined"
                      color={actionColor(event.action)}
                      label={translate(actionLabelKey(event.action), { _: event.action })}
                    />
                  }
                  secondary={translate('app.dashboard.recent.by', {
                    actor: event.actorEmail ?? translate('app.audit.system_actor'),
                  })}
                  slotProps={{
                    primary: { component: 'div' },
                    secondary: { noWrap: true, sx: { mt: 0.5 } },
                  }}
                  sx={{ my: 0, minWidth: 0 }}
                />
                <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap', ml: 'auto' }}>
                  {dateFormat.format(new Date(event.at))}
                </Typography>
              </ListItemButton>
            </li>
          </Fragment>
        ))}
      </List>
    );
  }

  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader
        avatar={<HistoryIcon color="primary" />}
        title={translate('app.dashboard.recent.title')}
        subheader={translate('app.dashboard.recent.subtitle')}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        action={
          <Button
            component={LinkBase}
            to={createPath({ resource: 'audit-events', type: 'list' })}
            size="small"
            sx={{ mt: 1, mr: 1 }}
          >
            {translate('app.dashboard.recent.view_all')}
          </Button>
        }
      />
      {content}
    </Card>
  );
};
