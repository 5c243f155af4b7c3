import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity documents kept as evidence while a request is open (issue 17): the content sealed,
 * destroyed when the request is closed or refused; name, type, size, checksum, who added it and
 * when remain.
 */
export class IdentityDocuments1795460000001 implements MigrationInterface {
  name = 'IdentityDocuments1795460000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "sealed" bytea, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, "added_by" text, "destroyed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e0521031eeadbcd1ef2624d0c40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_da822ef599efa8ad8336fb1c1f" ON "identity_documents" ("request_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_da822ef599efa8ad8336fb1c1f"`);
    await queryRunner.query(`DROP TABLE "identity_documents"`);
  }
}
