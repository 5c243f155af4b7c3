import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mailbox's look-ups for every message filed and every reading (`mailbox-lookups.ts`): the
 * request a reply's thread names, by the Message-IDs of the messages and requests already held,
 * and the messages not filed yet (a partial index: only those are in it). Without them each
 * reply read every message ever received and every request.
 */
export class MailThreadLookups1796900000002 implements MigrationInterface {
  name = 'MailThreadLookups1796900000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_mailbox_messages_message_id" ON "mailbox_messages" ("message_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_requests_email_message_id" ON "requests" ("email_message_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_mailbox_messages_unfiled" ON "mailbox_messages" ("imported_at", "uid") WHERE filed_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_mailbox_messages_unfiled"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_requests_email_message_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mailbox_messages_message_id"`);
  }
}
