import { MigrationInterface, QueryRunner } from "typeorm";

export class RuntimeReports1796197753738 implements MigrationInterface {
    name = 'RuntimeReports1796197753738'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "runtime_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "prefix" text NOT NULL, "created_by_id" uuid NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_runtime_tokens" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_runtime_tokens_extension_id" ON "runtime_tokens" ("extension_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_runtime_tokens_token_hash" ON "runtime_tokens" ("token_hash") `);
        await queryRunner.query(`CREATE TYPE "public"."runtime_count_kind" AS ENUM('ACTIONS', 'ERRORS')`);
        await queryRunner.query(`CREATE TABLE "runtime_counts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "version_id" uuid NOT NULL, "kind" "public"."runtime_count_kind" NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "count" bigint NOT NULL, "token_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_runtime_counts_count" CHECK (count >= 0), CONSTRAINT "ck_runtime_counts_window" CHECK (window_end > window_start), CONSTRAINT "pk_runtime_counts" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_runtime_counts_extension_start" ON "runtime_counts" ("extension_id", "window_start") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_runtime_counts_window" ON "runtime_counts" ("version_id", "kind", "window_start", "window_end") `);
        await queryRunner.query(`CREATE TYPE "public"."runtime_health_status" AS ENUM('HEALTHY', 'DEGRADED', 'FAILING')`);
        await queryRunner.query(`CREATE TABLE "runtime_health_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "version_id" uuid NOT NULL, "installation_id" uuid, "subject_id" uuid NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."runtime_health_status" NOT NULL, "detail" text, "token_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_runtime_health_reports_window" CHECK (window_end > window_start), CONSTRAINT "pk_runtime_health_reports" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_runtime_health_reports_version_end" ON "runtime_health_reports" ("version_id", "window_end") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_runtime_health_reports_window" ON "runtime_health_reports" ("subject_id", "window_start", "window_end") `);
        await queryRunner.query(`ALTER TABLE "runtime_tokens" ADD CONSTRAINT "FK_79f6b8de4fd21f62072d4a65199" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_tokens" ADD CONSTRAINT "FK_0c32da881ee4fea21be99231fb1" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_counts" ADD CONSTRAINT "FK_3c9e6194b439c8bb0419830f124" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_counts" ADD CONSTRAINT "FK_769bbebe1a0b5a89876e5d1c722" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_counts" ADD CONSTRAINT "FK_2e27eb7e192b8722da78b3a9b9e" FOREIGN KEY ("token_id") REFERENCES "runtime_tokens"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_health_reports" ADD CONSTRAINT "FK_e6c12bc491d30e738296d867f00" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_health_reports" ADD CONSTRAINT "FK_86536aa107208998a923b69cd2f" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_health_reports" ADD CONSTRAINT "FK_50059f843939d181f92f52302f1" FOREIGN KEY ("token_id") REFERENCES "runtime_tokens"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "runtime_health_reports" DROP CONSTRAINT "FK_50059f843939d181f92f52302f1"`);
        await queryRunner.query(`ALTER TABLE "runtime_health_reports" DROP CONSTRAINT "FK_86536aa107208998a923b69cd2f"`);
        await queryRunner.query(`ALTER TABLE "runtime_health_reports" DROP CONSTRAINT "FK_e6c12bc491d30e738296d867f00"`);
        await queryRunner.query(`ALTER TABLE "runtime_counts" DROP CONSTRAINT "FK_2e27eb7e192b8722da78b3a9b9e"`);
        await queryRunner.query(`ALTER TABLE "runtime_counts" DROP CONSTRAINT "FK_769bbebe1a0b5a89876e5d1c722"`);
        await queryRunner.query(`ALTER TABLE "runtime_counts" DROP CONSTRAINT "FK_3c9e6194b439c8bb0419830f124"`);
        await queryRunner.query(`ALTER TABLE "runtime_tokens" DROP CONSTRAINT "FK_0c32da881ee4fea21be99231fb1"`);
        await queryRunner.query(`ALTER TABLE "runtime_tokens" DROP CONSTRAINT "FK_79f6b8de4fd21f62072d4a65199"`);
        await queryRunner.query(`DROP INDEX "public"."uq_runtime_health_reports_window"`);
        await queryRunner.query(`DROP INDEX "public"."ix_runtime_health_reports_version_end"`);
        await queryRunner.query(`DROP TABLE "runtime_health_reports"`);
        await queryRunner.query(`DROP TYPE "public"."runtime_health_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_runtime_counts_window"`);
        await queryRunner.query(`DROP INDEX "public"."ix_runtime_counts_extension_start"`);
        await queryRunner.query(`DROP TABLE "runtime_counts"`);
        await queryRunner.query(`DROP TYPE "public"."runtime_count_kind"`);
        await queryRunner.query(`DROP INDEX "public"."uq_runtime_tokens_token_hash"`);
        await queryRunner.query(`DROP INDEX "public"."ix_runtime_tokens_extension_id"`);
        await queryRunner.query(`DROP TABLE "runtime_tokens"`);
    }

}
