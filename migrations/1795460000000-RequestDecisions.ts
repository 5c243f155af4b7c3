import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officer's decisions on a request (issue 17): a refusal's ground (Art. 17(3) letter,
 * Art. 21(1), Art. 20(1)..., or repetitive / other excess), a reasonable fee instead of a
 * refusal (Art. 12(5)(a)), the identity information asked and received with the clock pause it
 * gives, and the intake's "may be a minor" flag with the officer's decision on it.
 */
export class RequestDecisions1795460000000 implements MigrationInterface {
  name = 'RequestDecisions1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "rejection_ground" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "fee_amount_cents" integer`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "fee_basis" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "fee_justification" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "fee_charged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "identity_info_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "identity_info_requested" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "identity_info_channel" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "identity_info_respond_by" date`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "identity_info_received_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "identity_pause_days" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "minor_suspected" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "minor_evidence" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "minor_decision" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "minor_decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "minor_decided_by" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'minor_decided_by',
      'minor_decided_at',
      'minor_decision',
      'minor_evidence',
      'minor_suspected',
      'identity_pause_days',
      'identity_info_received_at',
      'identity_info_respond_by',
      'identity_info_channel',
      'identity_info_requested',
      'identity_info_requested_at',
      'fee_charged_at',
      'fee_justification',
      'fee_basis',
      'fee_amount_cents',
      'rejection_ground',
    ]) {
      await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "${column}"`);
    }
  }
}
