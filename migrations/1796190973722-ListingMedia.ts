import { MigrationInterface, QueryRunner } from "typeorm";

export class ListingMedia1796190973722 implements MigrationInterface {
    name = 'ListingMedia1796190973722'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."listing_media_kind" AS ENUM('SCREENSHOT', 'SECURITY_REVIEW', 'DATA_HANDLING')`);
        await queryRunner.query(`CREATE TABLE "listing_media" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "kind" "public"."listing_media_kind" NOT NULL, "position" integer NOT NULL, "content_type" text NOT NULL, "sha256" text NOT NULL, "size_bytes" integer NOT NULL, "width" integer, "height" integer, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_listing_media" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_listing_media_sha256" ON "listing_media" ("sha256") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_listing_media_slot" ON "listing_media" ("extension_id", "kind", "position") `);
        await queryRunner.query(`ALTER TABLE "listings" ADD "support_response_hours" integer`);
        await queryRunner.query(`ALTER TABLE "listing_media" ADD CONSTRAINT "FK_153744032c53f21309634d68b83" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "listing_media" DROP CONSTRAINT "FK_153744032c53f21309634d68b83"`);
        await queryRunner.query(`ALTER TABLE "listings" DROP COLUMN "support_response_hours"`);
        await queryRunner.query(`DROP INDEX "public"."ux_listing_media_slot"`);
        await queryRunner.query(`DROP INDEX "public"."ix_listing_media_sha256"`);
        await queryRunner.query(`DROP TABLE "listing_media"`);
        await queryRunner.query(`DROP TYPE "public"."listing_media_kind"`);
    }

}
