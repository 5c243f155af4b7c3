import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privacy portal (issue 20): forms waiting for their e-mail code (the code as a keyed hash),
 * the subjects' status links (the token's SHA-256 and the requests it shows), and the portal's
 * rate-limit counters (keys hashed).
 */
export class Portal1796262961939 implements MigrationInterface {
  name = 'Portal1796262961939';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "request_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1bb82b3e588a5030649b3dc95b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c42795b3f642c141a360de94d0" ON "portal_links" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "portal_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rights" jsonb NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "phone" text, "message" text NOT NULL, "language" text NOT NULL, "code_hash" text NOT NULL, "code_sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tries" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8bc14cc429bbb28a5c49e4999fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9458806d29e8e218675a2eb2a1" ON "portal_submissions" ("code_sent_at") `);
    await queryRunner.query(
      `CREATE TABLE "portal_throttles" ("key" text NOT NULL, "count" integer NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_78d2e40c8397c3d7e38197df498" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "portal_throttles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9458806d29e8e218675a2eb2a1"`);
    await queryRunner.query(`DROP TABLE "portal_submissions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c42795b3f642c141a360de94d0"`);
    await queryRunner.query(`DROP TABLE "portal_links"`);
  }
}
