/**
 * The messages of what the officer does to the subject's data from the request page (erasure,
 * rectification, restriction, objection, withdrawal, Art. 19 recipients), deep-merged into
 * `i18n/en.ts`. Their shape is the contract for `messages.it.ts` (typed against it).
 */
export const rightsEnglish = {
  app: {
    requests: {
      rights: {
        verify_first: 'Verify the subject’s identity first: their data cannot be changed before.',
        error: 'The state could not be loaded.',
        ips: 'IP addresses the person gave (optional)',
        ips_help:
          'Access-log lines are linked to a person only by IP address. Separate the addresses with commas or spaces.',
        records: '1 record |||| %{smart_count} records',
        sources_count: '1 source |||| %{smart_count} sources',
        show_all: 'Show all %{smart_count}',
        show_less: 'Show fewer',
        more: 'and %{count} more, not listed',
        per_source: '%{source}: %{count}',
        erasure: {
          title: 'Erasure',
          subtitle: 'GDPR Art. 17: every source, record by record',
          not_started:
            'Nothing has been erased yet. Preview what the erasure would change in each source, then run it. The request can be closed once the erasure is complete.',
          not_started_readonly: 'The erasure has not been run.',
          preview: 'Preview erasure',
          run_again: 'Run again',
          waive: 'Record why not',
          started: 'Started %{date}',
          complete: 'Erasure complete on %{date}.',
          complete_open: 'Erasure complete on %{date}: the request can be closed.',
          incomplete:
            'Not complete: 1 source failed. Run the erasure again (only what is not done is repeated), or record why it cannot be done. The request cannot be closed until then. |||| Not complete: %{smart_count} sources failed. Run the erasure again (only what is not done is repeated), or record why they cannot be done. The request cannot be closed until then.',
          close_blocked: 'Run the erasure first: an erasure request can be closed once the erasure is complete.',
          ran_complete: 'Erasure of %{reference} complete',
          ran_incomplete: 'Erasure of %{reference} not complete: a source failed',
          attempts: '1 attempt |||| %{smart_count} attempts',
          affected: '1 record changed |||| %{smart_count} records changed',
          waived_because: 'Not erased: %{reason}',
          status: {
            done: 'Done',
            failed: 'Failed',
            waived: 'Waived',
            pending: 'Not run',
          },
          dialog: {
            title: 'Erase the data of %{reference}',
            result_title: 'Erasure of %{reference}',
            intro: 'What the erasure would change, source by source. Nothing has changed yet.',
            intro_resumed: 'What is left to erase, source by source.',
            found_through:
              'Found through %{emails} and %{phones}, which go on the suppression list: the website cannot send the person again.',
            found_through_one:
              'Found through %{identifiers}, which goes on the suppression list: the website cannot send the person again.',
            emails: '1 e-mail |||| %{smart_count} e-mails',
            phones: '1 phone number |||| %{smart_count} phone numbers',
            ips_fixed: 'IP addresses were fixed at the first run and cannot be changed.',
            update_preview: 'Update the preview',
            update_first: 'Update the preview to include the IP addresses before erasing.',
            nothing: 'Nothing held',
            no_ips: 'Nothing, as no IP address was given',
            total: '%{records} in %{sources}',
            nothing_at_all:
              'The console holds nothing about the person. Run the erasure anyway: it records that nothing was held and puts the person’s e-mail and phone on the suppression list.',
            erase_now: 'Erase now',
            confirm_title: 'Erase the data of %{reference} now?',
            confirm_content:
              '%{records} in %{sources} will be deleted, masked or unlinked as listed, and the person’s e-mails and phones added to the suppression list. This cannot be undone.',
            confirm: 'Erase now',
            result_complete: 'Erasure complete: every source is done.',
            result_incomplete:
              'Not complete: a source failed. Close this window, then run the erasure again or record why it cannot be done.',
          },
          strategies: {
            'calendar-events':
              'Events of the person’s own calendar are deleted; on a colleague’s event the person is removed from the attendees, title and description.',
            'calendar-connections':
              'The access is revoked at Google, then the connection, its encrypted tokens and its events are deleted.',
            'chat-conversations':
              'Kept for statistics, with the person’s e-mails, phone numbers and names masked (“[…]”) in every message.',
            consents: 'Kept as proof of consent (Art. 7(1)), with the e-mail removed.',
            'access-logs': 'The lines of the IP addresses given are deleted.',
            leads: 'Deleted: nothing to keep once erased.',
          },
          actions: {
            delete: 'Delete',
            mask: 'Mask',
            unlink: 'Remove e-mail',
            revoke_and_delete: 'Revoke and delete',
            remove_attendee: 'Remove the person',
            mask_mention: 'Mask the person only (someone else’s record)',
          },
          waive_dialog: {
            title: 'Record why %{source} cannot be erased',
            description:
              'The reason is kept on the timeline and in the audit log, and the request can then be closed. Say what was tried and what the person was told.',
            error: 'Last error: %{error}',
            reason: 'Reason',
            reason_help: 'At least 10 characters.',
            confirm: 'Record the reason',
            done: 'Reason recorded: %{source} waived',
          },
        },
        review: {
          title: 'Records that mention the person',
          subtitle:
            'GDPR Art. 15(4): other people’s records that name the person, and records they share, are never exported automatically',
          none: 'No record of someone else mentions the person, and they share none.',
          explain:
            'Include an excerpt only of what is about the person: other people’s e-mails and phone numbers, and the sentences about them, are taken out by the console. The decision goes on the timeline; included excerpts go into the access package (excerpts.txt).',
          relations: { own: 'Own record', shared: 'Shared with others', mention: 'Mentions the person' },
          relations_help: {
            own: 'The person’s own record',
            shared:
              'The person and someone else both own this record (several attendees, a shared phone): not exported automatically',
            mention: 'Someone else’s record that names the person: not exported automatically',
          },
          other_participants: '1 other participant |||| %{smart_count} other participants',
          no_passage: 'No sentence of it names the person: write the excerpt yourself if something of it is theirs.',
          excerpt: 'Excerpt to include',
          excerpt_help: 'Other people’s identifiers and the sentences about them are removed when saved.',
          include: 'Include excerpt',
          exclude: 'Leave out',
          included: 'Included %{date} by %{by}',
          excluded: 'Left out %{date} by %{by}',
          saved: 'Decision recorded on the timeline',
        },
        recipients: {
          title: 'Recipients to notify (Art. 19)',
          subtitle: 'The processors that receive the data this request changed, each with a notice ready to send',
          none: 'No processor receives the data this request changed.',
          activities: 'Activities',
          categories: 'Data',
          contact: 'Contact',
          show_notice: 'Show the notice',
          hide_notice: 'Hide the notice',
          copy: 'Copy the notice',
          copied: 'Notice for %{name} copied to the clipboard',
          copy_failed: 'The notice could not be copied: select it and copy it by hand.',
          changes: {
            erasure: 'Erasure',
            rectification: 'Rectification',
            restriction: 'Restriction',
          },
          transfers: {
            none: 'No transfer outside the EU',
            scc: 'Standard Contractual Clauses',
            dpf: 'EU-US Data Privacy Framework',
            scc_dpf: 'SCC + EU-US Data Privacy Framework',
            other: 'Other safeguard (see the register)',
          },
        },
        rectification: {
          title: 'Rectification',
          subtitle: 'GDPR Art. 16: the contact-form records are corrected in place',
          button: 'Rectify',
          none_yet: 'Nothing corrected yet.',
          last: 'Corrected %{date}',
          dialog: {
            title: 'Rectify the data of %{reference}',
            description:
              'Fill in only what changes; leave the rest empty. Every contact-form record of the person is corrected, a new e-mail also on their cookie-consent records, and the search follows. Before and after go on the timeline and in the audit log.',
            confirm: 'Rectify',
            at_least_one: 'Give at least one corrected value.',
            result: '1 record corrected. |||| %{smart_count} records corrected.',
            unchanged: 'Nothing to change: the records already hold these values.',
          },
          table: {
            source: 'Source',
            field: 'Field',
            before: 'Before',
            after: 'After',
          },
          done: '%{reference}: 1 record corrected |||| %{reference}: %{smart_count} records corrected',
        },
        restriction: {
          title: 'Restriction of processing',
          subtitle: 'GDPR Art. 18: the records are kept but not used, and never swept',
          in_force: 'Restricted since %{date}.',
          not_in_force: 'Processing is not restricted.',
          lifted: 'Restriction lifted on %{date}.',
          restrict: 'Restrict processing',
          lift: 'Lift restriction',
          restrict_dialog: {
            title: 'Restrict the processing for %{reference}',
            description:
              'Every record of the person is flagged: kept, shown as restricted on every screen, skipped by the retention sweep. New data sent for their e-mails, phones or IP addresses arrives flagged.',
            confirm: 'Restrict processing',
          },
          lift_dialog: {
            title: 'Lift the restriction of %{reference}',
            description:
              'The flags this request put are removed. GDPR Art. 18(3): tell the person before the restriction is lifted, and say so in the reason.',
            reason: 'Reason',
            reason_help: 'At least 10 characters, for example “Accuracy verified; subject told on 23 November”.',
            confirm: 'Lift restriction',
            subject_told_at: 'Subject told on',
            subject_told_at_help:
              'When the person was told that the restriction will be lifted (GDPR Art. 18(3)): required, not in the future.',
          },
          done: '%{reference}: 1 record restricted |||| %{reference}: %{smart_count} records restricted',
          lifted_done: '%{reference}: restriction lifted',
        },
        withdrawal: {
          title_consent_withdrawal: 'Withdrawal of consent',
          title_objection: 'Objection',
          subtitle_consent_withdrawal: 'GDPR Art. 7(3): the processing based on consent stops',
          subtitle_objection: 'GDPR Art. 21: the processing based on legitimate interests stops',
          button: 'Stop processing',
          none_yet: 'Nothing recorded yet.',
          last: 'Recorded %{date} · consent ID %{consentId}',
          dialog: {
            title: 'Stop processing for %{reference}',
            description_consent_withdrawal:
              'Choose the processing to stop; the activities based on consent are selected. A withdrawal is recorded in the cookie-consent records, with the chosen categories refused: the banner and the auditor read it as the proof.',
            description_objection:
              'Choose the processing to stop; the activities based on legitimate interests are selected. The objection is recorded in the cookie-consent records, with the chosen categories refused: the banner and the auditor read it as the proof.',
            activities: 'Processing activities',
            no_activities: 'The register lists no processing activity.',
            at_least_one: 'Choose at least one activity.',
            confirm: 'Stop processing',
            result: 'Recorded as a withdrawal in the cookie-consent records (consent ID %{consentId}).',
          },
          table: {
            activity: 'Activity',
            legal_basis: 'Legal basis',
            banner: 'Banner now refuses',
            held: 'Records held',
          },
          no_banner_category: '—',
          held_help: 'Records in the activity’s source: erase or restrict them as the next step.',
          done: '%{reference}: 1 processing stopped |||| %{reference}: %{smart_count} processing activities stopped',
        },
        legal_bases: {
          consent: 'Consent',
          contract: 'Contract',
          legal_obligation: 'Legal obligation',
          vital_interests: 'Vital interests',
          public_task: 'Public task',
          legitimate_interests: 'Legitimate interests',
        },
        consent_categories: {
          contact_form: 'Contact form',
        },
      },
      timeline: {
        erasure_plan: 'To change: %{sources}',
        erasure_nothing: 'Nothing held in any source',
        suppressed:
          '1 e-mail or phone added to the suppression list |||| %{smart_count} e-mails and phones added to the suppression list',
        source_done: '%{source}: 1 record changed |||| %{source}: %{smart_count} records changed',
        source_failed: '%{source}: failed (attempt %{attempt})',
        source_waived: '%{source}: not erased',
        late: 'Arrived during the erasure',
        completed_total: '1 record changed in all |||| %{smart_count} records changed in all',
        waived_sources: 'Waived: %{sources}',
        rectified_change: '%{source} · %{field}: %{before} → %{after}',
        restricted_sources: 'Restricted: %{sources}',
        restricted_nothing: 'No record found to restrict',
        lifted_sources: 'Unflagged: %{sources}',
        effect: '%{activity} (%{basis})',
        effect_banner: 'the banner refuses %{category}',
        effect_held: '1 record held |||| %{smart_count} records held',
        consent_id: 'Consent ID %{consentId}',
      },
    },
  },
  resources: {
    requests: {
      events: {
        erasure_started: 'Erasure started',
        erasure_resumed: 'Erasure run again',
        erasure_source_done: 'Source erased',
        erasure_source_failed: 'Source failed',
        erasure_waived: 'Source waived',
        erasure_completed: 'Erasure complete',
        rectified: 'Data rectified',
        restricted: 'Processing restricted',
        restriction_lifted: 'Restriction lifted',
        consent_withdrawn: 'Consent withdrawn',
        objection_recorded: 'Objection recorded',
      },
    },
    'audit-events': {
      actions: {
        erasure: {
          previewed: 'Erasure previewed',
          started: 'Erasure started',
          source_erased: 'Source erased',
          source_failed: 'Erasure of a source failed',
          calendar_revoked: 'Calendar access revoked',
          waived: 'Erasure of a source waived',
          completed: 'Erasure complete',
        },
        subject: {
          rectified: 'Data rectified',
          restricted: 'Processing restricted',
          restriction_lifted: 'Restriction lifted',
          consent_withdrawn: 'Consent withdrawn',
          objection_recorded: 'Objection recorded',
        },
      },
    },
  },
};

export type RightsMessages = typeof rightsEnglish;
