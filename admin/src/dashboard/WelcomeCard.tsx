import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutline';
import PersonSearchOutlinedIcon from '@mui/icons-material/PersonSearchOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { LinkBase, useCanAccess, useCreatePath, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';

import { FIND_PERSON_PATH } from '../find-person';
import { intlLocale } from '../i18n';

export const WelcomeCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  const { canAccess: canManageUsers } = useCanAccess({ resource: 'users', action: 'list' });
  const today = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full' }).format(new Date());
  const role = typeof identity?.role === 'string' ? identity.role : undefined;

  return (
    <Card
      sx={{
        position: 'relative',
        overflow: 'hidden',
        background: 'linear-gradient(120deg, #ffffff 55%, #e6f0f3 100%)',
      }}
    >
      <VerifiedUserOutlinedIcon
        aria-hidden
        sx={{
          position: 'absolute',
          right: 24,
          top: '50%',
          transform: 'translateY(-50%)',
          fontSize: 132,
          color: 'primary.main',
          opacity: 0.08,
          display: { xs: 'none', md: 'block' },
        }}
      />
      <CardContent sx={{ p: 3, '&:last-child': { pb: 3 }, position: 'relative' }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          {translate('app.dashboard.welcome.today', { date: today })}
        </Typography>
        <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
          {translate('app.dashboard.welcome.title', { name: identity?.fullName ?? '' })}
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ maxWidth: 720, mb: 2 }}>
          {translate('app.dashboard.welcome.body')}
        </Typography>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {role && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 1 }}>
              <Typography variant="body2" color="text.secondary">
                {translate('app.dashboard.welcome.signed_in_as')}
              </Typography>
              <Chip
                size="small"
                color="primary"
                variant="outlined"
                label={translate(`app.roles.${role}`, { _: role })}
              />
            </Box>
          )}
          <Button
            component={LinkBase}
            to={FIND_PERSON_PATH}
            variant="contained"
            size="small"
            startIcon={<PersonSearchOutlinedIcon />}
          >
            {translate('app.dashboard.welcome.find_person')}
          </Button>
          <Button
            component={LinkBase}
            to={createPath({ resource: 'audit-events', type: 'list' })}
            variant="outlined"
            size="small"
            startIcon={<ReceiptLongOutlinedIcon />}
          >
            {translate('app.dashboard.welcome.open_audit_log')}
          </Button>
          {canManageUsers && (
            <Button
              component={LinkBase}
              to={createPath({ resource: 'users', type: 'list' })}
              variant="outlined"
              size="small"
              startIcon={<PeopleOutlineIcon />}
            >
              {translate('app.dashboard.welcome.manage_users')}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
