import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log by actor: the actor filter's list of who acted (one probe of the index per
 * actor, `GET /api/audit/actors`) and the log filtered by one of them.
 */
export class AuditActorIndex1796500000000 implements MigrationInterface {
  name = 'AuditActorIndex1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events" ("actor_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"`);
  }
}
