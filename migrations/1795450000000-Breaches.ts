import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register of personal-data breaches (Art. 33(5)) and the Art. 34 communications to the people affected. */
export class Breaches1795450000000 implements MigrationInterface {
  name = 'Breaches1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "breaches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ongoing" boolean NOT NULL DEFAULT false, "aware_at" TIMESTAMP WITH TIME ZONE NOT NULL, "nature" text array NOT NULL DEFAULT '{}', "sources" text array NOT NULL DEFAULT '{}', "processors" jsonb NOT NULL DEFAULT '[]', "data_categories" text array NOT NULL DEFAULT '{}', "subjects_approx" integer, "records_approx" integer, "consequences" text, "measures_taken" text, "measures_proposed" text, "risk_level" text, "risk_reasoning" text, "contact_name" text NOT NULL, "contact_details" text NOT NULL, "data_from" TIMESTAMP WITH TIME ZONE, "data_until" TIMESTAMP WITH TIME ZONE, "notice_nature_it" text, "notice_nature_en" text, "notice_consequences_it" text, "notice_consequences_en" text, "notice_measures_it" text, "notice_measures_en" text, "status" text NOT NULL DEFAULT 'open', "notifications" jsonb NOT NULL DEFAULT '[]', "decisions" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ae8bb9659fcd0eff82f1a7c127" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "breach_communications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "breach_id" uuid NOT NULL, "kind" text NOT NULL, "value" text NOT NULL, "language" text NOT NULL, "channel" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2090e9f04cdde5f7cb1c1a5b4a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ea5fb021d412faa4755e240e3a" ON "breach_communications" ("breach_id", "kind", "value") `,
    );
    await queryRunner.query(
      `ALTER TABLE "breach_communications" ADD CONSTRAINT "FK_df871c83724b3603881b5de8130" FOREIGN KEY ("breach_id") REFERENCES "breaches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "breach_communications" DROP CONSTRAINT "FK_df871c83724b3603881b5de8130"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea5fb021d412faa4755e240e3a"`);
    await queryRunner.query(`DROP TABLE "breach_communications"`);
    await queryRunner.query(`DROP TABLE "breaches"`);
  }
}
