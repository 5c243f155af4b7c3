import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The processing the record of processing did not list (issue 18): the Calendly appointment
 * booking, the console's own handling of data-subject requests, the suppression list and the
 * audit log, with their public texts in Italian and English and the officer's notes apart.
 *
 * Retention is recorded only where a document or the console's own configuration states it
 * (other mail: OTHER_MAIL_RETENTION_DAYS; identity documents: until the request is closed;
 * the suppression list: as long as the erasure must be honoured). Where nothing states it the
 * activity has no retention policy: the register and the dashboard show it as missing, for the
 * officer to set. Idempotent: a row that exists (same key, same activity name) is left as the
 * officer has it.
 */

// key, name, source, days, text, text it, text en, action, basis, notes
const RETENTION: Array<[string, string, string, number | null, string, string, string, string, string, string]> = [
  [
    'other-mail',
    'Other mail at the privacy address (not a request)',
    'mailbox',
    90,
    '90 days from receipt (OTHER_MAIL_RETENTION_DAYS)',
    '90 giorni dalla ricezione',
    '90 days from receipt',
    'delete',
    'Console configuration: OTHER_MAIL_RETENTION_DAYS (90 days by default), docs/mailbox.md',
    'Applied by the mailbox reader, not by the retention sweep. If OTHER_MAIL_RETENTION_DAYS is changed, change this entry too.',
  ],
  [
    'identity-documents',
    'Identity documents sent with a request',
    'requests',
    null,
    'Until the request is closed or refused; then the content is destroyed',
    'Fino alla chiusura o al rifiuto della richiesta; poi il contenuto del documento viene distrutto',
    'Until the request is closed or refused; then the content of the document is destroyed',
    'delete',
    'Console: identity documents kept as evidence (Art. 12(6), Art. 5(1)(c) and (e) GDPR), docs/requests.md',
    'Applied by the console when the request is closed or refused. Its name, size and checksum stay with the request as evidence.',
  ],
  [
    'suppression-list',
    'Suppression list of erased persons',
    'suppressed-identifiers',
    null,
    'As long as needed to honour the erasure',
    'Per il tempo necessario a rispettare la cancellazione',
    'As long as needed to honour the erasure',
    'delete',
    'Console: erasure (Art. 17 and Art. 6(1)(c) GDPR), docs/erasure.md',
    'No end date is set: an entry is needed as long as the website may send the person’s data again.',
  ],
];

