import { MigrationInterface, QueryRunner } from "typeorm";

export class Deprecations1795382652847 implements MigrationInterface {
    name = 'Deprecations1795382652847'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "deprecations" ("version_id" uuid NOT NULL, "reason" text NOT NULL, "sunset_at" TIMESTAMP WITH TIME ZONE, "sunset_announced_at" TIMESTAMP WITH TIME ZONE, "deprecated_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_deprecations" PRIMARY KEY ("version_id"))`);
        await queryRunner.query(`ALTER TABLE "deprecations" ADD CONSTRAINT "FK_4e1a9e1ae89d1b3a8eb6e32dc43" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "deprecations" DROP CONSTRAINT "FK_4e1a9e1ae89d1b3a8eb6e32dc43"`);
        await queryRunner.query(`DROP TABLE "deprecations"`);
    }

}
