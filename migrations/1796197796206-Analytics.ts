import { MigrationInterface, QueryRunner } from "typeorm";

export class Analytics1796197796206 implements MigrationInterface {
    name = 'Analytics1796197796206'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "analytics_extension_daily" ("extension_id" uuid NOT NULL, "day" date NOT NULL, "installs" integer NOT NULL DEFAULT '0', "uninstalls" integer NOT NULL DEFAULT '0', "upgrades" integer NOT NULL DEFAULT '0', "active_installations" integer NOT NULL DEFAULT '0', "offers_created" integer NOT NULL DEFAULT '0', "offers_accepted" integer NOT NULL DEFAULT '0', "offers_declined" integer NOT NULL DEFAULT '0', "actions" bigint NOT NULL DEFAULT '0', "errors" bigint NOT NULL DEFAULT '0', "ratings_new" integer NOT NULL DEFAULT '0', "rating_count" integer NOT NULL DEFAULT '0', "rating_sum" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_analytics_extension_daily" PRIMARY KEY ("extension_id", "day"))`);
        await queryRunner.query(`CREATE TABLE "analytics_version_daily" ("version_id" uuid NOT NULL, "day" date NOT NULL, "extension_id" uuid NOT NULL, "installs" integer NOT NULL DEFAULT '0', "uninstalls" integer NOT NULL DEFAULT '0', "upgrades_in" integer NOT NULL DEFAULT '0', "upgrades_out" integer NOT NULL DEFAULT '0', "active_installations" integer NOT NULL DEFAULT '0', "offers_created" integer NOT NULL DEFAULT '0', "offers_accepted" integer NOT NULL DEFAULT '0', "offers_declined" integer NOT NULL DEFAULT '0', "actions" bigint NOT NULL DEFAULT '0', "errors" bigint NOT NULL DEFAULT '0', CONSTRAINT "pk_analytics_version_daily" PRIMARY KEY ("version_id", "day"))`);
        await queryRunner.query(`CREATE INDEX "ix_analytics_version_daily_extension_day" ON "analytics_version_daily" ("extension_id", "day") `);
        await queryRunner.query(`CREATE TABLE "analytics_rollup_days" ("day" date NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "complete" boolean NOT NULL, CONSTRAINT "pk_analytics_rollup_days" PRIMARY KEY ("day"))`);
        // Hand-written (the entity marks it synchronize: false): the rollup reads the event log by day.
        await queryRunner.query(`CREATE INDEX "ix_platform_events_occurred_at_brin" ON "platform_events" USING brin ("occurred_at") WITH (autosummarize = on)`);
        await queryRunner.query(`ALTER TABLE "analytics_extension_daily" ADD CONSTRAINT "FK_980b623bbf26ca9cd917d8a3ee5" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "analytics_version_daily" ADD CONSTRAINT "FK_b73ab3ec1539e3929a636b7d1b2" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "analytics_version_daily" ADD CONSTRAINT "FK_1af9d711c326dd0195716c6c2e8" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "analytics_version_daily" DROP CONSTRAINT "FK_1af9d711c326dd0195716c6c2e8"`);
        await queryRunner.query(`ALTER TABLE "analytics_version_daily" DROP CONSTRAINT "FK_b73ab3ec1539e3929a636b7d1b2"`);
        await queryRunner.query(`ALTER TABLE "analytics_extension_daily" DROP CONSTRAINT "FK_980b623bbf26ca9cd917d8a3ee5"`);
        await queryRunner.query(`DROP INDEX "public"."ix_platform_events_occurred_at_brin"`);
        await queryRunner.query(`DROP TABLE "analytics_rollup_days"`);
        await queryRunner.query(`DROP INDEX "public"."ix_analytics_version_daily_extension_day"`);
        await queryRunner.query(`DROP TABLE "analytics_version_daily"`);
        await queryRunner.query(`DROP TABLE "analytics_extension_daily"`);
    }

}
