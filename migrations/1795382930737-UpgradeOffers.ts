import { MigrationInterface, QueryRunner } from "typeorm";

export class UpgradeOffers1795382930737 implements MigrationInterface {
    name = 'UpgradeOffers1795382930737'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."offer_status" AS ENUM('OPEN', 'ACCEPTED', 'DECLINED', 'SUPERSEDED')`);
        await queryRunner.query(`CREATE TABLE "upgrade_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "installation_id" uuid NOT NULL, "from_version_id" uuid NOT NULL, "to_version_id" uuid NOT NULL, "new_scopes" text array NOT NULL DEFAULT '{}', "status" "public"."offer_status" NOT NULL DEFAULT 'OPEN', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_upgrade_offers" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_upgrade_offers_open" ON "upgrade_offers" ("installation_id") WHERE "status" IN ('OPEN', 'DECLINED')`);
        await queryRunner.query(`ALTER TABLE "upgrade_offers" ADD CONSTRAINT "FK_92454c2f3f73caae7b6ad754e28" FOREIGN KEY ("installation_id") REFERENCES "installations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "upgrade_offers" ADD CONSTRAINT "FK_70f1e28b80ac50bdabb9d01f688" FOREIGN KEY ("from_version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "upgrade_offers" ADD CONSTRAINT "FK_8462a2f8cb5c806e792777304f8" FOREIGN KEY ("to_version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "upgrade_offers" DROP CONSTRAINT "FK_8462a2f8cb5c806e792777304f8"`);
        await queryRunner.query(`ALTER TABLE "upgrade_offers" DROP CONSTRAINT "FK_70f1e28b80ac50bdabb9d01f688"`);
        await queryRunner.query(`ALTER TABLE "upgrade_offers" DROP CONSTRAINT "FK_92454c2f3f73caae7b6ad754e28"`);
        await queryRunner.query(`DROP INDEX "public"."uq_upgrade_offers_open"`);
        await queryRunner.query(`DROP TABLE "upgrade_offers"`);
        await queryRunner.query(`DROP TYPE "public"."offer_status"`);
    }

}
