import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal holds (issue 17, Art. 17(3) GDPR): what an erasure and the retention sweep must keep, on
 * which ground and until when; and the records each hold keeps, looked up by source and record id
 * (the sweepers' "not held" condition).
 */
export class LegalHolds1795540000000 implements MigrationInterface {
  name = 'LegalHolds1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "legal_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "source" text NOT NULL, "scope" text NOT NULL, "record_id" text, "ground" text NOT NULL, "legal_reference" text, "reason" text NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "review_at" TIMESTAMP WITH TIME ZONE, "placed_by" text NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lifted_at" TIMESTAMP WITH TIME ZONE, "lifted_by" text, "lift_reason" text, CONSTRAINT "PK_legal_holds" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_88f85f35612171f35175a391bf" ON "legal_holds" ("request_id") `);
    await queryRunner.query(
      `CREATE TABLE "legal_hold_records" ("hold_id" uuid NOT NULL, "source" text NOT NULL, "record_id" text NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d54873ab3f246ade91049f4a381" PRIMARY KEY ("hold_id", "source", "record_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_58166c9806880aef7f74789718" ON "legal_hold_records" ("source", "record_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_58166c9806880aef7f74789718"`);
    await queryRunner.query(`DROP TABLE "legal_hold_records"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88f85f35612171f35175a391bf"`);
    await queryRunner.query(`DROP TABLE "legal_holds"`);
  }
}
