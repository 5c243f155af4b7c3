import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privacy@ mailbox read over IMAP (issue 19): every imported message, sealed as evidence,
 * with what makes it import once (its place on the server, its Message-ID) and what it became;
 * the other mail (auto-replies, bounces, list mail) that carries no legal deadline.
 */
export class Mailbox1795490000000 implements MigrationInterface {
  name = 'Mailbox1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mailbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mailbox" text NOT NULL, "uid_validity" bigint NOT NULL, "uid" bigint NOT NULL, "dedupe_key" text NOT NULL, "message_id" text, "sha256" text NOT NULL, "size" integer NOT NULL, "sealed" bytea NOT NULL, "arrived_at" TIMESTAMP WITH TIME ZONE, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "disposition" text, "request_id" uuid, "filed_at" TIMESTAMP WITH TIME ZONE, "moved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_865e565d761179ce3e394b8b619" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cf9f8b8a3bdc2070791b15fe02" ON "mailbox_messages" ("dedupe_key") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_05b9c8f65aff4bfcd9acd0b772" ON "mailbox_messages" ("request_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5a004b62207b6ebbd98269d519" ON "mailbox_messages" ("mailbox", "uid_validity", "uid") `,
    );
    await queryRunner.query(
      `CREATE TABLE "other_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mailbox_message_id" uuid NOT NULL, "kind" text NOT NULL, "reason" text NOT NULL, "from_address" text, "subject" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "request_id" uuid, "made_request_at" TIMESTAMP WITH TIME ZONE, "made_request_by" text, CONSTRAINT "PK_d1f85acb99bc12b40db1ecd6bdd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d6be1a921a3bb1c27a487a9b1b" ON "other_mail" ("mailbox_message_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fc72a327a60dc22d38af60313c" ON "other_mail" ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_98264249cc22dac5ba868fb0a4" ON "other_mail" ("received_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_98264249cc22dac5ba868fb0a4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc72a327a60dc22d38af60313c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6be1a921a3bb1c27a487a9b1b"`);
    await queryRunner.query(`DROP TABLE "other_mail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a004b62207b6ebbd98269d519"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_05b9c8f65aff4bfcd9acd0b772"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cf9f8b8a3bdc2070791b15fe02"`);
    await queryRunner.query(`DROP TABLE "mailbox_messages"`);
  }
}
