import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit events about one request or record, by `entity_id`: a request's file lists them.
 * The log grows by an event per read; without the index every file read all of it.
 */
export class AuditEventsByEntity1796900000001 implements MigrationInterface {
  name = 'AuditEventsByEntity1796900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_entity_id" ON "audit_events" ("entity_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_entity_id"`);
  }
}
