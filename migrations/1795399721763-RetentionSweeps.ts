import { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionSweeps1795399721763 implements MigrationInterface {
  name = 'RetentionSweeps1795399721763';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "retention_sweeps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger" text NOT NULL, "dry_run" boolean NOT NULL, "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "actor_id" uuid, "actor_email" text, "records" integer NOT NULL DEFAULT '0', "results" jsonb NOT NULL DEFAULT '[]', "error" text, CONSTRAINT "PK_69137f523a21c65f1bd2cc6211f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_15b9416907cae6a1d6144c953a" ON "retention_sweeps" ("started_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_15b9416907cae6a1d6144c953a"`);
    await queryRunner.query(`DROP TABLE "retention_sweeps"`);
  }
}
