/** Whose data (issue 16) on the find-person page, and the chat's visitor; deep-merged into `i18n/en.ts`. */
export const whoseDataEnglish = {
  app: {
    find_person: {
      erased: {
        title: 'Erased on %{date} by request %{reference}',
        title_running: 'Erasure under way since %{date}, by request %{reference}',
        request: 'the erasure request',
        request_gone: 'a request no longer in the console',
        help: 'This identifier is on the suppression list: the sources hold nothing of the person any more, and whatever they send of them is refused. The request keeps the proof of what was asked and done.',
        refused:
          'Since then a source sent their data once: refused. |||| Since then the sources sent their data %{smart_count} times: refused.',
      },
      correct: 'Correct',
      correct_help: 'Correct whose this record is for the index',
      correct_title: 'Whose is this identifier in this record?',
      correct_intro:
        'The index says whether an identifier is the record’s owner’s or only names someone else. Your correction stays through every re-indexing and is recorded in the audit log.',
      correct_entry: 'Identifier',
      correct_role: 'In this record it is',
      correct_reason: 'Why (for the audit log)',
      corrected: 'Corrected: the search was run again',
      roles: {
        owner: 'The owner’s: the record is this person’s',
        mention: 'A mention: the record is someone else’s and names this person',
      },
      reindex: 'Rebuild the index',
      reindex_title: 'Rebuild the search index?',
      reindex_content:
        'Every stored record is indexed again under the current rules of whose each identifier is (after an upgrade that changed them). The officers’ corrections stay. It can take a while on a large database and is recorded in the audit log.',
      reindexed: 'The index was rebuilt',
    },
  },
  resources: {
    'chat-conversations': {
      fields: { visitorName: 'Visitor’s name', visitorEmail: 'Visitor’s e-mail' },
      sections: { visitor: 'Who the visitor said they are' },
    },
  },
};
