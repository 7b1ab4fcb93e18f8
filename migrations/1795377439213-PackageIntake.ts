import { MigrationInterface, QueryRunner } from "typeorm";

export class PackageIntake1795377439213 implements MigrationInterface {
    name = 'PackageIntake1795377439213'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "categories" ("slug" text NOT NULL, "name" text NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_categories" PRIMARY KEY ("slug"))`);
        await queryRunner.query(`CREATE TABLE "platform_scopes" ("scope" text NOT NULL, "description" text NOT NULL, CONSTRAINT "pk_platform_scopes" PRIMARY KEY ("scope"))`);
        await queryRunner.query(`CREATE TABLE "extensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "app_id" text NOT NULL, "display_name" text NOT NULL, "category" text NOT NULL, "owner_id" uuid NOT NULL, "system" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_extensions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_extensions_app_id" ON "extensions" ("app_id") `);
        await queryRunner.query(`CREATE INDEX "ix_extensions_owner_id" ON "extensions" ("owner_id") `);
        await queryRunner.query(`CREATE TABLE "package_blobs" ("sha256" text NOT NULL, "size_bytes" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_package_blobs" PRIMARY KEY ("sha256"))`);
        await queryRunner.query(`CREATE TYPE "public"."upload_status" AS ENUM('PENDING', 'RECEIVED', 'USED', 'EXPIRED')`);
        await queryRunner.query(`CREATE TABLE "package_uploads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "status" "public"."upload_status" NOT NULL DEFAULT 'PENDING', "max_bytes" bigint NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sha256" text, "size_bytes" bigint, "archive_issues" jsonb NOT NULL DEFAULT '[]', "received_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_package_uploads" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_package_uploads_user_id" ON "package_uploads" ("user_id") `);
        await queryRunner.query(`CREATE INDEX "ix_package_uploads_status_expires" ON "package_uploads" ("status", "expires_at") `);
        await queryRunner.query(`CREATE TYPE "public"."version_status" AS ENUM('SUBMITTED', 'VALIDATING', 'VALIDATION_FAILED', 'PENDING_REVIEW', 'IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'WITHDRAWN', 'APPROVED', 'PUBLISHED', 'DEPRECATED')`);
        await queryRunner.query(`CREATE TYPE "public"."version_source" AS ENUM('UPLOAD', 'GIT')`);
        await queryRunner.query(`CREATE TABLE "extension_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "version" text, "status" "public"."version_status" NOT NULL DEFAULT 'SUBMITTED', "source" "public"."version_source" NOT NULL, "package_sha256" text NOT NULL, "git_url" text, "git_ref" text, "git_commit_sha" text, "git_token_sealed" text, "manifest" jsonb, "report" jsonb, "submitted_by_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "validated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_extension_versions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_extension_versions_extension_id" ON "extension_versions" ("extension_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_extension_versions_live" ON "extension_versions" ("extension_id", "version") WHERE "status" NOT IN ('VALIDATION_FAILED', 'WITHDRAWN', 'REJECTED') AND "version" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "extensions" ADD CONSTRAINT "FK_76f1f678edcddde773e878f3c2e" FOREIGN KEY ("category") REFERENCES "categories"("slug") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extensions" ADD CONSTRAINT "FK_9c55a428f6028ff4100cd276329" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "package_uploads" ADD CONSTRAINT "FK_b5a3a866cd6e737124dffd82aaf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "package_uploads" ADD CONSTRAINT "FK_aa5cf443772f5fe64186d19b381" FOREIGN KEY ("sha256") REFERENCES "package_blobs"("sha256") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD CONSTRAINT "FK_b3a3b5c61509243cc939d1e951d" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD CONSTRAINT "FK_7e3e39b8c44a8a4ea715a522d04" FOREIGN KEY ("package_sha256") REFERENCES "package_blobs"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD CONSTRAINT "FK_96eae8ad249f29e092586ffef76" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // Seed data: the category catalog and the platform capability registry
        // (src/modules/validation/platform-scopes.ts is the same list for the CLI).
        await queryRunner.query(`INSERT INTO "categories" ("slug", "name", "sort_order") VALUES
              ('productivity', 'Productivity', 0),
              ('communication', 'Communication', 1),
              ('analytics', 'Analytics', 2),
              ('marketing', 'Marketing', 3),
              ('seo', 'SEO', 4),
              ('content', 'Content & Writing', 5),
              ('social-media', 'Social Media', 6),
              ('developer-tools', 'Developer Tools', 7),
              ('project-management', 'Project Management', 8),
              ('finance', 'Finance', 9),
              ('sales-crm', 'Sales & CRM', 10),
              ('ai', 'AI & Automation', 11),
              ('storage', 'Files & Storage', 12),
              ('security', 'Security', 13),
              ('media', 'Media & Design', 14),
              ('education', 'Education', 15),
              ('other', 'Other', 16)`);
        await queryRunner.query(`INSERT INTO "platform_scopes" ("scope", "description") VALUES
              ('store:read', 'Read the extension’s per-user store'),
              ('store:write', 'Write the extension’s per-user store'),
              ('storage:read', 'Read files the user stored in the workspace'),
              ('storage:write', 'Create and change files in the workspace'),
              ('config:read', 'Read the extension’s configuration'),
              ('config:write', 'Change the extension’s configuration'),
              ('notify:push', 'Send the user notifications'),
              ('notifications:read', 'Read the user’s notifications'),
              ('notifications:write', 'Create or dismiss the user’s notifications'),
              ('ai:complete', 'Use the platform’s language models'),
              ('auth:oauth', 'Connect third-party accounts through OAuth'),
              ('secrets:read', 'Read secrets the user set for the extension'),
              ('http:request', 'Call external HTTP endpoints (egress is reviewed)'),
              ('users:read', 'Read user directory entries'),
              ('users:manage', 'Manage users (first-party only)'),
              ('users:admin', 'Administer users (first-party only)'),
              ('email:read', 'Read the user’s email'),
              ('email:send', 'Send email as the user'),
              ('calendar:read', 'Read the user’s calendar'),
              ('calendar:write', 'Change the user’s calendar')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP CONSTRAINT "FK_96eae8ad249f29e092586ffef76"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP CONSTRAINT "FK_7e3e39b8c44a8a4ea715a522d04"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP CONSTRAINT "FK_b3a3b5c61509243cc939d1e951d"`);
        await queryRunner.query(`ALTER TABLE "package_uploads" DROP CONSTRAINT "FK_aa5cf443772f5fe64186d19b381"`);
        await queryRunner.query(`ALTER TABLE "package_uploads" DROP CONSTRAINT "FK_b5a3a866cd6e737124dffd82aaf"`);
        await queryRunner.query(`ALTER TABLE "extensions" DROP CONSTRAINT "FK_9c55a428f6028ff4100cd276329"`);
        await queryRunner.query(`ALTER TABLE "extensions" DROP CONSTRAINT "FK_76f1f678edcddde773e878f3c2e"`);
        await queryRunner.query(`DROP INDEX "public"."uq_extension_versions_live"`);
        await queryRunner.query(`DROP INDEX "public"."ix_extension_versions_extension_id"`);
        await queryRunner.query(`DROP TABLE "extension_versions"`);
        await queryRunner.query(`DROP TYPE "public"."version_source"`);
        await queryRunner.query(`DROP TYPE "public"."version_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_package_uploads_status_expires"`);
        await queryRunner.query(`DROP INDEX "public"."ix_package_uploads_user_id"`);
        await queryRunner.query(`DROP TABLE "package_uploads"`);
        await queryRunner.query(`DROP TYPE "public"."upload_status"`);
        await queryRunner.query(`DROP TABLE "package_blobs"`);
        await queryRunner.query(`DROP INDEX "public"."ix_extensions_owner_id"`);
        await queryRunner.query(`DROP INDEX "public"."uq_extensions_app_id"`);
        await queryRunner.query(`DROP TABLE "extensions"`);
        await queryRunner.query(`DROP TABLE "platform_scopes"`);
        await queryRunner.query(`DROP TABLE "categories"`);
    }

}
