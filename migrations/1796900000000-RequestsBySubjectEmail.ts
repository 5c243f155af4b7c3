import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The requests of one e-mail, looked up by `lower(subject_email)`: by every subject search (the
 * person's request history), by a breach's list of affected people (their language, per person)
 * and by the audit log's ledger of a person. Without the index each of those read the whole
 * register.
 */
export class RequestsBySubjectEmail1796900000000 implements MigrationInterface {
  name = 'RequestsBySubjectEmail1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_requests_subject_email" ON "requests" (lower("subject_email"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_requests_subject_email"`);
  }
}
