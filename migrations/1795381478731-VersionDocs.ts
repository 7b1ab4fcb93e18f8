import { MigrationInterface, QueryRunner } from "typeorm";

export class VersionDocs1795381478731 implements MigrationInterface {
    name = 'VersionDocs1795381478731'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "docs" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "docs"`);
    }

}
