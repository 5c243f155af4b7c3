import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audited reads written and not yet chained: a read inserts its event here (one statement, no
 * lock) before it answers, and the console moves the rows into the hash chain in arrival order
 * (`AuditService.chainInbox`). No entity: only raw SQL reads and writes it.
 */
export class AuditInbox1796800000000 implements MigrationInterface {
  name = 'AuditInbox1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_inbox" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" text, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_audit_inbox" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_inbox"`);
  }
}
