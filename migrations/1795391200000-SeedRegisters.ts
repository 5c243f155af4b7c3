import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registers as the company's published documents state them (../shared/policies/: the
 * privacy policy of 11 June 2026, the cookie policy, the platform's cookie policy and the
 * calendar-integration notice). Where a document is silent, the entry says so in its notes,
 * for the officer to complete. Officers edit these rows afterwards; this runs once.
 */
const PRIVACY = 'Privacy policy (11 June 2026)';
const COOKIE_POLICY = 'Cookie policy (website)';
const PLATFORM_POLICY = 'Platform cookie policy';
const CALENDAR_NOTICE = 'Calendar-integration notice';

const RETENTION = [
  ['leads', 'Contact-form data', 'leads', 24, null, '24 months from collection, subject to legal obligations', 'delete', `${PRIVACY}, section 2 (contact form)`, null],
  ['chat', 'AI-chat conversations', 'chat-conversations', 12, null, '12 months', 'delete', `${PRIVACY}, sections 2 and 3 (AI chatbot)`, 'Conversations are kept in anonymised form for statistics and service improvement.'],
  ['access-logs', 'Browsing data (system logs)', 'access-logs', null, 30, '30 days in system logs', 'delete', `${PRIVACY}, section 2 (browsing data)`, null],
  ['consents', 'Cookie consent', 'consents', 12, null, 'Consent is valid for 12 months, then requested again', 'expire', `${COOKIE_POLICY}, section 5`, 'The record of a consent is proof of what was agreed: it lapses, it is not deleted.'],
  ['anonymous-statistics', 'Anonymous visit statistics', null, 24, null, 'Aggregated data, up to 24 months', 'aggregate_only', `${PRIVACY}, section 2 (anonymous visit statistics)`, 'No cookies, no IP, no personal identifiers.'],
  ['ga-cookie', 'Google Analytics cookies (_ga, _ga_*)', null, 24, null, '2 years', 'expire', `${PRIVACY}, section 2; ${COOKIE_POLICY}, section 3`, 'Set in the browser only after consent to analytics.'],
  ['ga4-data', 'Aggregated data in Google Analytics 4', null, 14, null, '14 months (GA4 configuration)', 'aggregate_only', `${PRIVACY}, section 2; ${COOKIE_POLICY}, section 3`, 'Cookieless pings are not retained.'],
  ['calendar', 'Calendar connection and events', 'calendar-connections', null, null, 'Until the user disconnects the calendar; the OAuth token is invalidated at once', 'delete', `${CALENDAR_NOTICE}, sections 2 and 5`, 'The notice states no period for stored events: to be set by the controller.'],
];

const PROCESSORS = [
  ['Aruba S.p.A.', 'SMTP service for sending email', '{E-mail address,E-mail content}', 'Italy (EU)', 'IT', 'none', 'None: servers in the European Union', 'active', null],
  ['Serverplan S.r.l.', 'Website and email hosting', '{Contact-form data,Chat conversations,Browsing data,Consent records,E-mail}', 'Italy (EU)', 'IT', 'none', 'None: servers in the European Union', 'active', null],
  ['Cloudflare, Inc.', 'Anti-bot protection (Turnstile)', '{IP address,Browser data}', 'USA', 'US', 'scc_dpf', 'SCC + EU-US Data Privacy Framework', 'active', null],
  ['Calendly LLC', 'Appointment booking', '{Name,E-mail address,Appointment details}', 'USA', 'US', 'scc_dpf', 'SCC + EU-US Data Privacy Framework', 'active', null],
  ['Anthropic, PBC', 'AI assistant', '{Chat messages}', 'USA', 'US', 'scc', 'Standard Contractual Clauses (SCC); messages are not used to train the models', 'active', null],
  ['OpenAI, LLC', 'AI assistant', '{Chat messages}', 'USA', 'US', 'scc_dpf', 'SCC + EU-US Data Privacy Framework; messages are not used to train the models', 'active', null],
  ['Self-hosted analytics', 'Anonymous browsing statistics. No cookies, no IP, no personal data. Can be disabled from "Manage cookies"', '{Anonymous browsing statistics}', 'Italy (Vimage VPS)', 'IT', 'none', 'No transfer outside the EU', 'active', null],
  ['Google Ireland Limited', 'Tag Manager + Analytics 4. Without consent: only anonymous signals. With consent: analytics cookies', '{Pages visited,Sessions,Acquisition,Behaviour}', 'Ireland (EU) / USA', 'IE', 'scc_dpf', 'SCC + EU-US Data Privacy Framework. IP anonymised', 'active', null],
  ['Google LLC (Google Calendar)', 'Calendar provider: synchronisation of the user\'s Google Calendar through Google OAuth (scopes userinfo.email and calendar)', '{Account e-mail,OAuth tokens,Calendar events}', 'Google infrastructure', 'US', 'other', 'Not stated in the calendar-integration notice: the transfer mechanism must be verified.', 'under_review', 'Named by the calendar-integration notice. The notice says calendar data is not shared with third parties and is used only to synchronise the calendar.'],
  ['Google (Gemini)', 'AI assistant (possible provider)', '{Chat messages}', 'USA', 'US', 'other', 'Not stated: Gemini is named in section 3 of the privacy policy but is missing from the sub-processor table of section 5.', 'under_review', 'Check whether Gemini is in use; if so, add it to the policy\'s table with its DPA and transfer basis.'],
];

