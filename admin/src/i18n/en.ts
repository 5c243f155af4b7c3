import { scheduleEnglish } from '../common/scheduleMessages';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';

import { auditEventsEnglish } from '../audit-events/messages.en';
import { packagesEnglish } from '../requests/packages/messages.en';
import { breachesEnglish } from '../breaches/messages.en';
import { whoseDataEnglish } from '../find-person/messages.en';
import { otherRequestsEnglish } from '../requests/other-requests/messages.en';
import { letterTemplatesEnglish } from '../letter-templates/messages.en';
import { otherMailEnglish } from '../other-mail/messages.en';
import { requestsEnglish } from '../requests/messages.en';
import { registersEnglish } from '../registers/messages.en';
import { retentionEnglish } from '../retention/messages.en';
import { rightsEnglish } from '../requests/rights/messages.en';

/**
 * The application's own messages. Their shape is the contract for every
 * other language: `it.ts` is typed against `AppMessages`, so a missing or
 * misspelt key fails the type check.
 */
export const appEnglish = {
  app: {
    schedule: scheduleEnglish,
    csv: {
      // Headers of the lists' CSV for the fields every source has (the list's own labels first).
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        ingestedAt: 'Received by the console',
        restrictedAt: 'Restricted on',
        restrictedByRequestId: 'Restricted for the request',
        anonymisedAt: 'Anonymised on',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    name: 'Privacy Console',
    tagline: 'GDPR compliance workspace',
    // The spinners' name for screen readers.
    loading: 'Loading',
    auth: {
      email: 'Email',
      too_many_attempts: 'Too many sign-in attempts. Please wait a moment and try again.',
    },
    roles: {
      admin: 'Administrator',
      officer: 'Privacy officer',
      auditor: 'Auditor',
    },
    dashboard: {
      stops: {
        title: 'Processing stopped by objections and withdrawals',
        subtitle:
          'The people’s processing stopped after an objection (GDPR Art. 21) or a withdrawal of consent (Art. 7(3)), and what the website sent for them since: stored flagged, not to be used for what was stopped.',
        in_force: 'stop in force |||| stops in force (one per request and activity)',
        requests: 'from 1 request |||| from %{smart_count} requests',
        flagged: 'record stored flagged since |||| records stored flagged since',
      },
      welcome: {
        title: 'Welcome, %{name}',
        body: 'This console is where the privacy team handles GDPR obligations: answering data-subject requests on time and keeping a tamper-evident record of every action taken.',
        signed_in_as: 'Signed in as',
        today: 'Today is %{date}.',
        open_audit_log: 'Open the audit log',
        manage_users: 'Manage users',
        find_person: 'Find a person',
      },
      integrity: {
        title: 'Audit log integrity',
        description:
          "Each audit event is sealed with a SHA-256 hash of the one before it, and the newest is named by a checkpoint signed with a key kept outside the database: an event changed, removed or added behind the console's back shows here.",
        checking: 'Verifying the hash chain…',
        intact: 'Intact — %{smart_count} event checked |||| Intact — %{smart_count} events checked',
        broken: 'Broken at event #%{id}: %{reason}',
        broken_no_id: 'Broken: %{reason}',
        unknown_reason: 'no reason given',
        events_checked: 'Events checked',
        algorithm: 'Algorithm',
        algorithm_value: 'SHA-256 chain, HMAC-SHA-256 checkpoint',
        checkpoint: 'Signed checkpoint',
        checkpoint_value: 'event #%{id}, %{date}',
        last_verified: 'Last verified',
        verify_again: 'Verify again',
        pending:
          "%{smart_count} recent event is waiting to join the chain: until it does, neither the chain nor the checkpoint covers it. The console keeps trying; if this stays, the server's log says why. |||| %{smart_count} recent events are waiting to join the chain: until they do, neither the chain nor the checkpoint covers them. The console keeps trying; if this stays, the server's log says why.",
        error: 'The verification could not be run. Please try again later.',
        reasons: {
          hash_mismatch: 'the stored hash does not match the event content',
          prev_hash_mismatch: 'the link to the previous event does not match',
          tail_cut: 'the newest events after it were removed',
          chain_rewritten: 'the chain was recomputed after events were changed or removed',
          checkpoint_missing: 'the signed checkpoint was removed',
          checkpoint_forged: "the checkpoint is not signed with this console's key",
          events_without_checkpoint: 'events were added after it outside the console',
          anchor_ahead: "the newest events were removed (this console's copy of the checkpoint names a later one)",
        },
      },
      recent: {
        title: 'Recent activity',
        subtitle: 'The last five entries of the audit log',
        empty: 'No audit events have been recorded yet.',
        error: 'The recent activity could not be loaded.',
        view_all: 'View all',
        by: 'by %{actor}',
      },
    },
    audit: {
      system_actor: 'System',
      deleted_actor: '%{email} (deleted account)',
      no_details: 'No details recorded',
      chain: 'Hash chain',
      event: 'Event',
    },
    users: {
      never: 'Never',
      password_create_help: 'At least 12 characters.',
      language_default: 'Console default',
      language_help: "The language of the daily reminders e-mail. If none is chosen, the console's default.",
      password_edit_help: "Leave blank to keep the current password. A new password ends the user's open sessions.",
      status: 'Status',
      sessions: {
        title: 'Open sessions',
        empty: 'No open sessions: the user is signed in nowhere.',
        error: 'The sessions could not be loaded.',
        created: 'Signed in',
        last_used: 'Last used',
        expires: 'Expires',
        address: 'Address',
        browser: 'Browser',
        unknown: 'Unknown',
        current: 'This session',
        revoke: 'Sign out',
        revoke_title: 'Sign %{name} out of this session?',
        revoke_content:
          'The browser or device using it is signed out at once. The other sessions stay open. This is recorded in the audit log.',
        revoked_notice: 'The session has been ended',
      },
    },
    menu: {
      // The side menu's and the user menu's names for screen readers (the user's name first, as shown).
      label: 'Main menu',
      user: '%{name} (Profile)',
      personal_data: 'Personal data',
      find_person: 'Find a person',
      compliance: 'Compliance',
      administration: 'Administration',
      // Shorter than the page titles, to fit the sidebar.
      sources: {
        leads: 'Leads',
        'chat-conversations': 'Conversations',
        'chat-messages': 'Chat messages',
        'calendar-connections': 'Calendars',
        'calendar-events': 'Calendar events',
        consents: 'Cookie consents',
        'access-logs': 'Access logs',
      },
    },
    sources: {
      stored_record: 'Stored record',
      // Art. 18 flags on a source's records (common/RecordFlags.tsx).
      restricted: 'Restricted',
      restricted_help: 'Processing restricted (GDPR Art. 18) since %{date}: kept, not used, never swept by retention.',
      restricted_title: 'Processing restricted (GDPR Art. 18)',
      restricted_notice: 'Since %{date}, this record is kept but must not be used, and the retention sweep skips it.',
      restricted_by: 'Restricted for the request',
      open_request: 'Open the request',
      anonymised: 'Anonymised',
      anonymised_help: 'The person’s identifiers were masked by an erasure on %{date}; kept for statistics.',
      anonymised_notice:
        'Anonymised on %{date} by an erasure: the person’s e-mails, phone numbers and names are masked (“[…]”) in the messages, which are kept for statistics.',
      // Objection (Art. 21) and withdrawal (Art. 7(3)) stops a record was stored under (common/ProcessingStopNotice.tsx).
      stopped: 'Processing stopped',
      stopped_help: 'Stored after processing for %{activity} was stopped (%{reason}): not to be used for it.',
      stopped_title: 'Stored after the person stopped this processing',
      stopped_line: 'Processing stopped for %{activity} — %{reason}, request',
      stopped_since: ', since %{date}.',
      stopped_stored: 'Stored flagged on %{date}: it must not be used for that purpose.',
      stopped_lifted: 'The person gave their consent again on %{date}: the stop was lifted then.',
      stopped_filter: 'Processing stopped',
      stopped_filter_only: 'Only records stored under a stop',
      stopped_filter_none: 'Only records not under a stop',
      stopped_filter_any: 'All records',
    },
    find_person: {
      title: 'Find a person',
      intro:
        'One search across every source of personal data: contact forms, AI chats, calendars, cookie consents and access logs.',
      label: 'Who are you looking for?',
      placeholder: 'Email, phone number, full name, consent ID or IP address',
      search: 'Search',
      audited: 'Every search is recorded in the audit log: who searched, for what, and what was found.',
      invalid: 'Enter an email address, a phone number, a name, a consent ID or an IP address.',
      error: 'The search could not be run. Please try again.',
      find_this_person: 'Find this person',
      records: '1 record |||| %{smart_count} records',
      in_sources: 'in 1 source |||| in %{smart_count} sources',
      understood_as: 'Understood as',
      understood: {
        email: 'an email address',
        phone: 'a phone number',
        name: 'a name',
        consent_id: 'a consent ID',
        ip: 'an IP address',
      },
      linked_identifiers: 'Linked identifiers',
      linked_explained:
        'Found in a record that matched your search, then searched as well (one step, never further). Names are not followed: two people can share one.',
      no_linked: 'None: the matching records hold no other email, phone, account or consent ID.',
      direct: 'Direct',
      linked: 'Linked',
      direct_help: 'This record holds what you searched for.',
      linked_help: 'This record holds a linked identifier, found in another matching record.',
      found_by: 'Found by %{kind} %{value} in “%{field}”',
      shown_of: 'Showing %{shown} of %{total}',
      show_all: 'Show all %{smart_count}',
      show_less: 'Show fewer',
      nothing_found: 'Nothing found for “%{query}”',
      nothing_found_help:
        'No source holds this identifier. Check how it is written, or try another identifier of the same person.',
      kinds: {
        email: 'Email address',
        phone: 'Phone number',
        name: 'Name',
        consent_id: 'Consent ID',
        account: 'Google account',
        ip: 'IP address',
      },
      kinds_inline: {
        email: 'email',
        phone: 'phone',
        name: 'name',
        consent_id: 'consent ID',
        account: 'Google account',
        ip: 'IP address',
      },
      hints: {
        title: 'What can I search for?',
        email: 'In any case: Giulia.Bianchi@Example.it finds giulia.bianchi@example.it.',
        phone: 'In any writing: 347 123 4567, +39 347-1234567 and 0039 3471234567 are the same number.',
        name: 'First and last name, matched whole; accents and capitals do not matter.',
        consent_id: 'The identifier the cookie banner stored in the visitor’s browser.',
        ip: 'Finds the lines of the web server’s access log.',
        one_hop:
          'The identifiers found in the matching records (another email, a phone) are searched too, one step only, so a chat that gave only a phone number is found from the email.',
      },
      summary: {
        started: 'started %{date}',
        connected: 'connected %{date}',
      },
    },
    api_keys: {
      create_intro:
        'A key lets a website send personal data to the console (POST /api/ingest/…). Name it after the sender, so that the audit log says who sent what.',
      name_help: 'For example “Website (production)”.',
      never_used: 'Never used',
      status: {
        active: 'Active',
        revoked: 'Revoked',
      },
      revoke: 'Revoke',
      revoke_title: 'Revoke the key “%{name}”?',
      revoke_content:
        'Whatever still sends data with this key will be refused at once. The key stays listed as revoked; this cannot be undone.',
      revoked_notice: 'The key “%{name}” has been revoked',
      created: {
        title: 'API key created',
        warning_title: 'Copy the key now.',
        warning: 'It will not be shown again: the console keeps only its SHA-256 fingerprint.',
        key_for: 'Key for “%{name}”',
        copy: 'Copy the key',
        copied: 'Copied to the clipboard',
        copy_failed: 'The key could not be copied: select it and copy it by hand.',
        usage: 'The website sends it in the X-Api-Key header of each request to /api/ingest/<source>.',
        done: 'I have copied the key',
      },
    },
  },
  resources: {
    leads: {
      name: 'Lead |||| Leads',
      empty: 'No contact-form leads have been received yet.',
      search_placeholder: 'Name, email, phone or company',
      no_consent: 'Not recorded',
      sections: {
        person: 'Person',
        request: 'Request',
        origin: 'Origin (UTM)',
        consent: 'Consent',
      },
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        name: 'Name',
        firstName: 'First name',
        lastName: 'Last name',
        email: 'Email',
        phone: 'Phone',
        company: 'Company',
        message: 'Message',
        spaceType: 'Type of space',
        objective: 'Objective',
        utm: 'Origin',
        utmSource: 'UTM source',
        utmMedium: 'UTM medium',
        utmCampaign: 'UTM campaign',
        utmTerm: 'UTM term',
        utmContent: 'UTM content',
        landingPage: 'Landing page',
        referrer: 'Referrer',
        consentGivenAt: 'Consent given',
        submittedAt: 'Submitted',
        ingestedAt: 'Received by the console',
        q: 'Search',
        submittedAt_gte: 'Submitted from',
        submittedAt_lte: 'Submitted until',
      },
    },
    'chat-conversations': {
      name: 'Chat conversation |||| Chat conversations',
      empty: 'No AI-chat conversations have been received yet.',
      search_placeholder: 'Conversation ID on the website',
      visitor_unknown: 'Not stated',
      title: 'Chat of %{date}',
      label: '%{provider} · %{date}',
      no_messages: 'This conversation has no messages.',
      transcript_error: 'The messages could not be loaded.',
      sections: {
        conversation: 'Conversation',
        transcript: 'Transcript',
      },
      providers: {
        anthropic: 'Anthropic',
        openai: 'OpenAI',
        gemini: 'Google Gemini',
        ollama: 'Ollama (self-hosted)',
      },
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        provider: 'AI provider',
        startedAt: 'Started',
        ingestedAt: 'Received by the console',
        visitor: 'Visitor',
        messages: 'Messages',
        q: 'Search',
      },
    },
    'chat-messages': {
      name: 'Chat message |||| Chat messages',
      empty: 'No chat messages have been received yet.',
      search_placeholder: 'Text of the message',
      sections: {
        message: 'Message',
      },
      roles: {
        user: 'Visitor',
        assistant: 'Assistant',
      },
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        conversationId: 'Conversation',
        role: 'Written by',
        content: 'Text',
        sentAt: 'Sent',
        q: 'Search',
      },
    },
    'calendar-connections': {
      name: 'Calendar connection |||| Calendar connections',
      empty: 'No calendar has been connected yet.',
      search_placeholder: 'Google account',
      no_events: 'No events are held for this connection.',
      sections: {
        account: 'Google account',
        events: 'Events',
      },
      status: {
        active: 'Connected',
        revoked: 'Revoked',
        revoked_on: 'Revoked on %{date}',
      },
      tokens: {
        held: 'Held, encrypted, in use',
        none: 'None held',
        held_after_revocation: 'Held, unused, until %{date}',
        held_after_revocation_unscheduled: 'Held, unused, until the next sweep',
        revoked_held:
          'Revoked on %{revokedAt}: the tokens are still held, encrypted and no longer used, until the retention sweep deletes them on %{deletedAt} (retention register: “the OAuth token is invalidated at once”).',
        revoked_held_unscheduled:
          'Revoked on %{revokedAt}: the tokens are still held, encrypted and no longer used, until the next retention sweep deletes them. No sweep is scheduled: run one from Retention.',
      },
      scopes: {
        calendar: 'Calendar',
        calendar_readonly: 'Calendar (read only)',
        calendar_events: 'Events',
        calendar_events_readonly: 'Events (read only)',
        userinfo_email: 'Email address',
        userinfo_profile: 'Profile',
        openid: 'Sign-in (OpenID)',
      },
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        accountEmail: 'Google account',
        scopes: 'Permissions granted',
        holdsTokens: 'Access tokens',
        tokens: 'Access tokens (state)',
        tokensDeletedAt: 'Tokens deleted by the sweep on',
        status: 'Status',
        connectedAt: 'Connected',
        revokedAt: 'Revoked',
        ingestedAt: 'Received by the console',
        q: 'Search',
      },
    },
    'calendar-events': {
      name: 'Calendar event |||| Calendar events',
      empty: 'No calendar events have been received yet.',
      search_placeholder: 'Title or description',
      no_attendees: 'No attendees are listed.',
      more_attendees: 'and 1 more |||| and %{smart_count} more',
      sections: {
        event: 'Event',
        attendees: 'Attendees',
      },
      attendee: {
        name: 'Name',
        email: 'Email',
      },
      origins: {
        manual: 'Created by the user',
        system: 'Created by the system',
        imported: 'Imported from Google',
      },
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        connectionId: 'Calendar connection',
        origin: 'Origin',
        title: 'Title',
        description: 'Description',
        attendees: 'Attendees',
        startsAt: 'Starts',
        endsAt: 'Ends',
        ingestedAt: 'Received by the console',
        q: 'Search',
      },
    },
    consents: {
      name: 'Cookie consent |||| Cookie consents',
      empty: 'No cookie consents have been received yet.',
      search_placeholder: 'Consent ID or email',
      no_email: 'Not given',
      title: 'Consent · %{date}',
      granted: 'Granted',
      refused: 'Refused',
      only_necessary: 'Only necessary',
      policy_short: 'Policy',
      sections: {
        choice: 'Choice',
        visitor: 'Visitor',
        categories: 'Categories',
      },
      actions: {
        grant: 'Consent given',
        update: 'Choice changed',
        withdraw: 'Consent withdrawn',
      },
      categories: {
        necessary: 'Strictly necessary',
        functional: 'Functional',
        ai_chatbot: 'AI chatbot',
        statistics: 'Statistics',
        analytics: 'Analytics',
        marketing: 'Marketing',
      },
      fields: {
        id: 'ID',
        externalId: 'Website ID',
        consentId: 'Consent ID',
        email: 'Email',
        categories: 'Categories granted',
        action: 'Action',
        policyVersion: 'Policy version',
        doNotTrack: 'Do Not Track',
        recordedAt: 'Recorded',
        validUntil: 'Valid until',
        ingestedAt: 'Received by the console',
        q: 'Search',
      },
    },
    'access-logs': {
      name: 'Access-log line |||| Access logs',
      empty: 'No access-log lines have been received yet.',
      search_placeholder: 'Path',
      sections: {
        request: 'Request',
        visitor: 'Visitor',
      },
      fields: {
        id: 'Line #',
        externalId: 'Website ID',
        ip: 'IP address',
        userAgent: 'Browser (user agent)',
        path: 'Path',
        method: 'Method',
        status: 'Status',
        at: 'Date and time',
        q: 'Search',
      },
    },
    'api-keys': {
      name: 'API key |||| API keys',
      empty: 'No API keys yet.',
      invite: 'Create a key for the website to send its data.',
      search_placeholder: 'Name or prefix',
      fields: {
        id: 'ID',
        name: 'Name',
        prefix: 'Key',
        status: 'Status',
        createdAt: 'Created',
        lastUsedAt: 'Last used',
        revokedAt: 'Revoked',
        q: 'Search',
      },
    },
    users: {
      name: 'User |||| Users',
      empty: 'No users yet.',
      invite: 'Do you want to create the first account?',
      fields: {
        id: 'ID',
        email: 'Email',
        fullName: 'Full name',
        role: 'Role',
        active: 'Active',
        password: 'Password',
        createdAt: 'Created',
        updatedAt: 'Last updated',
        lastLoginAt: 'Last sign-in',
        language: 'E-mail language',
        q: 'Search',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit events',
      empty: 'The audit log is empty.',
      fields: {
        id: 'Event #',
        at: 'Date and time',
        actorId: 'Actor ID',
        actorEmail: 'Actor',
        action: 'Action',
        entity: 'Entity',
        entityId: 'Entity ID',
        details: 'Details',
        prevHash: 'Previous hash',
        hash: 'Hash',
        q: 'Search',
        at_gte: 'From',
        at_lte: 'Until',
      },
      actions: {
        auth: {
          login: 'Signed in',
          login_failed: 'Failed sign-in',
          logout: 'Signed out',
        },
        user: {
          created: 'User created',
          updated: 'User updated',
          deleted: 'User deleted',
          viewed: 'User viewed',
          sessions_viewed: 'Sessions of a user viewed',
        },
        users: {
          listed: 'Users listed',
        },
        reminders: {
          sent: 'Daily reminders sent',
        },
        api_key: {
          created: 'API key created',
          revoked: 'API key revoked',
        },
        data: {
          ingested: 'Data received',
        },
        subject: {
          searched: 'Person searched',
        },
        // Reads of personal data (issue 14): one event per page or record read.
        records: {
          listed: 'Records listed',
        },
        record: {
          viewed: 'Record viewed',
        },
        requests: {
          listed: 'Requests listed',
        },
        request: {
          viewed: 'Request viewed',
        },
        'request-events': {
          listed: 'Request timeline read',
        },
        recipients: {
          viewed: 'Art. 19 recipients viewed',
        },
        'audit-events': {
          listed: 'Audit log read',
        },
        'audit-event': {
          viewed: 'Audit event viewed',
        },
      },
      entities: {
        user: 'User',
        session: 'Session',
        api_key: 'API key',
        subject: 'Person',
        leads: 'Leads',
        'chat-conversations': 'Chat conversations',
        'chat-messages': 'Chat messages',
        'calendar-connections': 'Calendar connections',
        'calendar-events': 'Calendar events',
        consents: 'Cookie consents',
        'access-logs': 'Access logs',
        audit_event: 'Audit event',
      },
    },
  },
};

export type AppMessages = typeof appEnglish;

const en: TranslationMessages = {
  ...englishMessages,
  // Deep-merged: the request screens add to `app` and `resources` (requests/messages.en.ts).
  // The officer's screens of issues 16, 18 and 19: other mail, letter templates, whose data.
  ...(mergeTranslations(
    appEnglish,
    requestsEnglish,
    rightsEnglish,
    retentionEnglish,
    registersEnglish,
    breachesEnglish,
    otherMailEnglish,
    letterTemplatesEnglish,
    whoseDataEnglish,
    otherRequestsEnglish,
    // The audit log as a ledger (issue 23).
    auditEventsEnglish,
    // Packages published on the privacy portal (issue 20).
    packagesEnglish,
  ) as TranslationMessages),
};

export default en;
