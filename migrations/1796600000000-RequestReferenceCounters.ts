import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last reference number given in each year (DSR-2026-0042 → 2026, 42), so that a new request
 * takes the next one from a single row instead of reading every request of the year. Seeded from
 * the references already given.
 */
export class RequestReferenceCounters1796600000000 implements MigrationInterface {
  name = 'RequestReferenceCounters1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_reference_counters" ("year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_request_reference_counters" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_reference_counters" ("year", "last")
       SELECT substring(reference FROM 5 FOR 4)::int, max(substring(reference FROM 10)::int)
       FROM "requests" WHERE reference ~ '^DSR-[0-9]{4}-[0-9]+$' GROUP BY 1`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_reference_counters"`);
  }
}
