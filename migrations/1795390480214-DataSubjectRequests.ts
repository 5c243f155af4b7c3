import { MigrationInterface, QueryRunner } from 'typeorm';

export class DataSubjectRequests1795390480214 implements MigrationInterface {
  name = 'DataSubjectRequests1795390480214';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "type" text NOT NULL, "type_guessed" boolean NOT NULL DEFAULT false, "status" text NOT NULL, "channel" text NOT NULL, "language" text NOT NULL DEFAULT 'it', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject_name" text, "subject_email" text, "subject_phone" text, "description" text, "due_date" date NOT NULL, "sla_due_date" date NOT NULL, "extended_due_date" date, "working_due_date" date NOT NULL, "extension_reason" text, "extension_communicated_at" TIMESTAMP WITH TIME ZONE, "identity_verified_at" TIMESTAMP WITH TIME ZONE, "identity_method" text, "identity_verified_by" text, "outcome" text, "rejection_reason" text, "rejection_statement" text, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d475a5fed59d8ce5df073db58d" ON "requests" ("reference") `);
    await queryRunner.query(`CREATE INDEX "IDX_59b85be6a3c16cbf27f8bdda1d" ON "requests" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_5a45b6277651f798a84d47084f" ON "requests" ("received_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_4b9e29ea48db12afa9b83f4fad" ON "requests" ("working_due_date") `);
    await queryRunner.query(
      `CREATE TABLE "request_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "actor_id" uuid, "actor_email" text, "message" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_bf9333ddb0c34f1533239fc9cb0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8a3f1395f16b68d09428a923d1" ON "request_events" ("request_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "request_events" ADD CONSTRAINT "FK_e8b717bcc3e01fbd300f4e97e56" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_events" DROP CONSTRAINT "FK_e8b717bcc3e01fbd300f4e97e56"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a3f1395f16b68d09428a923d1"`);
    await queryRunner.query(`DROP TABLE "request_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b9e29ea48db12afa9b83f4fad"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a45b6277651f798a84d47084f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_59b85be6a3c16cbf27f8bdda1d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d475a5fed59d8ce5df073db58d"`);
    await queryRunner.query(`DROP TABLE "requests"`);
  }
}
