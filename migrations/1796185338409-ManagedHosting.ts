import { MigrationInterface, QueryRunner } from "typeorm";

export class ManagedHosting1796185338409 implements MigrationInterface {
    name = 'ManagedHosting1796185338409'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "hosting_tiers" ("name" text NOT NULL, "cpu_millicores" integer NOT NULL, "memory_mib" integer NOT NULL, "monthly_cost_minor" integer NOT NULL, "currency" text NOT NULL, "use_case" text NOT NULL DEFAULT '', "position" integer NOT NULL DEFAULT '0', "is_default" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_hosting_tiers_currency" CHECK ("currency" ~ '^[A-Z]{3}$'), CONSTRAINT "ck_hosting_tiers_resources" CHECK ("cpu_millicores" > 0 AND "memory_mib" > 0 AND "monthly_cost_minor" >= 0), CONSTRAINT "pk_hosting_tiers" PRIMARY KEY ("name"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_hosting_tiers_default" ON "hosting_tiers" ("is_default") WHERE "is_default"`);
        await queryRunner.query(`CREATE TABLE "installation_hosting_consents" ("installation_id" uuid NOT NULL, "tier" text NOT NULL, "monthly_cost_minor" integer NOT NULL, "currency" text NOT NULL, "acknowledged_by_id" uuid NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_installation_hosting_consents" PRIMARY KEY ("installation_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."health_check_status" AS ENUM('PENDING', 'PASSED', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "hosting_health_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "review_case_id" uuid, "staging_url" text NOT NULL, "url" text NOT NULL, "status" "public"."health_check_status" NOT NULL DEFAULT 'PENDING', "http_status" integer, "latency_ms" integer, "attempts" integer NOT NULL DEFAULT '0', "body_excerpt" text, "error" text, "requested_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_hosting_health_checks" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_hosting_health_checks_version" ON "hosting_health_checks" ("version_id", "created_at") `);
        // The published tiers (docs/hosting.md) and the default-tier setting: data an operator may change, not constants in code.
        await queryRunner.query(`INSERT INTO "hosting_tiers" ("name", "cpu_millicores", "memory_mib", "monthly_cost_minor", "currency", "use_case", "position", "is_default") VALUES
            ('minimal', 250, 256, 500, 'USD', 'Simple webhooks, notifications', 1, false),
            ('standard', 1000, 512, 1500, 'USD', 'Most extensions, API integrations', 2, true),
            ('compute', 2000, 1024, 3500, 'USD', 'Data processing, heavy computations', 3, false),
            ('memory', 1000, 2048, 3000, 'USD', 'Large datasets, caching', 4, false)`);
        await queryRunner.query(`ALTER TABLE "installation_hosting_consents" ADD CONSTRAINT "FK_d50918684a9da1eafc2858c90de" FOREIGN KEY ("installation_id") REFERENCES "installations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "installation_hosting_consents" ADD CONSTRAINT "FK_d16cc2d440014db9d14e0cfe3cd" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "hosting_health_checks" ADD CONSTRAINT "FK_cc733a2e35af636c6e2662b5e3f" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "hosting_health_checks" ADD CONSTRAINT "FK_91e0ea0f7683fec0d92987fb530" FOREIGN KEY ("review_case_id") REFERENCES "review_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "hosting_health_checks" ADD CONSTRAINT "FK_e38e96b7458118bc05d20ec5110" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "hosting_health_checks" DROP CONSTRAINT "FK_e38e96b7458118bc05d20ec5110"`);
        await queryRunner.query(`ALTER TABLE "hosting_health_checks" DROP CONSTRAINT "FK_91e0ea0f7683fec0d92987fb530"`);
        await queryRunner.query(`ALTER TABLE "hosting_health_checks" DROP CONSTRAINT "FK_cc733a2e35af636c6e2662b5e3f"`);
        await queryRunner.query(`ALTER TABLE "installation_hosting_consents" DROP CONSTRAINT "FK_d16cc2d440014db9d14e0cfe3cd"`);
        await queryRunner.query(`ALTER TABLE "installation_hosting_consents" DROP CONSTRAINT "FK_d50918684a9da1eafc2858c90de"`);
        await queryRunner.query(`DROP INDEX "public"."ix_hosting_health_checks_version"`);
        await queryRunner.query(`DROP TABLE "hosting_health_checks"`);
        await queryRunner.query(`DROP TYPE "public"."health_check_status"`);
        await queryRunner.query(`DROP TABLE "installation_hosting_consents"`);
        await queryRunner.query(`DROP INDEX "public"."uq_hosting_tiers_default"`);
        await queryRunner.query(`DROP TABLE "hosting_tiers"`);
    }

}
