import { MigrationInterface, QueryRunner } from "typeorm";

export class Listings1795381062593 implements MigrationInterface {
    name = 'Listings1795381062593'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "listings" ("extension_id" uuid NOT NULL, "title" text, "short_description" text, "full_description" text, "categories" text array NOT NULL DEFAULT '{}', "screenshots" text array NOT NULL DEFAULT '{}', "supported_languages" text array NOT NULL DEFAULT '{}', "privacy_policy_url" text, "support_contact" text, "search_document" tsvector, "published_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_listings" PRIMARY KEY ("extension_id"))`);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "published_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "listings" ADD CONSTRAINT "FK_ccf7195eb6e80b6d854344819b5" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE INDEX "ix_listings_search" ON "listings" USING gin ("search_document")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_listings_search"`);
        await queryRunner.query(`ALTER TABLE "listings" DROP CONSTRAINT "FK_ccf7195eb6e80b6d854344819b5"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "published_at"`);
        await queryRunner.query(`DROP TABLE "listings"`);
    }

}
