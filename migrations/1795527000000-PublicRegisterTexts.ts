import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the data subject reads of the registers (issue 18): the texts an access or portability
 * package quotes (purposes, retention periods, processors' services and locations) in Italian
 * and in English, and the officer's internal working notes apart from them.
 *
 * The seeded values come from the company's policies (docs/policies/), which are written in
 * English only: the Italian ones are faithful translations. The internal notes the seed had put
 * in public fields (a processor's transfer notes, an activity's legal-basis notes) move to a field
 * no package reads. Only rows that still hold the seeded text change: an officer's edit is kept.
 */

// activity name, purposes in Italian, purposes in English
const PURPOSES: Array<[string, string, string]> = [
  [
    'Contact form',
    "Rispondere alle richieste di informazioni e di consulenza; attribuire il contatto al canale di provenienza per misurare l'efficacia delle campagne",
    'Respond to requests for information and consultation; attribute the contact to its source channel in order to measure campaign effectiveness',
  ],
  [
    'AI chatbot',
    'Fornire assistenza informativa in tempo reale sui servizi e sulle soluzioni Vimage',
    'Provide real-time informational assistance about Vimage services and solutions',
  ],
  [
    'Browsing data',
    'Sicurezza del sito, prevenzione delle frodi, analisi aggregate',
    'Site security, fraud prevention, aggregate analysis',
  ],
  [
    'Anonymous visit statistics (self-hosted)',
    "Miglioramento del sito e misurazione dell'efficacia dei contenuti",
    'Site improvement and measurement of content effectiveness',
  ],
  [
    'Google Tag Manager and Google Analytics 4',
    'Contenitore di tag (GTM) e analisi avanzata del traffico (GA4); senza consenso, solo segnali anonimi aggregati per la modellazione statistica',
    'Tag container (GTM) and advanced traffic analysis (GA4); without consent only aggregated anonymous signals for statistical modelling',
  ],
  [
    'Calendar synchronisation (Google Calendar)',
    "Sincronizzare gli eventi tra la piattaforma e il Google Calendar dell'utente, riportare le modifiche da entrambe le parti, mostrare all'utente un calendario completo; non per marketing, profilazione o analisi",
    "Synchronise events between the platform and the user's Google Calendar, update changes on both sides, show the user a complete calendar; not used for marketing, profiling or analysis",
  ],
  [
    'Consent management',
    "Registrare le scelte fatte nel banner dei cookie e dimostrare a che cosa è stato dato il consenso, quando e in base a quale versione dell'informativa",
    'Record the cookie-banner choices and prove what was consented to, when and under which policy',
  ],
];

// retention key, period in Italian, period in English
const PERIODS: Array<[string, string, string]> = [
  [
    'leads',
    '24 mesi dalla raccolta, fatti salvi gli obblighi di legge',
    '24 months from collection, subject to legal obligations',
  ],
  ['chat', '12 mesi', '12 months'],
  ['access-logs', '30 giorni nei log di sistema', '30 days in system logs'],
  [
    'consents',
    'Il consenso vale 12 mesi, poi viene chiesto di nuovo',
    'Consent is valid for 12 months, then requested again',
  ],
  ['anonymous-statistics', 'Dati aggregati, fino a 24 mesi', 'Aggregated data, up to 24 months'],
  ['ga-cookie', '2 anni', '2 years'],
  ['ga4-data', '14 mesi (configurazione di GA4)', '14 months (GA4 configuration)'],
  [
    'calendar',
    "Finché l'utente non scollega il calendario; il token OAuth viene invalidato subito",
    'Until the user disconnects the calendar; the OAuth token is invalidated at once',
  ],
];

// processor name, service (it, en), location (it, en)
const PROCESSORS: Array<[string, string, string, string, string]> = [
  [
    'Aruba S.p.A.',
    "Servizio SMTP per l'invio di e-mail",
    'SMTP service for sending email',
    'Italia (UE)',
    'Italy (EU)',
  ],
  [
    'Serverplan S.r.l.',
    'Hosting del sito web e della posta elettronica',
    'Website and email hosting',
    'Italia (UE)',
    'Italy (EU)',
  ],
  ['Cloudflare, Inc.', 'Protezione anti-bot (Turnstile)', 'Anti-bot protection (Turnstile)', 'Stati Uniti', 'USA'],
  ['Calendly LLC', 'Prenotazione di appuntamenti', 'Appointment booking', 'Stati Uniti', 'USA'],
  ['Anthropic, PBC', 'Assistente AI', 'AI assistant', 'Stati Uniti', 'USA'],
  ['OpenAI, LLC', 'Assistente AI', 'AI assistant', 'Stati Uniti', 'USA'],
  [
    'Self-hosted analytics',
    'Statistiche di navigazione anonime: nessun cookie, nessun IP, nessun dato personale; disattivabili da "Gestisci cookie"',
    'Anonymous browsing statistics: no cookies, no IP, no personal data; can be disabled from "Manage cookies"',
    'Italia (server VPS di Vimage)',
    'Italy (Vimage VPS)',
  ],
  [
    'Google Ireland Limited',
    'Tag Manager e Analytics 4: senza consenso solo segnali anonimi, con consenso cookie analitici',
    'Tag Manager and Analytics 4: without consent only anonymous signals, with consent analytics cookies',
    'Irlanda (UE) / Stati Uniti',
    'Ireland (EU) / USA',
  ],
  [
    'Google LLC (Google Calendar)',
    "Fornitore del calendario: sincronizzazione del Google Calendar dell'utente tramite Google OAuth",
    "Calendar provider: synchronisation of the user's Google Calendar through Google OAuth",
    'Infrastruttura di Google',
    'Google infrastructure',
  ],
  ['Google (Gemini)', 'Assistente AI', 'AI assistant', 'Stati Uniti', 'USA'],
];

/** Internal notes the seed wrote into public fields: [processor, seeded transfer notes]. */
const PROCESSOR_NOTES: Array<[string, string]> = [
  [
    'Google LLC (Google Calendar)',
    'Not stated in the calendar-integration notice: the transfer mechanism must be verified.',
  ],
  [
    'Google (Gemini)',
    'Not stated: Gemini is named in section 3 of the privacy policy but is missing from the sub-processor table of section 5.',
  ],
];

/** [activity, seeded legal-basis notes, what of it is public, what is the officer's note]. */
const ACTIVITY_NOTES: Array<[string, string, string, string]> = [
  [
    'Calendar synchronisation (Google Calendar)',
    'Not stated in the calendar-integration notice: synchronisation starts only when the user presses "Connect" and completes Google\'s OAuth flow. To be confirmed.',
    'Synchronisation starts only when the user presses "Connect" and completes Google\'s OAuth flow.',
    'The calendar-integration notice states no legal basis: to be confirmed.',
  ],
];

export class PublicRegisterTexts1795527000000 implements MigrationInterface {
  name = 'PublicRegisterTexts1795527000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities" ADD "purposes_it" text, ADD "purposes_en" text, ADD "internal_notes" text`);
    await q.query(`ALTER TABLE "retention_policies" ADD "period_text_it" text, ADD "period_text_en" text`);
    await q.query(
      `ALTER TABLE "processors" ADD "service_it" text, ADD "service_en" text, ADD "location_it" text, ADD "location_en" text`,
    );
    for (const [name, it, en] of PURPOSES)
      await q.query(`UPDATE activities SET purposes_it = $2, purposes_en = $3 WHERE name = $1 AND purposes = $3`, [
        name,
        it,
        en,
      ]);
    for (const [key, it, en] of PERIODS)
      await q.query(`UPDATE retention_policies SET period_text_it = $2, period_text_en = $3 WHERE key = $1`, [
        key,
        it,
        en,
      ]);
    for (const [name, serviceIt, serviceEn, locationIt, locationEn] of PROCESSORS)
      await q.query(
        `UPDATE processors SET service_it = $2, service_en = $3, location_it = $4, location_en = $5 WHERE name = $1`,
        [name, serviceIt, serviceEn, locationIt, locationEn],
      );
    for (const [name, seeded] of PROCESSOR_NOTES)
      await q.query(
        `UPDATE processors SET transfer_notes = NULL, notes = concat_ws(E'\\n', $2::text, notes) WHERE name = $1 AND transfer_notes = $2`,
        [name, seeded],
      );
    for (const [name, seeded, shown, internal] of ACTIVITY_NOTES)
      await q.query(
        `UPDATE activities SET legal_basis_notes = $3, internal_notes = $4 WHERE name = $1 AND legal_basis_notes = $2`,
        [name, seeded, shown, internal],
      );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [name, seeded, shown] of ACTIVITY_NOTES)
      await q.query(`UPDATE activities SET legal_basis_notes = $2 WHERE name = $1 AND legal_basis_notes = $3`, [
        name,
        seeded,
        shown,
      ]);
    for (const [name, seeded] of PROCESSOR_NOTES)
      await q.query(
        `UPDATE processors SET transfer_notes = $2, notes = NULLIF(substr(notes, length($2) + 2), '') WHERE name = $1 AND transfer_notes IS NULL AND starts_with(notes, $2)`,
        [name, seeded],
      );
    await q.query(
      `ALTER TABLE "processors" DROP COLUMN "service_it", DROP COLUMN "service_en", DROP COLUMN "location_it", DROP COLUMN "location_en"`,
    );
    await q.query(`ALTER TABLE "retention_policies" DROP COLUMN "period_text_it", DROP COLUMN "period_text_en"`);
    await q.query(
      `ALTER TABLE "activities" DROP COLUMN "purposes_it", DROP COLUMN "purposes_en", DROP COLUMN "internal_notes"`,
    );
  }
}
