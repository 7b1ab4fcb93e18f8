import { MigrationInterface, QueryRunner } from "typeorm";

export class AutomaticSuspension1796200087778 implements MigrationInterface {
    name = 'AutomaticSuspension1796200087778'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."runtime_suspension_policy" AS ENUM('HEALTH_FAILURES', 'CRASH_RATE')`);
        await queryRunner.query(`CREATE TABLE "runtime_suspensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "version_id" uuid NOT NULL, "policy" "public"."runtime_suspension_policy" NOT NULL, "reason" text NOT NULL, "evidence" jsonb NOT NULL, "extension_suspended" boolean NOT NULL, "suspended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lifted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_runtime_suspensions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_runtime_suspensions_version_id" ON "runtime_suspensions" ("version_id") `);
        await queryRunner.query(`CREATE INDEX "ix_runtime_suspensions_extension_open" ON "runtime_suspensions" ("extension_id") WHERE "lifted_at" IS NULL`);
        // Hand-written: ADD VALUE instead of the generated type swap, which would have to rebuild
        // the partial index uq_extension_versions_live (its predicate names the old type).
        await queryRunner.query(`ALTER TYPE "public"."version_status" ADD VALUE IF NOT EXISTS 'SUSPENDED'`);
        await queryRunner.query(`ALTER TABLE "runtime_suspensions" ADD CONSTRAINT "FK_2e27a9a24015201728fa5af1206" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "runtime_suspensions" ADD CONSTRAINT "FK_50c32853d6dea96a1c442cdef60" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "runtime_suspensions" DROP CONSTRAINT "FK_50c32853d6dea96a1c442cdef60"`);
        await queryRunner.query(`ALTER TABLE "runtime_suspensions" DROP CONSTRAINT "FK_2e27a9a24015201728fa5af1206"`);
        // PostgreSQL cannot drop an enum value: suspended versions go back to PUBLISHED and the type
        // is rebuilt without SUSPENDED (the partial index that names it is rebuilt with it).
        await queryRunner.query(`UPDATE "extension_versions" SET "status" = 'PUBLISHED' WHERE "status" = 'SUSPENDED'`);
        await queryRunner.query(`DROP INDEX "public"."uq_extension_versions_live"`);
        await queryRunner.query(`ALTER TYPE "public"."version_status" RENAME TO "version_status_old"`);
        await queryRunner.query(`CREATE TYPE "public"."version_status" AS ENUM('SUBMITTED', 'VALIDATING', 'VALIDATION_FAILED', 'PENDING_REVIEW', 'IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'WITHDRAWN', 'APPROVED', 'PUBLISHED', 'DEPRECATED')`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ALTER COLUMN "status" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ALTER COLUMN "status" TYPE "public"."version_status" USING "status"::"text"::"public"."version_status"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ALTER COLUMN "status" SET DEFAULT 'SUBMITTED'`);
        await queryRunner.query(`DROP TYPE "public"."version_status_old"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_extension_versions_live" ON "extension_versions" ("extension_id", "version") WHERE "status" NOT IN ('VALIDATION_FAILED', 'WITHDRAWN', 'REJECTED') AND "version" IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."ix_runtime_suspensions_extension_open"`);
        await queryRunner.query(`DROP INDEX "public"."ix_runtime_suspensions_version_id"`);
        await queryRunner.query(`DROP TABLE "runtime_suspensions"`);
        await queryRunner.query(`DROP TYPE "public"."runtime_suspension_policy"`);
    }

}
