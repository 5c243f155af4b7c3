import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Objections (Art. 21) and withdrawals of consent (Art. 7(3)) that stop processing: the person's
 * identifiers as keyed hashes (like the suppression list: no readable list of objectors) with the
 * activity stopped for them; and the records ingestion stored flagged because of a stop.
 */
export class ProcessingStops1795550000000 implements MigrationInterface {
  name = 'ProcessingStops1795550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "processing_stops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "reason" text NOT NULL, "kind" text NOT NULL, "hash" text NOT NULL, "activity_id" uuid, "activity_name" text, "source_system" text, "consent_category" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lifted_at" TIMESTAMP WITH TIME ZONE, "lifted_by" text, CONSTRAINT "PK_processing_stops" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_processing_stops_hash" ON "processing_stops" ("hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_processing_stops_request" ON "processing_stops" ("request_id") `);
    await queryRunner.query(
      `CREATE TABLE "processing_stop_flags" ("stop_id" uuid NOT NULL, "source" text NOT NULL, "record_id" text NOT NULL, "flagged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_processing_stop_flags" PRIMARY KEY ("stop_id", "source", "record_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_processing_stop_flags_record" ON "processing_stop_flags" ("source", "record_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_processing_stop_flags_record"`);
    await queryRunner.query(`DROP TABLE "processing_stop_flags"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_processing_stops_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_processing_stops_hash"`);
    await queryRunner.query(`DROP TABLE "processing_stops"`);
  }
}
