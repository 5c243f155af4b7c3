import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officer's letters (issue 19): the outbox (what was sent to whom, from which template
 * version, its state, attempts, last error and Message-ID) and the admins' versions of the
 * templates (the defaults live in code as version 0).
 */
export class Letters1795500000000 implements MigrationInterface {
  name = 'Letters1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "letter_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "language" text NOT NULL, "version" integer NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text, CONSTRAINT "PK_d649190668fdfcddc29294ab22f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_89feb61addc54763a7024964ba" ON "letter_templates" ("key", "language", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "kind" text NOT NULL, "template_key" text NOT NULL, "language" text NOT NULL, "template_version" integer NOT NULL, "edited" boolean NOT NULL DEFAULT false, "to_address" text NOT NULL, "processor_id" uuid, "subject" text NOT NULL, "body" text NOT NULL, "state" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "message_id" text NOT NULL, "in_reply_to" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_94269ec59bbd2f2dc5b423f4fe" ON "letters" ("request_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_96063591eb92d3222c1ff24af6" ON "letters" ("state") `);
    await queryRunner.query(`CREATE INDEX "IDX_aff53bdc08f2e4755921f10f19" ON "letters" ("next_attempt_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7bc90169e6b0d7b1bc17052bd8" ON "letters" ("message_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_7bc90169e6b0d7b1bc17052bd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aff53bdc08f2e4755921f10f19"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_96063591eb92d3222c1ff24af6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94269ec59bbd2f2dc5b423f4fe"`);
    await queryRunner.query(`DROP TABLE "letters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_89feb61addc54763a7024964ba"`);
    await queryRunner.query(`DROP TABLE "letter_templates"`);
  }
}
