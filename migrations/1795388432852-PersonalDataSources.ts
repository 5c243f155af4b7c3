import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataSources1795388432852 implements MigrationInterface {
  name = 'PersonalDataSources1795388432852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" character(64) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_57384430aa1959f4578046c9b8" ON "api_keys" ("key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "access_logs" ("id" BIGSERIAL NOT NULL, "external_id" text, "ip" inet NOT NULL, "user_agent" text, "path" text NOT NULL, "method" text NOT NULL, "status" smallint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_73016a99e25b421f7bca271ca86" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0789584b59b8697646e26bdbdb" ON "access_logs" ("external_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bfd09d640bec866f8f88449610" ON "access_logs" ("ip") `);
    await queryRunner.query(`CREATE INDEX "IDX_d69c4c8cb7eec9539448ea6fae" ON "access_logs" ("at") `);
    await queryRunner.query(
      `CREATE TABLE "calendar_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "account_email" text NOT NULL, "access_token_encrypted" bytea, "refresh_token_encrypted" bytea, "scopes" text array NOT NULL DEFAULT '{}', "connected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2f78ae03c2e2a9389f6d8ddc64" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4b02562822337ad7661c605a39" ON "calendar_connections" ("external_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "connection_id" uuid, "origin" text NOT NULL, "title" text NOT NULL, "description" text, "attendees" jsonb NOT NULL DEFAULT '[]', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_faf5391d232322a87cdd1c6f30c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_16019a7604b27007ecbe9aba25" ON "calendar_events" ("external_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ae13a85fe13f87d180f7d75263" ON "calendar_events" ("connection_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4454c7d728d68e432e2dd86322" ON "calendar_events" ("starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "chat_conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "provider" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff117d9f57807c4f2e3034a39f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ac3cd0a4b702074c46b251abe2" ON "chat_conversations" ("external_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_61793f8c97b484c99dd1b0c232" ON "chat_conversations" ("started_at") `);
    await queryRunner.query(
      `CREATE TABLE "chat_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "conversation_id" uuid NOT NULL, "role" text NOT NULL, "content" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_40c55ee0e571e268b0d3cd37d10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ba022335710e28eee542919d80" ON "chat_messages" ("external_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_4de92f8431c8ee4d07dca7860f" ON "chat_messages" ("conversation_id", "sent_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consent_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "consent_id" text NOT NULL, "email" text, "categories" jsonb NOT NULL, "action" text NOT NULL, "policy_version" text NOT NULL, "do_not_track" boolean NOT NULL DEFAULT false, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_030be152eaa44998166470b2ccc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a3b513690732305b6feee5918" ON "consent_records" ("external_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_852c451e178e95da98009d0b3f" ON "consent_records" ("consent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bfc4f03b79ed4094b66891cb94" ON "consent_records" ("recorded_at") `);
    await queryRunner.query(
      `CREATE TABLE "leads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "first_name" text, "last_name" text, "email" text, "phone" text, "company" text, "message" text, "space_type" text, "objective" text, "utm_source" text, "utm_medium" text, "utm_campaign" text, "utm_term" text, "utm_content" text, "landing_page" text, "referrer" text, "consent_given_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e7647322c0726d9c81b926b8f6" ON "leads" ("external_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_14c888cdbeccb2ca3c88c7416e" ON "leads" ("submitted_at") `);
    await queryRunner.query(
      `CREATE TABLE "subject_identifiers" ("id" BIGSERIAL NOT NULL, "kind" text NOT NULL, "value" text NOT NULL, "source" text NOT NULL, "record_id" text NOT NULL, "field" text NOT NULL, CONSTRAINT "PK_1aa03731a7edef537e02deb2337" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_494dd5f9fff0b1d0be39feb179" ON "subject_identifiers" ("source", "record_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1b6b9ab148914af52db3da6ac8" ON "subject_identifiers" ("kind", "value") `,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_events" ADD CONSTRAINT "FK_ae13a85fe13f87d180f7d75263c" FOREIGN KEY ("connection_id") REFERENCES "calendar_connections"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_3d623662d4ee1219b23cf61e649" FOREIGN KEY ("conversation_id") REFERENCES "chat_conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_3d623662d4ee1219b23cf61e649"`);
    await queryRunner.query(`ALTER TABLE "calendar_events" DROP CONSTRAINT "FK_ae13a85fe13f87d180f7d75263c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1b6b9ab148914af52db3da6ac8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_494dd5f9fff0b1d0be39feb179"`);
    await queryRunner.query(`DROP TABLE "subject_identifiers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14c888cdbeccb2ca3c88c7416e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7647322c0726d9c81b926b8f6"`);
    await queryRunner.query(`DROP TABLE "leads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bfc4f03b79ed4094b66891cb94"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_852c451e178e95da98009d0b3f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a3b513690732305b6feee5918"`);
    await queryRunner.query(`DROP TABLE "consent_records"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4de92f8431c8ee4d07dca7860f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba022335710e28eee542919d80"`);
    await queryRunner.query(`DROP TABLE "chat_messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61793f8c97b484c99dd1b0c232"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ac3cd0a4b702074c46b251abe2"`);
    await queryRunner.query(`DROP TABLE "chat_conversations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4454c7d728d68e432e2dd86322"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ae13a85fe13f87d180f7d75263"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_16019a7604b27007ecbe9aba25"`);
    await queryRunner.query(`DROP TABLE "calendar_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b02562822337ad7661c605a39"`);
    await queryRunner.query(`DROP TABLE "calendar_connections"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d69c4c8cb7eec9539448ea6fae"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bfd09d640bec866f8f88449610"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0789584b59b8697646e26bdbdb"`);
    await queryRunner.query(`DROP TABLE "access_logs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57384430aa1959f4578046c9b8"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