// name, purposes (en = base), purposes it, basis, consent category, basis notes, internal notes,
// subjects, data, retention key (null: missing), transfers, security, processors
type Activity = [
  string,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string[],
];
const ACTIVITIES: Activity[] = [
  [
    'Appointment booking (Calendly)',
    'Book appointments with Vimage through the Calendly booking widget on the website',
    'Prenotare appuntamenti con Vimage tramite il widget di prenotazione Calendly sul sito',
    'consent',
    'functional',
    'The booking widget (Calendly popup) is a third-party functional service, loaded only with consent to the "Functional" category of the cookie preferences panel (cookie policy, sections 3 and 4)',
    'The privacy policy (11 June 2026) names Calendly LLC only in the sub-processor table of section 5 ("Appointment booking", USA, SCC + EU-US Data Privacy Framework): section 2 does not describe the booking (data, purpose, legal basis, retention). The data categories are those of the processor register. The cookie policy says no third-party functional cookies are active, yet lists Calendly as Functional. Retention: stated nowhere, to be set by the controller.',
    '{Website visitors who book an appointment}',
    '{Name,E-mail address,Appointment details}',
    null,
    'Calendly LLC (USA): SCC + EU-US Data Privacy Framework',
    null,
    ['Calendly LLC'],
  ],
  [
    'Data-subject requests',
    'Receive, verify and answer requests to exercise data-protection rights (Art. 12-22 GDPR); keep the letters sent and received and the identity documents needed to verify the requester; prove how each request was handled',
    "Ricevere, verificare e riscontrare le richieste di esercizio dei diritti in materia di protezione dei dati (artt. 12-22 GDPR); conservare le lettere inviate e ricevute e i documenti d'identità necessari a verificare il richiedente; dimostrare come ogni richiesta è stata gestita",
    'legal_obligation',
    null,
    'Art. 6(1)(c) GDPR: the obligations of Art. 12-22 GDPR',
    'Retention of request records and letters: stated neither in the company’s documents nor in the console’s configuration (requests are not swept, docs/mailbox.md): to be set by the controller. Stated parts: identity documents until the request is closed or refused (retention policy identity-documents); other mail that is no request, OTHER_MAIL_RETENTION_DAYS (retention policy other-mail). Recipients: the company’s e-mail as the privacy policy’s table describes it (Aruba sends, Serverplan hosts); where the console itself runs is not stated.',
    '{Data subjects who exercise their rights,Their representatives}',
    '{Name,E-mail address,Telephone,Text of the request and attachments,Letters sent and received,Identity documents,Decisions and their reasons}',
    null,
    'None: the recipients are in the European Union',
    'Access by role to authorised staff only; identity documents and received messages sealed (AES-256-GCM); every reading and change recorded in the audit log',
    ['Aruba S.p.A.', 'Serverplan S.r.l.'],
  ],
  [
    'Suppression list of erased persons',
    'Make an erasure last: refuse the records the website sends again for a person whose data was erased, by comparing keyed hashes of their e-mail addresses and telephone numbers',
    'Rendere durevole una cancellazione: rifiutare i dati che il sito invia di nuovo per una persona i cui dati sono stati cancellati, confrontando impronte con chiave (hash) dei suoi indirizzi e-mail e numeri di telefono',
    'legal_obligation',
    null,
    'Art. 17 and Art. 6(1)(c) GDPR: the erasure must hold for the data received after it',
    'Where the console itself runs (hosting, transfers) is not stated in the company’s documents: to be completed.',
    '{Data subjects whose data was erased}',
    '{Keyed hashes (HMAC-SHA-256) of e-mail addresses and telephone numbers,Number and time of the refused records}',
    'suppression-list',
    null,
    'Only keyed hashes are stored (HMAC-SHA-256 under a random key sealed under the encryption key): nothing readable',
    [],
  ],
  [
    'Audit log',
    'Record who read or changed personal data in the console, and when, to demonstrate compliance and detect misuse',
    'Registrare chi ha letto o modificato dati personali nella console, e quando, per dimostrare la conformità e rilevare gli abusi',
    'legal_obligation',
    null,
    'Accountability: Art. 5(2) and Art. 24 GDPR',
    'Retention: stated nowhere; the log is a hash chain that is only appended to: the period, and how the chain is cut, are to be set by the controller. Where the console runs is not stated either.',
    '{Console staff,Data subjects whose records were read or changed}',
    '{Staff account,Action and time,Identifiers of the records concerned,Values before and after a change}',
    null,
    null,
    'Append-only hash chain with a signed checkpoint (HMAC-SHA-256); readable by staff according to role',
    [],
  ],
];

const NAMES = ACTIVITIES.map((a) => a[0]);
const KEYS = RETENTION.map((r) => r[0]);

export class MissingActivities1796290000000 implements MigrationInterface {
  name = 'MissingActivities1796290000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [key, name, source, days, text, it, en, action, basis, notes] of RETENTION)
      await q.query(
        `INSERT INTO retention_policies (key, name, source, period_days, period_text, period_text_it, period_text_en, action, basis, notes)
         SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10 WHERE NOT EXISTS (SELECT 1 FROM retention_policies WHERE key = $1)`,
        [key, name, source, days, text, it, en, action, basis, notes],
      );
    for (const [
      name,
      purposes,
      purposesIt,
      basis,
      category,
      basisNotes,
      internal,
      subjects,
      data,
      retention,
      transfers,
      security,
      processors,
    ] of ACTIVITIES) {
      const rows = (await q.query(
        `INSERT INTO activities (name, purposes, purposes_it, purposes_en, legal_basis, consent_category, legal_basis_notes, internal_notes, subject_categories, data_categories, retention_policy_id, transfers, security_measures)
         SELECT $1,$2,$3,$2,$4,$5,$6,$7,$8,$9,(SELECT id FROM retention_policies WHERE key = $10),$11,$12
         WHERE NOT EXISTS (SELECT 1 FROM activities WHERE name = $1) RETURNING id`,
        [
          name,
          purposes,
          purposesIt,
          basis,
          category,
          basisNotes,
          internal,
          subjects,
          data,
          retention,
          transfers,
          security,
        ],
      )) as Array<{ id: string }>;
      if (rows.length && processors.length)
        await q.query(
          `INSERT INTO activity_processors (activity_id, processor_id) SELECT $1, id FROM processors WHERE name = ANY($2)`,
          [rows[0].id, processors],
        );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM activity_processors WHERE activity_id IN (SELECT id FROM activities WHERE name = ANY($1))`,
      [NAMES],
    );
    await q.query(`DELETE FROM activities WHERE name = ANY($1)`, [NAMES]);
    await q.query(`DELETE FROM retention_policies WHERE key = ANY($1)`, [KEYS]);
  }
}
