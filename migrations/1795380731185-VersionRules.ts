import { MigrationInterface, QueryRunner } from "typeorm";

export class VersionRules1795380731185 implements MigrationInterface {
    name = 'VersionRules1795380731185'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."approval_kind" AS ENUM('SCOPE', 'DESTRUCTIVE_TOOL', 'EGRESS_DOMAIN')`);
        await queryRunner.query(`CREATE TABLE "extension_approvals" ("extension_id" uuid NOT NULL, "kind" "public"."approval_kind" NOT NULL, "value" text NOT NULL, "version_id" uuid NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_extension_approvals" PRIMARY KEY ("extension_id", "kind", "value"))`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "declared_bump" text`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "required_bump" text`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "change_summary" jsonb`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "review_triggers" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "extension_approvals" ADD CONSTRAINT "FK_6b34e1d26fefe91f6d09ab35c89" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "extension_approvals" DROP CONSTRAINT "FK_6b34e1d26fefe91f6d09ab35c89"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "review_triggers"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "change_summary"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "required_bump"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "declared_bump"`);
        await queryRunner.query(`DROP TABLE "extension_approvals"`);
        await queryRunner.query(`DROP TYPE "public"."approval_kind"`);
    }

}
