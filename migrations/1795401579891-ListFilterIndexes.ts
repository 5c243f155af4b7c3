import { MigrationInterface, QueryRunner } from 'typeorm';

export class ListFilterIndexes1795401579891 implements MigrationInterface {
  name = 'ListFilterIndexes1795401579891';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_67fa984dbe03831f9d5fbff91f" ON "consent_records" ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_b3eea7add0e16594dba102716c" ON "leads" ("email") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b3eea7add0e16594dba102716c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_67fa984dbe03831f9d5fbff91f"`);
  }
}
