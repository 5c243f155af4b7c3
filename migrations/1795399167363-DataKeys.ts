import { MigrationInterface, QueryRunner } from 'typeorm';

export class DataKeys1795399167363 implements MigrationInterface {
  name = 'DataKeys1795399167363';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("name" text NOT NULL, "sealed" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d43ae0117a8e29bba3a3b39045" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "data_keys"`);
  }
}
