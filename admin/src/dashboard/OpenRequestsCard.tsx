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
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { Fragment } from 'react';
import { LinkBase, useCreatePath, useGetList, useTranslate } from 'react-admin';

import { DaysLeftBadge } from '../requests/DaysLeftBadge';
import { requestListLinks } from '../requests/listLinks';
import { RequestStatusChip } from '../requests/RequestStatusField';
import { OPEN_STATUSES } from '../requests/choices';
import type { DataSubjectRequest } from '../api';
import { TYPES_VOCABULARY } from '../requests/vocabulary';
import { monospaceFontFamily } from '../theme';

const COUNT = 5;

/** The open requests, earliest deadline first, each with its days left. */
export const OpenRequestsCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<DataSubjectRequest>('requests', {
    filter: { status: [...OPEN_STATUSES] },
    sort: { field: 'workingDueDate', order: 'ASC' },
    pagination: { page: 1, perPage: COUNT },
  });

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
        <Alert severity="warning">{translate('app.dashboard.requests.error')}</Alert>
      </Box>
    );
  } else if (!data?.length) {
    content = (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 3 }}>
        {translate('app.dashboard.requests.open_empty')}
      </Typography>
    );
  } else {
    content = (
      <List disablePadding data-testid="open-requests">
        {data.map((request, index) => (
          <Fragment key={request.id}>
            {index > 0 && <Divider component="li" aria-hidden="true" />}
            <li>
              <ListItemButton
                component={LinkBase}
                to={createPath({ resource: 'requests', type: 'show', id: request.id })}
                sx={{ px: 2, py: 0.75, gap: 1.5, alignItems: 'center' }}
              >
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <Typography
                      variant="body2"
                      sx={{ fontFamily: monospaceFontFamily, fontWeight: 600, whiteSpace: 'nowrap' }}
                    >
                      {request.reference}
                    </Typography>
                    <RequestStatusChip status={request.status} />
                  </Box>
                  <Typography variant="caption" color="text.secondary" noWrap sx={{ display: 'block' }}>
                    {translate(`${TYPES_VOCABULARY}.${request.type}`, { _: request.type })}
                    {' · '}
                    {request.subjectName ??
                      request.subjectEmail ??
                      request.subjectPhone ??
                      translate('app.requests.unknown_subject')}
                  </Typography>
                </Box>
                <DaysLeftBadge daysLeft={request.daysLeft} dueDate={request.workingDueDate} />
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
        avatar={<AssignmentIndOutlinedIcon color="primary" />}
        title={translate('app.dashboard.requests.open_list')}
        subheader={
          total != null && total > COUNT
            ? translate('app.dashboard.requests.open_list_more', { shown: COUNT, total })
            : translate('app.dashboard.requests.open_list_subtitle')
        }
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        action={
          <Button component={LinkBase} to={requestListLinks().open} size="small" sx={{ mt: 1, mr: 1 }}>
            {translate('app.dashboard.recent.view_all')}
          </Button>
        }
        sx={{ pb: 1 }}
      />
      {content}
    </Card>
  );
};
