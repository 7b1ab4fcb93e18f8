import { MigrationInterface, QueryRunner } from "typeorm";

export class PackageFormat1796180000000 implements MigrationInterface {
    name = 'PackageFormat1796180000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."package_format" AS ENUM('IMPERAL', 'KIKET')`);
        await queryRunner.query(`ALTER TABLE "extensions" ADD "format" "public"."package_format" NOT NULL DEFAULT 'IMPERAL'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "extensions" DROP COLUMN "format"`);
        await queryRunner.query(`DROP TYPE "public"."package_format"`);
    }

}
