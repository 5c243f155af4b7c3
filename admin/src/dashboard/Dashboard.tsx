import { Grid } from '@mui/material';
import { Title } from 'react-admin';

import { AuditIntegrityCard } from './AuditIntegrityCard';
import { RecentAuditEvents } from './RecentAuditEvents';
import { WelcomeCard } from './WelcomeCard';

/** The landing screen: who is signed in, whether the audit log is intact, what happened last. */
export const Dashboard = () => (
    <Grid container spacing={2} sx={{ mt: 1, mb: 2 }}>
        <Title title="ra.page.dashboard" />
        <Grid size={12}>
            <WelcomeCard />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
            <AuditIntegrityCard />
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
            <RecentAuditEvents />
        </Grid>
    </Grid>
);
