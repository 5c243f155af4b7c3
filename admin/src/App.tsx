import { Admin, Resource } from 'react-admin';

import auditEvents from './audit-events';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AppName, Layout, LoginPage } from './layout';
import { theme } from './theme';
import users from './users';

export const App = () => (
    <Admin
        title={<AppName />}
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={Dashboard}
        layout={Layout}
        loginPage={LoginPage}
        theme={theme}
        requireAuth
        // No call to the react-admin telemetry server: nothing is fetched from outside.
        disableTelemetry
    >
        <Resource name="audit-events" {...auditEvents} />
        {/* Visible to admins only: authProvider.canAccess hides it from the others. */}
        <Resource name="users" {...users} />
    </Admin>
);
