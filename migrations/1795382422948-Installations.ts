import { MigrationInterface, QueryRunner } from "typeorm";

export class Installations1795382422948 implements MigrationInterface {
    name = 'Installations1795382422948'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."install_source" AS ENUM('USER', 'AUTO_SYSTEM', 'STAGING')`);
        await queryRunner.query(`CREATE TYPE "public"."install_placement" AS ENUM('SIDEBAR_BOTTOM', 'MIDDLE_LIST')`);
        await queryRunner.query(`CREATE TYPE "public"."install_status" AS ENUM('ACTIVE', 'UNINSTALLED')`);
        await queryRunner.query(`CREATE TABLE "installations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "version_id" uuid NOT NULL, "owner_user_id" uuid, "organization_id" uuid, "granted_scopes" text array NOT NULL DEFAULT '{}', "source" "public"."install_source" NOT NULL, "placement" "public"."install_placement" NOT NULL, "status" "public"."install_status" NOT NULL DEFAULT 'ACTIVE', "installed_by_id" uuid, "installed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "uninstalled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_installations" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_installations_owner" ON "installations" ("owner_user_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_installations_org" ON "installations" ("extension_id", "organization_id") WHERE "status" = 'ACTIVE' AND "organization_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_installations_user" ON "installations" ("extension_id", "owner_user_id") WHERE "status" = 'ACTIVE' AND "organization_id" IS NULL`);
        await queryRunner.query(`ALTER TABLE "installations" ADD CONSTRAINT "FK_ed4385da874522cb16f54e0fe99" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "installations" ADD CONSTRAINT "FK_379428e2420be206f7761612ff9" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "installations" ADD CONSTRAINT "FK_27d83d6b30110863f7978ca0a6a" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "installations" ADD CONSTRAINT "FK_b0a3b3b76b7267b388c8f7fc967" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "installations" DROP CONSTRAINT "FK_b0a3b3b76b7267b388c8f7fc967"`);
        await queryRunner.query(`ALTER TABLE "installations" DROP CONSTRAINT "FK_27d83d6b30110863f7978ca0a6a"`);
        await queryRunner.query(`ALTER TABLE "installations" DROP CONSTRAINT "FK_379428e2420be206f7761612ff9"`);
        await queryRunner.query(`ALTER TABLE "installations" DROP CONSTRAINT "FK_ed4385da874522cb16f54e0fe99"`);
        await queryRunner.query(`DROP INDEX "public"."uq_installations_user"`);
        await queryRunner.query(`DROP INDEX "public"."uq_installations_org"`);
        await queryRunner.query(`DROP INDEX "public"."ix_installations_owner"`);
        await queryRunner.query(`DROP TABLE "installations"`);
        await queryRunner.query(`DROP TYPE "public"."install_status"`);
        await queryRunner.query(`DROP TYPE "public"."install_placement"`);
        await queryRunner.query(`DROP TYPE "public"."install_source"`);
    }

}
