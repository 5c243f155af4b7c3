/**
 * The mailbox's look-ups that run for every message or every reading, on tables that grow with
 * every message received: each is served by an index (`tests/api/growing-tables.test.ts` plans
 * them on grown tables).
 */

/**
 * The request a message's thread names ($1: its Message-IDs as `<id>`, $2: the same bare): a
 * message imported from the mailbox, the .eml a request was made from, a letter the officer sent.
 */
export const REQUEST_OF_THREAD_SQL = `
  SELECT request_id FROM mailbox_messages WHERE message_id = ANY($1::text[]) AND request_id IS NOT NULL
  UNION ALL SELECT id FROM requests WHERE email_message_id = ANY($1::text[]) OR email_message_id = ANY($2::text[])
  UNION ALL SELECT request_id FROM letters WHERE message_id = ANY($1::text[])
  LIMIT 1`;

/** The stored messages not filed yet, oldest first: `only` those of $1, or all `except` those. */
export function unfiledMessagesSql(which: 'only' | 'except'): string {
  return `SELECT id FROM mailbox_messages WHERE filed_at IS NULL
    AND ${which === 'only' ? 'id = ANY($1::uuid[])' : 'NOT (id = ANY($1::uuid[]))'} ORDER BY imported_at, uid`;
}
