import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a session was last used, for the admin's list of a user's open sessions (to the minute). */
export class SessionLastUsed1795430000000 implements MigrationInterface {
  name = 'SessionLastUsed1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "last_used_at"`);
  }
}
