import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registers1795391129552 implements MigrationInterface {
  name = 'Registers1795391129552';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "processors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "service" text NOT NULL, "data_categories" text array NOT NULL DEFAULT '{}', "location" text NOT NULL, "country" character(2) NOT NULL, "transfer_mechanism" text NOT NULL, "transfer_notes" text, "transfer_impact_assessment_on" date, "dpa_signed_on" date, "next_review_due" date, "status" text NOT NULL DEFAULT 'active', "contact" text, "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_994f68427e15b9cc81c01931ce4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "name" text NOT NULL, "source" text, "period_months" integer, "period_days" integer, "period_text" text NOT NULL, "action" text NOT NULL, "basis" text NOT NULL, "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0f79bfde72a93e544c780a7470" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eae248567d50f65168401d4600" ON "retention_policies" ("key") `);
    await queryRunner.query(
      `CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "purposes" text NOT NULL, "legal_basis" text NOT NULL, "consent_category" text, "legal_basis_notes" text, "subject_categories" text array NOT NULL DEFAULT '{}', "data_categories" text array NOT NULL DEFAULT '{}', "transfers" text, "retention_policy_id" uuid, "security_measures" text, "source_system" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cookies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "provider" text NOT NULL, "category" text NOT NULL, "purpose" text NOT NULL, "duration" text NOT NULL, "party" text NOT NULL, "listed_in" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b494f178c55d3d9fd9d877c97b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "activity_processors" ("activity_id" uuid NOT NULL, "processor_id" uuid NOT NULL, CONSTRAINT "PK_e38f5d236cea0cdcd86fb56e9de" PRIMARY KEY ("activity_id", "processor_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2d89f010cb0856773a8684306f" ON "activity_processors" ("activity_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9e7a5c02a7326bd83e46d2eb69" ON "activity_processors" ("processor_id") `);
    await queryRunner.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "FK_efa70805cb6a4303d2b507bcd26" FOREIGN KEY ("retention_policy_id") REFERENCES "retention_policies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_processors" ADD CONSTRAINT "FK_2d89f010cb0856773a8684306ff" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_processors" ADD CONSTRAINT "FK_9e7a5c02a7326bd83e46d2eb69d" FOREIGN KEY ("processor_id") REFERENCES "processors"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_processors" DROP CONSTRAINT "FK_9e7a5c02a7326bd83e46d2eb69d"`);
    await queryRunner.query(`ALTER TABLE "activity_processors" DROP CONSTRAINT "FK_2d89f010cb0856773a8684306ff"`);
    await queryRunner.query(`ALTER TABLE "activities" DROP CONSTRAINT "FK_efa70805cb6a4303d2b507bcd26"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9e7a5c02a7326bd83e46d2eb69"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d89f010cb0856773a8684306f"`);
    await queryRunner.query(`DROP TABLE "activity_processors"`);
    await queryRunner.query(`DROP TABLE "cookies"`);
    await queryRunner.query(`DROP TABLE "activities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eae248567d50f65168401d4600"`);
    await queryRunner.query(`DROP TABLE "retention_policies"`);
    await queryRunner.query(`DROP TABLE "processors"`);
  }
}
