import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whose data is it (Art. 15(4) GDPR): each index entry says whether its identifier is the record's
 * owner's or a mere mention of someone else, and a chat conversation may carry its visitor's
 * identity. Existing entries are classified by their field: structured fields (a lead's e-mail,
 * phone and name, a consent's e-mail and id, a calendar account, an event's attendees) are the
 * owner's; identifiers found in free text (a lead's message, a chat message, an event's title
 * and description) are mentions: nothing is attributed to a person by guess. Records ingested
 * from now on follow the rules of `subjects/attribution.ts`; the officer corrects an old entry
 * (`PATCH /api/subjects/identifiers/:id`).
 */
export class WhoseData1795440000000 implements MigrationInterface {
  name = 'WhoseData1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subject_identifiers" ADD "role" text NOT NULL DEFAULT 'owner'`);
    await queryRunner.query(
      `UPDATE "subject_identifiers" SET "role" = 'mention'
       WHERE ("source", "field") IN (('leads', 'message'), ('chat-messages', 'content'), ('calendar-events', 'title'), ('calendar-events', 'description'))`,
    );
    await queryRunner.query(`ALTER TABLE "chat_conversations" ADD "visitor_email" text`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" ADD "visitor_name" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_conversations" DROP COLUMN "visitor_name"`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" DROP COLUMN "visitor_email"`);
    await queryRunner.query(`ALTER TABLE "subject_identifiers" DROP COLUMN "role"`);
  }
}
