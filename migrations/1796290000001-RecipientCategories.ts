import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each recipient of an activity receives of its data (issue 18, Art. 19 and Art. 30(1)(d)):
 * `{processorId: [categories]}`, a recipient absent from it receives all of the activity's data
 * (the host). The seed records, in the processor register's words, the recipients that receive a
 * part only: Cloudflare's Turnstile the IP address and browser data (never the form's fields),
 * Aruba's SMTP service the e-mail address and the content of the e-mails. Only activities whose
 * map is still empty are seeded: an officer's edit is kept.
 */
// activity, processor, categories
const RECEIVED: Array<[string, string, string[]]> = [
  ['Contact form', 'Cloudflare, Inc.', ['IP address', 'Browser data']],
  ['Browsing data', 'Cloudflare, Inc.', ['IP address', 'Browser data']],
  ['Contact form', 'Aruba S.p.A.', ['E-mail address', 'E-mail content']],
  ['Data-subject requests', 'Aruba S.p.A.', ['E-mail address', 'E-mail content']],
];

export class RecipientCategories1796290000001 implements MigrationInterface {
  name = 'RecipientCategories1796290000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities" ADD "recipient_categories" jsonb NOT NULL DEFAULT '{}'`);
    const activities = [...new Set(RECEIVED.map((r) => r[0]))];
    for (const activity of activities) {
      const entries = RECEIVED.filter((r) => r[0] === activity);
      await q.query(
        `UPDATE activities a SET recipient_categories = (
           SELECT coalesce(jsonb_object_agg(p.id::text, to_jsonb(e.categories)), '{}'::jsonb)
           FROM jsonb_to_recordset($2::jsonb) AS e(processor text, categories text[])
           JOIN processors p ON p.name = e.processor
           JOIN activity_processors ap ON ap.activity_id = a.id AND ap.processor_id = p.id)
         WHERE a.name = $1 AND a.recipient_categories = '{}'::jsonb`,
        [activity, JSON.stringify(entries.map(([, processor, categories]) => ({ processor, categories })))],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "activities" DROP COLUMN "recipient_categories"`);
  }
}
