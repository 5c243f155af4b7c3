import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request's record (issue 14): answers after the legal deadline marked as such (backfilled
 * for requests already answered, against the deadline in force: the extended one once
 * extended), an imported e-mail's own Date: and Message-ID kept as information, and the
 * fingerprint that makes one e-mail one request, held unique by the database.
 */
export class RequestReceipt1795410000000 implements MigrationInterface {
  name = 'RequestReceipt1795410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "answered_late" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "late_by_days" integer`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "sender_date" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "email_message_id" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "email_fingerprint" text`);
    await queryRunner.query(`CREATE INDEX "IDX_f9d36778da9b30a0c7688e4e09" ON "requests" ("answered_late") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5e11f7dd2dfd1f5e907cd8cd32" ON "requests" ("email_fingerprint") `,
    );
    await queryRunner.query(
      `UPDATE "requests" SET "answered_late" = true,
              "late_by_days" = ("closed_at" AT TIME ZONE 'Europe/Rome')::date - coalesce("extended_due_date", "due_date")
       WHERE "closed_at" IS NOT NULL AND ("closed_at" AT TIME ZONE 'Europe/Rome')::date > coalesce("extended_due_date", "due_date")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5e11f7dd2dfd1f5e907cd8cd32"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f9d36778da9b30a0c7688e4e09"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "email_fingerprint"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "email_message_id"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "sender_date"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "late_by_days"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "answered_late"`);
  }
}
