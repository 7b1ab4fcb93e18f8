import { MigrationInterface, QueryRunner } from "typeorm";

export class Rollouts1796197564496 implements MigrationInterface {
    name = 'Rollouts1796197564496'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "rollouts" ("version_id" uuid NOT NULL, "extension_id" uuid NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'ACTIVE', "percent" smallint NOT NULL DEFAULT '100', "step_percent" smallint, "step_every_hours" integer, "next_step_at" TIMESTAMP WITH TIME ZONE, "cursor" uuid, "pass_done" boolean NOT NULL DEFAULT false, "moved" integer NOT NULL DEFAULT '0', "offered" integer NOT NULL DEFAULT '0', "rolled_back" integer NOT NULL DEFAULT '0', "batches" integer NOT NULL DEFAULT '0', "previous_version_id" uuid, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "paused_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_rollouts" PRIMARY KEY ("version_id"))`);
        // Hand-written: the states and the share a rollout may have.
        await queryRunner.query(`ALTER TABLE "rollouts" ADD CONSTRAINT "ck_rollouts_state" CHECK ("state" IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'ROLLING_BACK', 'ROLLED_BACK'))`);
        await queryRunner.query(`ALTER TABLE "rollouts" ADD CONSTRAINT "ck_rollouts_percent" CHECK ("percent" BETWEEN 1 AND 100 AND ("step_percent" IS NULL OR "step_percent" BETWEEN 1 AND 100))`);
        await queryRunner.query(`CREATE TABLE "rollout_history" ("id" BIGSERIAL NOT NULL, "version_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "percent" smallint NOT NULL, "reason" text, "actor_id" uuid, "error_rate" double precision, "baseline_error_rate" double precision, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_rollout_history" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_rollout_history_version" ON "rollout_history" ("version_id", "id") `);
        await queryRunner.query(`ALTER TABLE "installations" ADD "rolled_from_version_id" uuid`);
        await queryRunner.query(`CREATE INDEX "ix_installations_extension_active" ON "installations" ("extension_id", "id") WHERE "status" = 'ACTIVE'`);
        await queryRunner.query(`ALTER TABLE "rollouts" ADD CONSTRAINT "FK_880e2d4c8c922c177df63479857" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rollouts" ADD CONSTRAINT "FK_e4e1fb6e5b2c92364849b45b4be" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rollout_history" ADD CONSTRAINT "FK_ed0ba944b9c7f69b3b82ecdec0b" FOREIGN KEY ("version_id") REFERENCES "rollouts"("version_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rollout_history" DROP CONSTRAINT "FK_ed0ba944b9c7f69b3b82ecdec0b"`);
        await queryRunner.query(`ALTER TABLE "rollouts" DROP CONSTRAINT "FK_e4e1fb6e5b2c92364849b45b4be"`);
        await queryRunner.query(`ALTER TABLE "rollouts" DROP CONSTRAINT "FK_880e2d4c8c922c177df63479857"`);
        await queryRunner.query(`DROP INDEX "public"."ix_installations_extension_active"`);
        await queryRunner.query(`ALTER TABLE "installations" DROP COLUMN "rolled_from_version_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_rollout_history_version"`);
        await queryRunner.query(`DROP TABLE "rollout_history"`);
        await queryRunner.query(`DROP TABLE "rollouts"`);
    }

}
