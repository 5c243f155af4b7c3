/**
 * The request's file for accountability (docs/requests.md § The request's file), merged into the
 * request screens' messages as `app.requests.file`. Its shape is the contract for `messages.it.ts`.
 */
export const requestFileEnglish = {
  open: 'Request file',
  title: 'Request file %{reference}',
  subtitle: 'Everything done for this request, for accountability (Art. 5(2) and 24 GDPR)',
  generated: 'Generated on %{at} by %{who}, from the console’s records.',
  print: 'Print or save as PDF',
  back: 'Back to the request',
  loading: 'Gathering the request’s records…',
  error: 'The request’s file could not be gathered. Reload the page to try again.',
  request: {
    title: 'The request',
  },
  decisions: {
    title: 'Decisions',
    none: 'No decision recorded yet.',
    when: 'When',
    who: 'Who',
    decision: 'Decision',
    reason: 'Reason or effect',
  },
  letters: {
    title: 'Letters',
    none: 'No letter written.',
    when: 'Written',
    sent: 'Sent',
    to: 'To',
    subject: 'Subject',
    state: 'State',
    not_sent: 'not sent',
  },
  packages: {
    title: 'Packages handed over',
    none: 'No package was downloaded.',
    when: 'Downloaded',
    who: 'By',
    kind: 'Package',
    size: 'Size',
    checksum: 'SHA-256 of the ZIP',
    kinds: {
      access: 'Access (Art. 15)',
      portability: 'Portability (Art. 20)',
    },
  },
  audit: {
    title: 'Audit log',
    explain:
      'The audit log’s events about this request, each with its position in the hash chain. Anyone with the log can recompute each event’s hash from the one before.',
    none: 'No event of the audit log names this request.',
    id: 'Event',
    at: 'When',
    who: 'Who',
    action: 'Action',
    hash: 'Hash (SHA-256)',
    reads: 'Reads of the request page, not listed one by one: %{count}.',
    chain_intact:
      'At generation, the whole chain of %{count} events was recomputed and found intact, up to the signed checkpoint of event %{lastId}.',
    chain_broken: 'At generation, the chain was found broken at event %{id}: %{reason}.',
    chain_unknown: 'The chain could not be checked at generation.',
    chain_verifying:
      'Recomputing the whole chain of the audit log to check that it is intact… The file can be printed once this is done.',
  },
  timeline: {
    title: 'Timeline',
  },
};

export type RequestFileMessages = typeof requestFileEnglish;
