/**
 * The packages published on the privacy portal (docs/portal.md): the request page's card, the
 * timeline's lines, the audit log's words and the API's refusals. Deep-merged into the console's
 * messages (i18n/en.ts); its shape is the contract for `messages.it.ts`.
 */
export const packagesEnglish = {
  app: {
    requests: {
      packages: {
        title: 'Package on the privacy portal',
        subtitle:
          'The data package given to the subject (GDPR Art. 15(3), 20): a personal link by e-mail that expires, downloaded with a one-time code',
        none: 'Not published to the subject yet.',
        verify_first: 'Verify the subject’s identity first: only then can the package be published.',
        kinds: { access: 'access', portability: 'portability' },
        publish: 'Publish the %{kind} package to the subject',
        publish_dialog: {
          title: 'Publish the %{kind} package to the subject?',
          description:
            'The package is made now and an e-mail in %{language} goes to %{email} with a personal link valid for one day, until %{until}. To download it, the subject enters a one-time code sent to that address. Once the link expires or is withdrawn, the stored file is deleted. |||| The package is made now and an e-mail in %{language} goes to %{email} with a personal link valid for %{smart_count} days, until %{until}. To download it, the subject enters a one-time code sent to that address. Once the link expires or is withdrawn, the stored file is deleted.',
          confirm: 'Publish and send the e-mail',
        },
        published_done: 'Package published: the e-mail with the link went to %{email}',
        states: { open: 'Open', expired: 'Expired', withdrawn: 'Withdrawn' },
        published: 'Published to %{email} on %{date} by %{by}',
        expires: 'The link opens until %{date}',
        expired_on: 'The link was valid until %{date}',
        would_expire: 'The link would have opened until %{date}',
        letter: { sent: 'e-mail sent', queued: 'e-mail being sent', failed: 'e-mail not sent yet (see Letters)' },
        withdrawn: 'Withdrawn on %{date} by %{by}',
        file_deleted: 'Stored file deleted on %{date}',
        no_downloads: 'Not downloaded yet.',
        downloads: 'Downloaded once: |||| Downloaded %{smart_count} times:',
        download_line: '%{date}, %{size}',
        download_cut: '%{date}: interrupted after %{size}',
        withdraw: 'Withdraw',
        withdraw_dialog: {
          title: 'Withdraw the publication?',
          description:
            'The link sent to %{email} stops working at once and the stored file %{file} is deleted. The subject is not told: write to them if they should know.',
          confirm: 'Withdraw and delete the file',
        },
        withdrawn_done: 'Publication withdrawn: %{file} deleted',
      },
      refusals: {
        reasons: {
          package_kind_mismatch: 'This request asks for another right: publish the package of its own right.',
          package_no_email: 'The request has no e-mail address: record the subject’s address first.',
          package_already_published: 'This package is already published: withdraw it before publishing it again.',
          package_not_made: 'The package could not be made: see the timeline for why.',
          package_already_withdrawn: 'This publication was already withdrawn.',
          package_expired: 'This publication’s link has already expired.',
          sending_not_configured: 'Sending e-mail is not configured (SMTP_URL, MAIL_FROM): nothing can be published.',
        },
      },
    },
  },
  resources: {
    requests: {
      events: {
        package_published: 'Package published on the portal',
        package_downloaded: 'Package downloaded by the subject (portal)',
        package_download_interrupted: 'Portal download interrupted',
        package_withdrawn: 'Package withdrawn from the portal',
        package_deleted: 'Portal package file deleted',
      },
    },
    'audit-events': {
      actions: {
        request: {
          package_published: 'Package published on the portal',
          package_withdrawn: 'Package withdrawn from the portal',
          package_downloaded: 'Package downloaded by the subject (portal)',
          package_download_interrupted: 'Portal download interrupted',
        },
        portal_packages: { viewed: 'Portal packages of a request read' },
        portal: {
          package_code_sent: 'Portal: download code sent',
          package_code_wrong: 'Portal: wrong download code entered',
        },
        'retention.portal_packages_deleted': 'Files of expired portal packages deleted',
      },
      entities: {
        portal_package: 'Portal package',
      },
    },
  },
};

export type PackagesMessages = typeof packagesEnglish;
