import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sample source's table, as `npm run migration:generate` would write it. */
export class AddNewsletterSignups1900000000000 implements MigrationInterface {
  name = 'AddNewsletterSignups1900000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE newsletter_signups (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         external_id text UNIQUE,
         email text NOT NULL,
         signed_up_at timestamptz NOT NULL,
         ingested_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE newsletter_signups`);
  }
}
