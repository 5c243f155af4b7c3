import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An erasure step says what it did per kind (issue 23): the records it erased (deleted, revoked)
 * and those it masked (anonymised, unlinked, a mention or an attendee removed), so that the
 * preview, the result, the timeline and the database tell one count. Steps run before this keep 0
 * in both: their `records_affected` is all they said.
 */
export class ErasureCountsByKind1796320000000 implements MigrationInterface {
  name = 'ErasureCountsByKind1796320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "erasure_steps" ADD "erased" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "erasure_steps" ADD "masked" integer NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "erasure_steps" DROP COLUMN "masked"`);
    await q.query(`ALTER TABLE "erasure_steps" DROP COLUMN "erased"`);
  }
}
