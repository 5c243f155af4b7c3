import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Packages published to the subject on the privacy portal (issue 20): the publication (the link's
 * token as its SHA-256, where the codes go, until when, withdrawn, file deleted; the one-time code
 * as a keyed hash) and the ZIP itself in sealed pieces, deleted once the link is over.
 */
export class PortalPackages1796410000000 implements MigrationInterface {
  name = 'PortalPackages1796410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_packages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "kind" text NOT NULL, "token_hash" text NOT NULL, "email" text NOT NULL, "language" text NOT NULL, "file_name" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" text, "file_deleted_at" TIMESTAMP WITH TIME ZONE, "letter_id" uuid, "code_hash" text, "code_sent_at" TIMESTAMP WITH TIME ZONE, "code_tries" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a1aa1d1e87a6cb9371a3f98ac22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3b3c785b011dfa55e54ce18195" ON "portal_packages" ("request_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e423a09d90189d23b2f39201b5" ON "portal_packages" ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dcfd1c239d46bbba35d6a819ad" ON "portal_packages" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "portal_package_chunks" ("package_id" uuid NOT NULL, "seq" integer NOT NULL, "sealed" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91d0a5cef8f94f98d6869ff1610" PRIMARY KEY ("package_id", "seq"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "portal_package_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dcfd1c239d46bbba35d6a819ad"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e423a09d90189d23b2f39201b5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b3c785b011dfa55e54ce18195"`);
    await queryRunner.query(`DROP TABLE "portal_packages"`);
  }
}
