import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed checkpoint of the audit chain's head (api/src/audit/audit-checkpoint.ts). The row is
 * written by the console, not here: signing needs the audit key, which never reaches the database.
 */
export class AuditCheckpoint1795420000000 implements MigrationInterface {
  name = 'AuditCheckpoint1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoint" ("id" smallint NOT NULL DEFAULT 1, "checkpoint" jsonb NOT NULL, CONSTRAINT "CHK_8bc34358e6aa7707ffb8d32df0" CHECK ("id" = 1), CONSTRAINT "PK_audit_checkpoint" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
  }
}
