import { MigrationInterface, QueryRunner } from "typeorm";

export class GitSources1796185081912 implements MigrationInterface {
    name = 'GitSources1796185081912'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "extension_git_sources" ("extension_id" uuid NOT NULL, "url" text NOT NULL, "ref" text NOT NULL, "token_sealed" text, "webhook_secret_sealed" text, "webhook_secret_created_at" TIMESTAMP WITH TIME ZONE, "docs" jsonb, "docs_commit_sha" text, "docs_synced_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_extension_git_sources" PRIMARY KEY ("extension_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."git_revalidation_trigger" AS ENUM('SUBMIT', 'PUSH')`);
        await queryRunner.query(`CREATE TYPE "public"."git_revalidation_status" AS ENUM('SUBMITTED', 'QUEUED', 'RUNNING', 'SUPERSEDED', 'VALID', 'INVALID', 'FETCH_FAILED')`);
        await queryRunner.query(`CREATE TABLE "git_revalidations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "trigger" "public"."git_revalidation_trigger" NOT NULL, "status" "public"."git_revalidation_status" NOT NULL, "ref" text NOT NULL, "commit_sha" text NOT NULL, "version_id" uuid, "token_changed" boolean NOT NULL DEFAULT false, "delivery_id" text, "report" jsonb, "error_count" integer, "warning_count" integer, "message" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_git_revalidations" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_git_revalidations_extension" ON "git_revalidations" ("extension_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "git_hook_deliveries" ("extension_id" uuid NOT NULL, "delivery_id" text NOT NULL, "event" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_git_hook_deliveries" PRIMARY KEY ("extension_id", "delivery_id"))`);
        await queryRunner.query(`ALTER TABLE "extension_git_sources" ADD CONSTRAINT "FK_17f5f8dcb5bd120c6b8dfbd6e6d" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "git_revalidations" ADD CONSTRAINT "FK_851afe94f161d82d36d017184df" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "git_hook_deliveries" ADD CONSTRAINT "FK_237a74f7defa268cebe735fe415" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "git_hook_deliveries" DROP CONSTRAINT "FK_237a74f7defa268cebe735fe415"`);
        await queryRunner.query(`ALTER TABLE "git_revalidations" DROP CONSTRAINT "FK_851afe94f161d82d36d017184df"`);
        await queryRunner.query(`ALTER TABLE "extension_git_sources" DROP CONSTRAINT "FK_17f5f8dcb5bd120c6b8dfbd6e6d"`);
        await queryRunner.query(`DROP TABLE "git_hook_deliveries"`);
        await queryRunner.query(`DROP INDEX "public"."ix_git_revalidations_extension"`);
        await queryRunner.query(`DROP TABLE "git_revalidations"`);
        await queryRunner.query(`DROP TYPE "public"."git_revalidation_status"`);
        await queryRunner.query(`DROP TYPE "public"."git_revalidation_trigger"`);
        await queryRunner.query(`DROP TABLE "extension_git_sources"`);
    }

}
