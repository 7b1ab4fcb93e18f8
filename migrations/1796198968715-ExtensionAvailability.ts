import { MigrationInterface, QueryRunner } from "typeorm";

export class ExtensionAvailability1796198968715 implements MigrationInterface {
    name = 'ExtensionAvailability1796198968715'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."extension_availability" AS ENUM('LISTED', 'PAUSED', 'SUSPENDED', 'DELISTED')`);
        await queryRunner.query(`ALTER TABLE "extensions" ADD "availability" "public"."extension_availability" NOT NULL DEFAULT 'LISTED'`);
        await queryRunner.query(`ALTER TABLE "extensions" ADD "availability_reason" text`);
        await queryRunner.query(`ALTER TABLE "extensions" ADD "availability_changed_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "extensions" DROP COLUMN "availability_changed_at"`);
        await queryRunner.query(`ALTER TABLE "extensions" DROP COLUMN "availability_reason"`);
        await queryRunner.query(`ALTER TABLE "extensions" DROP COLUMN "availability"`);
        await queryRunner.query(`DROP TYPE "public"."extension_availability"`);
    }

}
