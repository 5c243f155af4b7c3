import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request's other requests by the same e-mail or phone (`OTHER_REQUESTS_SQL`), asked on every
 * request opened: the two expressions it compares, indexed, instead of reading the register.
 */
export class OtherRequestsLookups1796900000003 implements MigrationInterface {
  name = 'OtherRequestsLookups1796900000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_requests_subject_email_trimmed" ON "requests" (lower(btrim("subject_email")))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_requests_subject_phone_tail" ON "requests" (right(regexp_replace("subject_phone", '[^0-9]', '', 'g'), 8))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_requests_subject_phone_tail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_requests_subject_email_trimmed"`);
  }
}
