import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/**
 * The application's own messages. Their shape is the contract for every
 * other language: `it.ts` is typed against `AppMessages`, so a missing or
 * misspelt key fails the type check.
 */
export const appEnglish = {
    app: {
        name: 'Privacy Console',
        tagline: 'GDPR compliance workspace',
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
            welcome: {
                title: 'Welcome, %{name}',
                body: 'This console is where the privacy team handles GDPR obligations: answering data-subject requests on time and keeping a tamper-evident record of every action taken.',
                signed_in_as: 'Signed in as',
                today: 'Today is %{date}.',
                open_audit_log: 'Open the audit log',
                manage_users: 'Manage users',
            },
            integrity: {
                title: 'Audit log integrity',
                description:
                    'Each audit event is sealed with a SHA-256 hash of the one before it, so any alteration breaks the chain.',
                checking: 'Verifying the hash chain…',
                intact: 'Intact — %{smart_count} event checked |||| Intact — %{smart_count} events checked',
                broken: 'Broken at event #%{id}: %{reason}',
                broken_no_id: 'Broken: %{reason}',
                unknown_reason: 'no reason given',
                events_checked: 'Events checked',
                algorithm: 'Algorithm',
                last_verified: 'Last verified',
                verify_again: 'Verify again',
                error: 'The verification could not be run. Please try again later.',
                reasons: {
                    hash_mismatch: 'the stored hash does not match the event content',
                    prev_hash_mismatch: 'the link to the previous event does not match',
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
            no_details: 'No details recorded',
            chain: 'Hash chain',
            event: 'Event',
        },
        users: {
            never: 'Never',
            password_create_help: 'At least 12 characters.',
            password_edit_help: 'Leave blank to keep the current password.',
            status: 'Status',
        },
    },
    resources: {
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
                },
            },
            entities: {
                user: 'User',
                session: 'Session',
            },
        },
    },
};

export type AppMessages = typeof appEnglish;

const en: TranslationMessages = {
    ...englishMessages,
    ...appEnglish,
};

export default en;
