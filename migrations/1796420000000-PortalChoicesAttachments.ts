import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privacy portal's withdrawal of consent and objection to direct marketing (forms waiting for
 * their code), and the documents subjects attach (sealed; with their request, or with the form
 * until its code is entered).
 */
export class PortalChoicesAttachments1796420000000 implements MigrationInterface {
  name = 'PortalChoicesAttachments1796420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_choice_forms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "categories" jsonb NOT NULL, "direct_marketing" boolean NOT NULL, "language" text NOT NULL, "code_hash" text NOT NULL, "code_sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tries" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e7b403067ae3a6b858c53f23e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5af56533887e00de13b07bb2ca" ON "portal_choice_forms" ("code_sent_at") `);
    await queryRunner.query(
      `CREATE TABLE "request_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid, "submission_id" uuid, "file_name" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "sealed" bytea NOT NULL, "via" text NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7eff3ce4a007da531c94a391dbd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8cde69b56c722cafc14d99f95f" ON "request_attachments" ("request_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_3ab42927f32ad2b1eb13f5abd8" ON "request_attachments" ("submission_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "request_attachments" ADD CONSTRAINT "FK_8cde69b56c722cafc14d99f95f3" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "request_attachments" ADD CONSTRAINT "FK_3ab42927f32ad2b1eb13f5abd84" FOREIGN KEY ("submission_id") REFERENCES "portal_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_attachments" DROP CONSTRAINT "FK_3ab42927f32ad2b1eb13f5abd84"`);
    await queryRunner.query(`ALTER TABLE "request_attachments" DROP CONSTRAINT "FK_8cde69b56c722cafc14d99f95f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ab42927f32ad2b1eb13f5abd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cde69b56c722cafc14d99f95f"`);
    await queryRunner.query(`DROP TABLE "request_attachments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5af56533887e00de13b07bb2ca"`);
    await queryRunner.query(`DROP TABLE "portal_choice_forms"`);
  }
}
