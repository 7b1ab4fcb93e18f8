import { MigrationInterface, QueryRunner } from "typeorm";

export class PrivateByDefault1796176388989 implements MigrationInterface {
    name = 'PrivateByDefault1796176388989'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "organization_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "role" "public"."org_role" NOT NULL, "invited_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_organization_invitations" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_organization_invitations_email" ON "organization_invitations" ("email") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_organization_invitations_org_email" ON "organization_invitations" ("organization_id", "email") `);
        await queryRunner.query(`ALTER TABLE "developer_profiles" ADD "contact_public" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "developer_profiles" ADD "verified" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "organization_invitations" ADD CONSTRAINT "FK_7f88954e8d667a76ae3ced6f446" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "organization_invitations" ADD CONSTRAINT "FK_f2adb477aa41340163bac901751" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization_invitations" DROP CONSTRAINT "FK_f2adb477aa41340163bac901751"`);
        await queryRunner.query(`ALTER TABLE "organization_invitations" DROP CONSTRAINT "FK_7f88954e8d667a76ae3ced6f446"`);
        await queryRunner.query(`ALTER TABLE "developer_profiles" DROP COLUMN "verified"`);
        await queryRunner.query(`ALTER TABLE "developer_profiles" DROP COLUMN "contact_public"`);
        await queryRunner.query(`DROP INDEX "public"."uq_organization_invitations_org_email"`);
        await queryRunner.query(`DROP INDEX "public"."ix_organization_invitations_email"`);
        await queryRunner.query(`DROP TABLE "organization_invitations"`);
    }

}
