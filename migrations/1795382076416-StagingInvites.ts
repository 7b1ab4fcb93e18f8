import { MigrationInterface, QueryRunner } from "typeorm";

export class StagingInvites1795382076416 implements MigrationInterface {
    name = 'StagingInvites1795382076416'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staging_invites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "email" text NOT NULL, "invited_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_staging_invites" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_staging_invites_version_email" ON "staging_invites" ("version_id", "email") `);
        await queryRunner.query(`ALTER TABLE "staging_invites" ADD CONSTRAINT "FK_f68108fac09e47fc5edaf46047b" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staging_invites" ADD CONSTRAINT "FK_d10fc0ee76d6cbe587c6f41c627" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staging_invites" DROP CONSTRAINT "FK_d10fc0ee76d6cbe587c6f41c627"`);
        await queryRunner.query(`ALTER TABLE "staging_invites" DROP CONSTRAINT "FK_f68108fac09e47fc5edaf46047b"`);
        await queryRunner.query(`DROP INDEX "public"."uq_staging_invites_version_email"`);
        await queryRunner.query(`DROP TABLE "staging_invites"`);
    }

}