const COOKIES = [
  ['vimage_cookie_consent', 'localStorage', 'Vimage Srl', 'necessary', 'Saves the user\'s cookie preferences', 'Permanent (until the browser data is cleared)', 'first', COOKIE_POLICY],
  ['cf_clearance', 'cookie', 'Cloudflare, Inc.', 'necessary', 'Cloudflare Turnstile security', '30 minutes', 'third', COOKIE_POLICY],
  ['__cf_bm', 'cookie', 'Cloudflare, Inc.', 'necessary', 'Cloudflare bot protection', '30 minutes', 'third', COOKIE_POLICY],
  ['vm-theme', 'localStorage', 'Vimage Srl', 'functional', 'Light/dark theme preference (only on explicit choice)', 'Permanent (until the browser data is cleared)', 'first', COOKIE_POLICY],
  ['_ga', 'cookie', 'Google Ireland Limited', 'analytics', 'Distinguishes users for aggregated statistics', '2 years', 'third', COOKIE_POLICY],
  ['_ga_*', 'cookie', 'Google Ireland Limited', 'analytics', 'Maintains the GA4 session state', '2 years', 'third', COOKIE_POLICY],
  ['session_id', 'cookie', 'Odoo', 'necessary', 'Session & Security: authenticates users, protects user data', 'Not stated', 'first', PLATFORM_POLICY],
  ['frontend_lang', 'cookie', 'Odoo', 'necessary', 'Preferences: remembers the preferred language', 'Not stated', 'first', PLATFORM_POLICY],
  ['im_livechat_previous_operator', 'cookie', 'Odoo', 'analytics', 'Interaction history: the live-chat operator the visitor spoke with', 'Not stated', 'first', PLATFORM_POLICY],
  ['utm_campaign', 'cookie', 'Odoo', 'analytics', 'Interaction history: the marketing campaign that brought the visitor', 'Not stated', 'first', PLATFORM_POLICY],
  ['utm_source', 'cookie', 'Odoo', 'analytics', 'Interaction history: the source that brought the visitor', 'Not stated', 'first', PLATFORM_POLICY],
  ['utm_medium', 'cookie', 'Odoo', 'analytics', 'Interaction history: the medium that brought the visitor', 'Not stated', 'first', PLATFORM_POLICY],
  ['__gads', 'cookie', 'Google', 'marketing', 'Advertising & marketing', 'Not stated', 'third', PLATFORM_POLICY],
  ['__gac', 'cookie', 'Google', 'marketing', 'Advertising & marketing', 'Not stated', 'third', PLATFORM_POLICY],
  ['_ga', 'cookie', 'Google', 'analytics', 'Analytics: how visitors engage with the website', 'Not stated', 'third', PLATFORM_POLICY],
  ['_gat', 'cookie', 'Google', 'analytics', 'Analytics: how visitors engage with the website', 'Not stated', 'third', PLATFORM_POLICY],
  ['_gid', 'cookie', 'Google', 'analytics', 'Analytics: how visitors engage with the website', 'Not stated', 'third', PLATFORM_POLICY],
  ['_gac_*', 'cookie', 'Google', 'analytics', 'Analytics: how visitors engage with the website', 'Not stated', 'third', PLATFORM_POLICY],
];

const SECURITY = 'HTTPS; anti-spam and anti-bot protection (Cloudflare Turnstile); access limited to authorised personnel; regular backups; encryption of sensitive data';

