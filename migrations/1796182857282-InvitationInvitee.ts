import { MigrationInterface, QueryRunner } from "typeorm";

export class InvitationInvitee1796182857282 implements MigrationInterface {
    name = 'InvitationInvitee1796182857282'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization_invitations" ADD "invitee_user_id" uuid`);
        await queryRunner.query(`CREATE INDEX "ix_organization_invitations_invitee" ON "organization_invitations" ("invitee_user_id") `);
        await queryRunner.query(`ALTER TABLE "organization_invitations" ADD CONSTRAINT "FK_e7e5b80914d9dbd14e7b48a9344" FOREIGN KEY ("invitee_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization_invitations" DROP CONSTRAINT "FK_e7e5b80914d9dbd14e7b48a9344"`);
        await queryRunner.query(`DROP INDEX "public"."ix_organization_invitations_invitee"`);
        await queryRunner.query(`ALTER TABLE "organization_invitations" DROP COLUMN "invitee_user_id"`);
    }

}
