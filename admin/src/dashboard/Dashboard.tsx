import { Grid } from '@mui/material';
import { Title } from 'react-admin';

import { AuditIntegrityCard } from './AuditIntegrityCard';
import { OpenBreachesCard } from './OpenBreachesCard';
import { OpenRequestsCard } from './OpenRequestsCard';
import { ProcessingStopsCard } from './ProcessingStopsCard';
import { RecentAuditEvents } from './RecentAuditEvents';
import { RequestStatsCards } from './RequestStatsCards';
import { RequestsPerMonthChart } from './RequestsPerMonthChart';
import { WelcomeCard } from './WelcomeCard';

/**
 * The landing screen: who is signed in; the data-subject requests (figures,
 * requests per month, the open ones by deadline); the processing stopped by objections and
 * withdrawals, and the records stored flagged since; whether the audit log is
 * intact and what happened last.
 */
export const Dashboard = () => (
  <Grid container spacing={2} sx={{ mt: 1, mb: 2 }}>
    <Title title="ra.page.dashboard" />
    <Grid size={12}>
      <WelcomeCard />
    </Grid>
    <Grid size={12}>
      <OpenBreachesCard />
    </Grid>
    <Grid size={12}>
      <RequestStatsCards />
    </Grid>
    <Grid size={12}>
      <ProcessingStopsCard />
    </Grid>
    <Grid size={{ xs: 12, md: 7 }}>
      <RequestsPerMonthChart />
    </Grid>
    <Grid size={{ xs: 12, md: 5 }}>
      <OpenRequestsCard />
    </Grid>
    <Grid size={{ xs: 12, md: 5 }}>
      <AuditIntegrityCard />
    </Grid>
    <Grid size={{ xs: 12, md: 7 }}>
      <RecentAuditEvents />
    </Grid>
  </Grid>
);
