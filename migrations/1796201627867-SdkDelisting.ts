import { MigrationInterface, QueryRunner } from "typeorm";

export class SdkDelisting1796201627867 implements MigrationInterface {
    name = 'SdkDelisting1796201627867'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "unsupported_sdks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "range" text NOT NULL, "reason" text NOT NULL, "marked_by_id" uuid NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delist_after" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_unsupported_sdks" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "sdk_delisting_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "unsupported_sdk_id" uuid NOT NULL, "version_id" uuid NOT NULL, "sdk_version" text NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "delisted_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_sdk_delisting_notices" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sdk_delisting_notices_open" ON "sdk_delisting_notices" ("deadline") WHERE "delisted_at" IS NULL AND "resolved_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sdk_delisting_notices" ON "sdk_delisting_notices" ("extension_id", "unsupported_sdk_id") `);
        await queryRunner.query(`ALTER TABLE "unsupported_sdks" ADD CONSTRAINT "FK_ebc500f4e2b3de124c8078274ca" FOREIGN KEY ("marked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sdk_delisting_notices" ADD CONSTRAINT "FK_46d358ec9238279301797242646" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sdk_delisting_notices" ADD CONSTRAINT "FK_bfeb9af72a5a5f088dd4243fabe" FOREIGN KEY ("unsupported_sdk_id") REFERENCES "unsupported_sdks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sdk_delisting_notices" ADD CONSTRAINT "FK_566a61a911e3e71232ca9d2ce04" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sdk_delisting_notices" DROP CONSTRAINT "FK_566a61a911e3e71232ca9d2ce04"`);
        await queryRunner.query(`ALTER TABLE "sdk_delisting_notices" DROP CONSTRAINT "FK_bfeb9af72a5a5f088dd4243fabe"`);
        await queryRunner.query(`ALTER TABLE "sdk_delisting_notices" DROP CONSTRAINT "FK_46d358ec9238279301797242646"`);
        await queryRunner.query(`ALTER TABLE "unsupported_sdks" DROP CONSTRAINT "FK_ebc500f4e2b3de124c8078274ca"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sdk_delisting_notices"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sdk_delisting_notices_open"`);
        await queryRunner.query(`DROP TABLE "sdk_delisting_notices"`);
        await queryRunner.query(`DROP TABLE "unsupported_sdks"`);
    }

}
