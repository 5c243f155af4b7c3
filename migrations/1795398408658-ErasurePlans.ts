import { MigrationInterface, QueryRunner } from 'typeorm';

export class ErasurePlans1795398408658 implements MigrationInterface {
  name = 'ErasurePlans1795398408658';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasure_plans" ("request_id" uuid NOT NULL, "sealed" bytea, "running_since" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bdd38b0ff4f4f09f2813b17b999" PRIMARY KEY ("request_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "erasure_plans"`);
  }
}
