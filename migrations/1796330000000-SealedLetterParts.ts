import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parts of a letter meant for its recipient alone (the privacy portal's personal status link):
 * kept sealed under the `letters` data key until the letter is sent, then dropped. The letter's
 * stored text holds a marker in their place, so the outbox never shows them to staff.
 */
export class SealedLetterParts1796330000000 implements MigrationInterface {
  name = 'SealedLetterParts1796330000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "letters" ADD "sealed_parts" bytea`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "letters" DROP COLUMN "sealed_parts"`);
  }
}
