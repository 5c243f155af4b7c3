import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log screen, reads grouped: each actor's event just past the events grouped for a
 * page, to tell whether a line reaches beyond them (`groupedPageSql`). Keyed by the actor as the
 * grouping names it (account, else address, else the system), then by id.
 */
export class AuditLinesByActor1797000000000 implements MigrationInterface {
  name = 'AuditLinesByActor1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_actor_order" ON "audit_events" ((COALESCE(CAST("actor_id" AS text), "actor_email", '')), "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_actor_order"`);
  }
}
