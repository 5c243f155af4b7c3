/** The request page's "Other requests from this person" (issue 23); deep-merged into `i18n/en.ts`. */
export const otherRequestsEnglish = {
  app: {
    requests: {
      other_requests: {
        title: 'Other requests from this person',
        subheader: 'Same e-mail or phone as this request, open or closed (Art. 12(3) and (5) GDPR).',
        summary:
          'One other request: answer knowing what was asked and done. |||| %{smart_count} other requests: answer knowing what was asked and done.',
        summary_open:
          'One other request, still open: check it is not the same request. |||| %{smart_count} other requests, %{open} still open: check this is not one of them again.',
        received: 'received on %{date}',
        closed: 'closed on %{date}',
        matched: {
          email: 'same e-mail',
          phone: 'same phone',
          email_phone: 'same e-mail and phone',
        },
        imported_again:
          'This same e-mail was imported again on %{date}: nothing new was created, the deadlines are unchanged. |||| This same e-mail was imported again %{smart_count} times, last on %{date}: nothing new was created, the deadlines are unchanged.',
        error: 'The other requests from this person could not be looked up.',
      },
    },
  },
};
