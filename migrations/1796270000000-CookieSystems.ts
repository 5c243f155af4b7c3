import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cookie register kept the company's two systems in one list under the website banner's
 * categories (issue 18): the platform with calendar sync (Odoo) has its own cookie policy and
 * banner, and `_ga` appeared twice, `__gads`/`__gac` under "marketing" although the website
 * declares no marketing cookies. Each cookie now names its system, and the platform's seeded
 * cookies take the categories of the platform's policy. Only rows still as seeded change.
 */
const PLATFORM_POLICY = 'Platform cookie policy';

// The platform's cookie policy, section by section: its cookies as it lists them.
const PLATFORM_CATEGORY_OF: Array<[string, string]> = [
  ['session_id', 'session_security'],
  ['frontend_lang', 'preferences'],
  ['im_livechat_previous_operator', 'interaction_history'],
  ['utm_campaign', 'interaction_history'],
  ['utm_source', 'interaction_history'],
  ['utm_medium', 'interaction_history'],
  ['__gads', 'advertising_marketing'],
  ['__gac', 'advertising_marketing'],
  ['_ga', 'analytics'],
  ['_gat', 'analytics'],
  ['_gid', 'analytics'],
  ['_gac_*', 'analytics'],
];

export class CookieSystems1796270000000 implements MigrationInterface {
  name = 'CookieSystems1796270000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cookies" ADD "system" text NOT NULL DEFAULT 'website'`);
    await q.query(`UPDATE "cookies" SET "system" = 'platform' WHERE "listed_in" = $1`, [PLATFORM_POLICY]);
    for (const [name, category] of PLATFORM_CATEGORY_OF) {
      await q.query(
        `UPDATE "cookies" SET "category" = $2 WHERE "system" = 'platform' AND "name" = $1 AND "category" IN ('necessary', 'analytics', 'marketing')`,
        [name, category],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    // Back to the website banner's words, as the first seed had them.
    await q.query(
      `UPDATE "cookies" SET "category" = CASE "category"
         WHEN 'session_security' THEN 'necessary' WHEN 'preferences' THEN 'necessary'
         WHEN 'interaction_history' THEN 'analytics' WHEN 'advertising_marketing' THEN 'marketing'
         ELSE "category" END
       WHERE "system" = 'platform'`,
    );
    await q.query(`ALTER TABLE "cookies" DROP COLUMN "system"`);
  }
}
