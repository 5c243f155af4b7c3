import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';

import accessLogs from './access-logs';
import activities from './activities';
import apiKeys from './api-keys';
import auditEvents from './audit-events';
import breaches from './breaches';
import { authProvider } from './authProvider';
import calendarConnections from './calendar-connections';
import calendarEvents from './calendar-events';
import chatConversations from './chat-conversations';
import chatMessages from './chat-messages';
import consents from './consents';
import cookies from './cookies';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { FIND_PERSON_PATH, FindPersonPage } from './find-person';
import { i18nProvider } from './i18n';
import { AppName, Layout, LoginPage } from './layout';
import leads from './leads';
import letterTemplates from './letter-templates';
import otherMail from './other-mail';
import processors from './processors';
import { RECORD_PATH, RecordOfProcessingPage } from './registers/RecordOfProcessingPage';
import requests from './requests';
import { REQUEST_FILE_PATH, RequestFilePage } from './requests/file';
import { RETENTION_PATH, RetentionPage } from './retention';
import retentionPolicies from './retention-policies';
import { theme } from './theme';
import users from './users';

const AuthenticatedDashboard = () => (
  <Authenticated>
    <Dashboard />
  </Authenticated>
);

export const App = () => (
  <Admin
    title={<AppName />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={AuthenticatedDashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    // Not `requireAuth`: with it a first visit went round a redirect loop for 10-15 s before the
    // sign-in page. Resource pages check the session themselves; the dashboard and the custom
    // pages are wrapped (a signed-out deep link to a custom page still takes seconds: to fix).
    // No call to the react-admin telemetry server: nothing is fetched from outside.
    disableTelemetry
  >
    {/* Data-subject requests first: the officer's daily work. Auditors read only (authProvider.canAccess). */}
    <Resource name="requests" {...requests} />
    {/* The mail of privacy@ that is no request (no deadline), and the letters' templates (admins edit). */}
    <Resource name="other-mail" {...otherMail} />
    <Resource name="letter-templates" {...letterTemplates} />
    {/* The personal-data sources: read-only for every role (data arrives through ingestion). */}
    <Resource name="leads" {...leads} />
    <Resource name="chat-conversations" {...chatConversations} />
    <Resource name="chat-messages" {...chatMessages} />
    <Resource name="calendar-connections" {...calendarConnections} />
    <Resource name="calendar-events" {...calendarEvents} />
    <Resource name="consents" {...consents} />
    <Resource name="access-logs" {...accessLogs} />
    {/* The registers an auditor asks for: read by every role, kept by officers and admins. */}
    <Resource name="processors" {...processors} />
    <Resource name="activities" {...activities} />
    <Resource name="cookies" {...cookies} />
    <Resource name="retention-policies" {...retentionPolicies} />
    <Resource name="breaches" {...breaches} />
    <Resource name="audit-events" {...auditEvents} />
    {/* Visible to admins only: authProvider.canAccess hides them from the others. */}
    <Resource name="users" {...users} />
    <Resource name="api-keys" {...apiKeys} />
    <CustomRoutes noLayout>
      <Route
        path={REQUEST_FILE_PATH}
        element={
          <Authenticated>
            <RequestFilePage />
          </Authenticated>
        }
      />
    </CustomRoutes>
    <CustomRoutes>
      <Route
        path={FIND_PERSON_PATH}
        element={
          <Authenticated>
            <FindPersonPage />
          </Authenticated>
        }
      />
      <Route
        path={RETENTION_PATH}
        element={
          <Authenticated>
            <RetentionPage />
          </Authenticated>
        }
      />
      <Route
        path={RECORD_PATH}
        element={
          <Authenticated>
            <RecordOfProcessingPage />
          </Authenticated>
        }
      />
    </CustomRoutes>
  </Admin>
);
