import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the officer corrected whose an index entry is (issue 16): a re-index of the records under
 * newer attribution rules keeps the officer's decision instead of the rules' guess.
 */
export class IndexCorrections1795510000000 implements MigrationInterface {
  name = 'IndexCorrections1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subject_identifiers" ADD "corrected_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subject_identifiers" DROP COLUMN "corrected_at"`);
  }
}
