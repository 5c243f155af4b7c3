/** The other mail of privacy@ (issue 19), deep-merged into `i18n/en.ts`; the contract for `messages.it.ts`. */
export const otherMailEnglish = {
  app: { menu: { other_mail: 'Other mail' } },
  resources: {
    'other-mail': {
      name: 'Other mail |||| Other mail',
      empty: 'No other mail: every message of privacy@ was a request or a reply.',
      no_deadline:
        'Messages of privacy@ that no person wrote (auto-replies, delivery reports, list mail), that could not be read, or whose writer asks no right (a complaint to the supervisory authority, a question). They have no legal deadline; make one a request if it does ask for a right.',
      fields: {
        fromAddress: 'From',
        subject: 'Subject',
        receivedAt: 'Received',
        kind: 'Kind',
        reason: 'Why it is not a request',
        requestId: 'Request',
        madeRequestBy: 'Made a request by',
        q: 'Search',
      },
      kinds: {
        auto_reply: 'Automatic reply',
        delivery_report: 'Delivery report (bounce)',
        list_mail: 'Mailing-list mail',
        unreadable: 'Could not be read',
        no_request: 'Asks no right',
      },
      reasons: {
        no_right: 'No right is asked in the writer’s own words.',
        complaint: 'A complaint to a supervisory authority: “%{words}”',
      },
      made_request: 'Made a request',
      make_request: 'Make it a request',
      make_request_title: 'Make this message a request?',
      make_request_content:
        'It is a request after all: it becomes a data-subject request, and its legal deadline runs from the day the message was received.',
      made: 'The request was made',
      download: 'Download the message (.eml)',
      download_help: 'The message exactly as it arrived; the download is recorded in the audit log.',
      text_in_raw:
        'The text of the message is kept only in the sealed original: download it to read it in a mail client. Each download is recorded in the audit log.',
      status: {
        not_configured: 'The console does not read the privacy@ mailbox (IMAP_URL is not set).',
        never_read: 'Mailbox %{host} / %{folder}: not read yet.',
        last_read:
          'Mailbox %{host} / %{folder}: last read %{when} (new requests: %{requests}, replies: %{replies}, other mail: %{other}).',
        read_now: 'Read now',
        read_done: 'Mailbox read. New requests: %{requests}, replies: %{replies}, other mail: %{other}.',
        skipped: 'Another console is reading the mailbox right now.',
      },
    },
  },
};
