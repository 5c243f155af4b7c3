import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers' daily reminders digest (issue 19): each user's language for the e-mails the
 * console sends them (null: REMINDER_LANGUAGE), and the day each was last sent the digest, so
 * that a second run the same day, on any instance, sends nothing again.
 */
export class Reminders1796280000000 implements MigrationInterface {
  name = 'Reminders1796280000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "language" text`);
    await q.query(
      `CREATE TABLE "reminder_digests" ("user_id" uuid NOT NULL, "sent_on" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_reminder_digests" PRIMARY KEY ("user_id"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reminder_digests"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "language"`);
  }
}
