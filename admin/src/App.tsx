import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';

import accessLogs from './access-logs';
import apiKeys from './api-keys';
import auditEvents from './audit-events';
import { authProvider } from './authProvider';
import calendarConnections from './calendar-connections';
import calendarEvents from './calendar-events';
import chatConversations from './chat-conversations';
import chatMessages from './chat-messages';
import consents from './consents';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { FIND_PERSON_PATH, FindPersonPage } from './find-person';
import { i18nProvider } from './i18n';
import { AppName, Layout, LoginPage } from './layout';
import leads from './leads';
import requests from './requests';
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
        {/* Data-subject requests first: the officer's daily work. Auditors read only (authProvider.canAccess). */}
        <Resource name="requests" {...requests} />
        {/* The personal-data sources: read-only for every role (data arrives through ingestion). */}
        <Resource name="leads" {...leads} />
        <Resource name="chat-conversations" {...chatConversations} />
        <Resource name="chat-messages" {...chatMessages} />
        <Resource name="calendar-connections" {...calendarConnections} />
        <Resource name="calendar-events" {...calendarEvents} />
        <Resource name="consents" {...consents} />
        <Resource name="access-logs" {...accessLogs} />
        <Resource name="audit-events" {...auditEvents} />
        {/* Visible to admins only: authProvider.canAccess hides them from the others. */}
        <Resource name="users" {...users} />
        <Resource name="api-keys" {...apiKeys} />
        <CustomRoutes>
            <Route path={FIND_PERSON_PATH} element={<FindPersonPage />} />
        </CustomRoutes>
    </Admin>
);
