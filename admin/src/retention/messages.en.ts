/**
 * The retention screen's messages, deep-merged into `i18n/en.ts`.
 * Their shape is the contract for `messages.it.ts` (typed against it).
 */
export const retentionEnglish = {
  app: {
    menu: {
      retention: 'Retention sweep',
    },
    retention: {
      title: 'Retention sweep',
      intro:
        'Records kept longer than the retention policies allow, counted per policy, oldest first. A sweep deletes or anonymises them as each policy says. Records under restriction (Art. 18) are never touched; cookie consents lapse and are kept as proof of consent.',
      refreshed: 'Counted %{date}',
      refresh: 'Count again',
      error: 'The report could not be loaded. Please try again.',
      schedule: {
        on: 'Runs on its own %{when}; next run %{date}.',
        off: 'The daily sweep is off: run it from here.',
      },
      last_sweep: {
        none: 'No sweep has run yet.',
        completed: 'Last sweep %{date}: %{count} record changed. |||| Last sweep %{date}: %{count} records changed.',
        failed: 'Last sweep %{date} failed: %{error}',
        running: 'A sweep started %{date} is running.',
      },
      summary: {
        due: 'Past retention',
        due_help: 'to delete or anonymise',
        restricted: 'Kept: restricted',
        restricted_help: 'never swept (Art. 18)',
        lapsed: 'Lapsed consents',
        lapsed_help: 'kept as proof',
      },
      buttons: {
        dry_run: 'Dry run',
        sweep: 'Sweep now',
      },
      confirm: {
        title: 'Sweep the records past retention?',
        body: 'This deletes or anonymises %{count} record now, as the retention policies say. It cannot be undone. Restricted records and cookie consents are kept. |||| This deletes or anonymises %{count} records now, as the retention policies say. It cannot be undone. Restricted records and cookie consents are kept.',
        nothing: 'The report counts no record past retention: the sweep will most likely change nothing.',
        confirm: 'Sweep now',
      },
      report: {
        policy: 'Policy',
        source: 'Source',
        cutoff: 'Older than',
        past: 'Past retention',
        oldest: 'Oldest',
        restricted: 'Restricted, kept',
        outcome: 'What a sweep does',
        not_applicable: '—',
        date_fields: {
          submittedAt: 'submitted before',
          lastActivity: 'last message before',
          revokedAt: 'disconnected before',
          endsAt: 'ended before',
          validUntil: 'validity ended before',
          at: 'logged before',
        },
        states: {
          no_period: 'No period set: the policy states none.',
          not_held: 'Not held in the console.',
          unknown_source: 'Unknown source “%{source}”: nothing is swept.',
          console_rule: 'Applied by the console itself, not by the sweep.',
          unsupported_action: 'The action does not apply to this source: nothing is swept.',
        },
        effects: {
          delete: 'Deletes them',
          anonymise: 'Anonymises them',
          keep: 'Nothing: consents lapse and are kept as proof',
          none_due: 'nothing past retention now',
        },
      },
      actions: {
        delete: 'Delete',
        anonymise: 'Anonymise',
        expire: 'Expire',
        aggregate_only: 'Aggregate only',
      },
      sources: {
        leads: 'Contact-form leads',
        'chat-conversations': 'AI-chat conversations',
        'calendar-connections': 'Calendar connections',
        'calendar-events': 'Calendar events',
        consents: 'Cookie consents',
        'access-logs': 'Access logs',
        mailbox: 'Other mail',
        requests: 'Requests',
        'suppressed-identifiers': 'Suppression list',
      },
      result: {
        dry_title: 'Dry run: nothing was changed',
        dry_body:
          'A sweep now would delete or anonymise 1 record. |||| A sweep now would delete or anonymise %{count} records.',
        done_title: 'Sweep completed',
        done_body:
          '1 record deleted or anonymised in %{duration}. |||| %{count} records deleted or anonymised in %{duration}.',
        failed_title: 'The sweep failed',
        failed_body: '%{error} What the finished batches changed is done: run the sweep again to finish.',
        close: 'Close',
        policy: 'Policy',
        status: 'Outcome',
        due: 'Past retention',
        changed: 'Changed',
        restricted: 'Restricted, kept',
        index_rows: 'Index rows removed',
        batches: 'Batches',
        revoked_tokens:
          'Tokens of 1 revoked calendar connection deleted |||| Tokens of %{smart_count} revoked calendar connections deleted',
        revoked_tokens_dry:
          'A sweep now would delete the tokens of 1 revoked calendar connection |||| A sweep now would delete the tokens of %{smart_count} revoked calendar connections',
      },
      statuses: {
        done: 'Done',
        previewed: 'Would change',
        kept: 'Kept',
        skipped: 'Not applicable',
        failed: 'Failed',
        not_reached: 'Not reached',
      },
      history: {
        title: 'Sweeps',
        subtitle: 'Every sweep and dry run, newest first. Open one to see what it did per policy.',
        started: 'Started',
        kind: 'Run',
        trigger: 'Started by',
        status: 'Status',
        records: 'Records',
        duration: 'Duration',
        dry_run: 'Dry run',
        sweep: 'Sweep',
        schedule: 'Schedule',
        empty: 'No sweep or dry run yet.',
        sweep_status: {
          running: 'Running',
          completed: 'Completed',
          failed: 'Failed',
        },
      },
      conflict: 'Another sweep is running: wait for it to finish.',
    },
  },
  resources: {
    'audit-events': {
      actions: {
        'retention.sweep_previewed': 'Retention dry run',
        'retention.sweep_started': 'Retention sweep started',
        'retention.swept': 'Retention sweep completed',
        'retention.sweep_failed': 'Retention sweep failed',
        'retention.revoked_tokens_deleted': 'Tokens of revoked calendar connections deleted',
      },
      entities: {
        retention_sweep: 'Retention sweep',
      },
    },
  },
};

export type RetentionMessages = typeof retentionEnglish;
