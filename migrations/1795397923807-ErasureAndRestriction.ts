import { MigrationInterface, QueryRunner } from 'typeorm';

export class ErasureAndRestriction1795397923807 implements MigrationInterface {
  name = 'ErasureAndRestriction1795397923807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasure_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "source" text NOT NULL, "status" text NOT NULL, "records_affected" integer NOT NULL DEFAULT '0', "attempts" integer NOT NULL DEFAULT '0', "error" text, "waiver_reason" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a10851f771797ef391b663a4fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1659310534211a27cbb7fb921a" ON "erasure_steps" ("request_id", "source") `,
    );
    await queryRunner.query(
      `CREATE TABLE "subject_restrictions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "kind" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lifted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_75f79efeb9e3b0f12bc9cae3c02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_86c939a338028dbb6e67825c31" ON "subject_restrictions" ("request_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_b25b3b1f9de2940bc41e578d04" ON "subject_restrictions" ("kind", "value") `,
    );
    await queryRunner.query(
      `CREATE TABLE "suppressed_identifiers" ("id" BIGSERIAL NOT NULL, "kind" text NOT NULL, "hash" text NOT NULL, "request_id" uuid, "refused_count" integer NOT NULL DEFAULT '0', "last_refused_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2bee68fad53da612ca96e478bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e3de917aa67e230a3d47c76676" ON "suppressed_identifiers" ("hash") `,
    );
    await queryRunner.query(`ALTER TABLE "access_logs" ADD "restricted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "access_logs" ADD "restricted_by_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "calendar_connections" ADD "restricted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "calendar_connections" ADD "restricted_by_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "calendar_events" ADD "restricted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "calendar_events" ADD "restricted_by_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" ADD "restricted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" ADD "restricted_by_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "consent_records" ADD "restricted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "consent_records" ADD "restricted_by_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "leads" ADD "restricted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "leads" ADD "restricted_by_request_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "leads" DROP COLUMN "restricted_by_request_id"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP COLUMN "restricted_at"`);
    await queryRunner.query(`ALTER TABLE "consent_records" DROP COLUMN "restricted_by_request_id"`);
    await queryRunner.query(`ALTER TABLE "consent_records" DROP COLUMN "restricted_at"`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" DROP COLUMN "restricted_by_request_id"`);
    await queryRunner.query(`ALTER TABLE "chat_conversations" DROP COLUMN "restricted_at"`);
    await queryRunner.query(`ALTER TABLE "calendar_events" DROP COLUMN "restricted_by_request_id"`);
    await queryRunner.query(`ALTER TABLE "calendar_events" DROP COLUMN "restricted_at"`);
    await queryRunner.query(`ALTER TABLE "calendar_connections" DROP COLUMN "restricted_by_request_id"`);
    await queryRunner.query(`ALTER TABLE "calendar_connections" DROP COLUMN "restricted_at"`);
    await queryRunner.query(`ALTER TABLE "access_logs" DROP COLUMN "restricted_by_request_id"`);
    await queryRunner.query(`ALTER TABLE "access_logs" DROP COLUMN "restricted_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3de917aa67e230a3d47c76676"`);
    await queryRunner.query(`DROP TABLE "suppressed_identifiers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b25b3b1f9de2940bc41e578d04"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_86c939a338028dbb6e67825c31"`);
    await queryRunner.query(`DROP TABLE "subject_restrictions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1659310534211a27cbb7fb921a"`);
    await queryRunner.query(`DROP TABLE "erasure_steps"`);
  }
}