// name, purposes, basis, consent category, basis notes, subjects, data, retention key, transfers, security, source, processors
const ACTIVITIES: Array<[string, string, string, string | null, string | null, string, string, string, string | null, string, string | null, string[]]> = [
  ['Contact form', 'Respond to requests for information and consultation; attribute the contact to its source channel in order to measure campaign effectiveness',
    'consent', 'contact_form', 'Source data (UTM parameters, landing page, referrer): legitimate interest, Art. 6.1.f (contact qualification)',
    '{Website visitors who fill in the contact form,Prospective customers}', '{First name,Last name,E-mail,Telephone,Company name,Message,Multi-step answers (type of space; objective),UTM parameters,Landing page,Referrer}',
    'leads', 'Cloudflare, Inc. (USA): SCC + EU-US Data Privacy Framework', SECURITY, 'leads', ['Serverplan S.r.l.', 'Aruba S.p.A.', 'Cloudflare, Inc.']],
  ['AI chatbot', 'Provide real-time informational assistance about Vimage services and solutions',
    'consent', 'ai_chatbot', 'Explicit consent by accepting the "AI Chatbot" category in the cookie preferences panel',
    '{Website visitors who use the chat}', '{Text messages sent by the user,Responses generated by the assistant}',
    'chat', 'Anthropic, PBC (USA): SCC. OpenAI, LLC (USA): SCC + EU-US Data Privacy Framework. No identifying data (name, e-mail, IP) is sent to the AI providers.',
    `${SECURITY}; messages are not used to train the models`, 'chat-conversations', ['Anthropic, PBC', 'OpenAI, LLC', 'Google (Gemini)', 'Serverplan S.r.l.']],
  ['Browsing data', 'Site security, fraud prevention, aggregate analysis', 'legitimate_interests', null, null,
    '{Website visitors}', '{IP address,Browser type,Pages visited,Access times}', 'access-logs', 'Cloudflare, Inc. (USA): SCC + EU-US Data Privacy Framework', SECURITY, 'access-logs', ['Serverplan S.r.l.', 'Cloudflare, Inc.']],
  ['Anonymous visit statistics (self-hosted)', 'Site improvement and measurement of content effectiveness', 'legitimate_interests', null,
    'No cookies, fully anonymous data; active by default (even with "Necessary only"), can be disabled by the user (opt-out); the Do-Not-Track signal disables it',
    '{Website visitors}', '{Pages visited,Referrer,Country,Device,Browser,Visit duration}', 'anonymous-statistics', 'None: Vimage self-hosted server in the EU', SECURITY, null, ['Self-hosted analytics']],
  ['Google Tag Manager and Google Analytics 4', 'Tag container (GTM) and advanced traffic analysis (GA4); without consent only aggregated anonymous signals for statistical modelling',
    'consent', 'analytics', 'Cookieless GTM loading: legitimate interest (Art. 6.1.f); GA4 cookies: explicit consent (Art. 6.1.a)',
    '{Website visitors}', '{Pages,Sessions,Acquisition,Behaviour (_ga and _ga_* cookies)}', 'ga4-data', 'Google LLC (USA): SCC + EU-US Data Privacy Framework; IP anonymised', SECURITY, null, ['Google Ireland Limited']],
  ['Calendar synchronisation (Google Calendar)', 'Synchronise events between the platform and the user\'s Google Calendar, update changes on both sides, show the user a complete calendar; not used for marketing, profiling or analysis',
    'consent', null, 'Not stated in the calendar-integration notice: synchronisation starts only when the user presses "Connect" and completes Google\'s OAuth flow. To be confirmed.',
    '{Platform users who connect their Google Calendar}', '{E-mail of the platform account,OAuth token,Calendar events (manual; system; imported)}',
    'calendar', 'Google (the user\'s own calendar provider): see the processor register', 'OAuth token kept protected and used only over encrypted connections (HTTPS); revocation invalidates it immediately', 'calendar-connections', ['Google LLC (Google Calendar)']],
  ['Consent management', 'Record the cookie-banner choices and prove what was consented to, when and under which policy', 'legal_obligation', null,
    'Accountability for consent (GDPR Art. 7(1)); Italian Garante guidelines on cookies of 10 June 2021',
    '{Website visitors}', '{Consent id,Categories chosen,Policy version,Do-Not-Track signal,Time of the choice}', 'consents', null, SECURITY, 'consents', ['Serverplan S.r.l.']],
];

export class SeedRegisters1795391200000 implements MigrationInterface {
  name = 'SeedRegisters1795391200000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [key, name, source, months, days, text, action, basis, notes] of RETENTION) {
      await q.query(
        `INSERT INTO retention_policies (key, name, source, period_months, period_days, period_text, action, basis, notes) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [key, name, source, months, days, text, action, basis, notes],
      );
    }
    for (const [name, service, categories, location, country, mechanism, transferNotes, status, notes] of PROCESSORS) {
      await q.query(
        `INSERT INTO processors (name, service, data_categories, location, country, transfer_mechanism, transfer_notes, status, notes, next_review_due)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, (now() + interval '12 months')::date)`,
        [name, service, categories, location, country, mechanism, transferNotes, status, notes],
      );
    }
    for (const row of COOKIES) {
      await q.query(`INSERT INTO cookies (name, kind, provider, category, purpose, duration, party, listed_in) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, row);
    }
    for (const [name, purposes, basis, category, basisNotes, subjects, data, retention, transfers, security, source, processors] of ACTIVITIES) {
      const [{ id }] = await q.query(
        `INSERT INTO activities (name, purposes, legal_basis, consent_category, legal_basis_notes, subject_categories, data_categories, retention_policy_id, transfers, security_measures, source_system)
         VALUES ($1,$2,$3,$4,$5,$6,$7,(SELECT id FROM retention_policies WHERE key = $8),$9,$10,$11) RETURNING id`,
        [name, purposes, basis, category, basisNotes, subjects, data, retention, transfers, security, source],
      );
      await q.query(`INSERT INTO activity_processors (activity_id, processor_id) SELECT $1, id FROM processors WHERE name = ANY($2)`, [id, processors]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM activity_processors`);
    await q.query(`DELETE FROM activities`);
    await q.query(`DELETE FROM cookies`);
    await q.query(`DELETE FROM processors`);
    await q.query(`DELETE FROM retention_policies`);
  }
}
