import { MigrationInterface, QueryRunner } from "typeorm";

export class PartnerEventTypes1795384695290 implements MigrationInterface {
    name = 'PartnerEventTypes1795384695290'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "platform_events" ADD "payload_version" smallint NOT NULL DEFAULT '1'`);
        // The partner event catalogue (docs/events.md) names the types; rows written under the earlier names follow.
        await queryRunner.query(`UPDATE "platform_events" SET "type" = 'installation.uninstalled' WHERE "type" = 'installation.removed'`);
        await queryRunner.query(`UPDATE "platform_events" SET "type" = 'upgrade_offer.created' WHERE "type" = 'upgrade.offered'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "platform_events" SET "type" = 'upgrade.offered' WHERE "type" = 'upgrade_offer.created'`);
        await queryRunner.query(`UPDATE "platform_events" SET "type" = 'installation.removed' WHERE "type" = 'installation.uninstalled'`);
        await queryRunner.query(`ALTER TABLE "platform_events" DROP COLUMN "payload_version"`);
    }

}
