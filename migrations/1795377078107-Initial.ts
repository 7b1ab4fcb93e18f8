import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795377078107 implements MigrationInterface {
    name = 'Initial1795377078107'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_users" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") `);
        await queryRunner.query(`CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "prefix" text NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_api_tokens" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_api_tokens_user_id" ON "api_tokens" ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_tokens_token_hash" ON "api_tokens" ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "developer_profiles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "author_id" text NOT NULL, "organization_name" text NOT NULL, "contact_email" text NOT NULL, "terms_accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_developer_profiles" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_developer_profiles_user_id" ON "developer_profiles" ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_developer_profiles_author_id" ON "developer_profiles" ("author_id") `);
        await queryRunner.query(`CREATE TYPE "public"."upgrade_policy" AS ENUM('AUTOMATIC', 'MANUAL')`);
        await queryRunner.query(`CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "upgrade_policy" "public"."upgrade_policy" NOT NULL DEFAULT 'AUTOMATIC', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_organizations" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."org_role" AS ENUM('OWNER', 'ADMIN', 'MEMBER')`);
        await queryRunner.query(`CREATE TABLE "organization_members" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."org_role" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_organization_members" PRIMARY KEY ("organization_id", "user_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_organization_members_user_id" ON "organization_members" ("user_id") `);
        await queryRunner.query(`CREATE TABLE "login_attempts" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "address" text NOT NULL, "succeeded" boolean NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_login_attempts" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_login_attempts_address_at" ON "login_attempts" ("address", "attempted_at") `);
        await queryRunner.query(`CREATE INDEX "ix_login_attempts_email_at" ON "login_attempts" ("email", "attempted_at") `);
        await queryRunner.query(`CREATE TABLE "audit_entries" ("id" BIGSERIAL NOT NULL, "actor_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "request_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_audit_entries" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audit_entries_target" ON "audit_entries" ("target_type", "target_id") `);
        await queryRunner.query(`CREATE TABLE "platform_events" ("id" BIGSERIAL NOT NULL, "type" text NOT NULL, "app_id" text, "version" text, "subject_type" text NOT NULL, "subject_id" text NOT NULL, "audience_user_id" uuid, "actor_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_platform_events" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_platform_events_audience" ON "platform_events" ("audience_user_id") `);
        await queryRunner.query(`CREATE INDEX "ix_platform_events_app_id" ON "platform_events" ("app_id", "id") `);
        await queryRunner.query(`ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "developer_profiles" ADD CONSTRAINT "FK_2f3e4590c9e181d9cfba7a76713" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "organizations" ADD CONSTRAINT "FK_f56cb25675485f275a31825d67d" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "organization_members" ADD CONSTRAINT "FK_7062a4fbd9bab22ffd918e5d3d9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "organization_members" ADD CONSTRAINT "FK_89bde91f78d36ca41e9515d91c6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization_members" DROP CONSTRAINT "FK_89bde91f78d36ca41e9515d91c6"`);
        await queryRunner.query(`ALTER TABLE "organization_members" DROP CONSTRAINT "FK_7062a4fbd9bab22ffd918e5d3d9"`);
        await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "FK_f56cb25675485f275a31825d67d"`);
        await queryRunner.query(`ALTER TABLE "developer_profiles" DROP CONSTRAINT "FK_2f3e4590c9e181d9cfba7a76713"`);
        await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_b74883f5884a42fd8496d389b25"`);
        await queryRunner.query(`DROP INDEX "public"."ix_platform_events_app_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_platform_events_audience"`);
        await queryRunner.query(`DROP TABLE "platform_events"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_entries_target"`);
        await queryRunner.query(`DROP TABLE "audit_entries"`);
        await queryRunner.query(`DROP INDEX "public"."ix_login_attempts_email_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_login_attempts_address_at"`);
        await queryRunner.query(`DROP TABLE "login_attempts"`);
        await queryRunner.query(`DROP INDEX "public"."ix_organization_members_user_id"`);
        await queryRunner.query(`DROP TABLE "organization_members"`);
        await queryRunner.query(`DROP TYPE "public"."org_role"`);
        await queryRunner.query(`DROP TABLE "organizations"`);
        await queryRunner.query(`DROP TYPE "public"."upgrade_policy"`);
        await queryRunner.query(`DROP INDEX "public"."uq_developer_profiles_author_id"`);
        await queryRunner.query(`DROP INDEX "public"."uq_developer_profiles_user_id"`);
        await queryRunner.query(`DROP TABLE "developer_profiles"`);
        await queryRunner.query(`DROP INDEX "public"."uq_api_tokens_token_hash"`);
        await queryRunner.query(`DROP INDEX "public"."ix_api_tokens_user_id"`);
        await queryRunner.query(`DROP TABLE "api_tokens"`);
        await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
        await queryRunner.query(`DROP TABLE "users"`);
    }

}
