import { MigrationInterface, QueryRunner } from "typeorm";

export class ReviewCases1795380870099 implements MigrationInterface {
    name = 'ReviewCases1795380870099'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."review_state" AS ENUM('OPEN', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED', 'REJECTED', 'WITHDRAWN')`);
        await queryRunner.query(`CREATE TYPE "public"."review_decision" AS ENUM('APPROVE', 'REQUEST_CHANGES', 'REJECT')`);
        await queryRunner.query(`CREATE TABLE "review_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "extension_id" uuid NOT NULL, "state" "public"."review_state" NOT NULL DEFAULT 'OPEN', "triggers" jsonb NOT NULL DEFAULT '[]', "assignee_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decision" "public"."review_decision", "decision_reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_review_cases" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_review_cases_version_id" ON "review_cases" ("version_id") `);
        await queryRunner.query(`CREATE INDEX "ix_review_cases_state_due" ON "review_cases" ("state", "due_at") `);
        await queryRunner.query(`CREATE TABLE "review_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_review_messages" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_review_messages_case" ON "review_messages" ("case_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "review_cases" ADD CONSTRAINT "FK_1296561f0fb30312394e33a8bde" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_cases" ADD CONSTRAINT "FK_1d97aff3f57e4b2fe0ee3fc0793" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_cases" ADD CONSTRAINT "FK_fe0ab0a074071e83f2291bfbad5" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_messages" ADD CONSTRAINT "FK_3c4d677fc9a9a4ea783fba52f45" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_messages" ADD CONSTRAINT "FK_376bc9b7ec1ba85f76c608ef084" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "review_messages" DROP CONSTRAINT "FK_376bc9b7ec1ba85f76c608ef084"`);
        await queryRunner.query(`ALTER TABLE "review_messages" DROP CONSTRAINT "FK_3c4d677fc9a9a4ea783fba52f45"`);
        await queryRunner.query(`ALTER TABLE "review_cases" DROP CONSTRAINT "FK_fe0ab0a074071e83f2291bfbad5"`);
        await queryRunner.query(`ALTER TABLE "review_cases" DROP CONSTRAINT "FK_1d97aff3f57e4b2fe0ee3fc0793"`);
        await queryRunner.query(`ALTER TABLE "review_cases" DROP CONSTRAINT "FK_1296561f0fb30312394e33a8bde"`);
        await queryRunner.query(`DROP INDEX "public"."ix_review_messages_case"`);
        await queryRunner.query(`DROP TABLE "review_messages"`);
        await queryRunner.query(`DROP INDEX "public"."ix_review_cases_state_due"`);
        await queryRunner.query(`DROP INDEX "public"."uq_review_cases_version_id"`);
        await queryRunner.query(`DROP TABLE "review_cases"`);
        await queryRunner.query(`DROP TYPE "public"."review_decision"`);
        await queryRunner.query(`DROP TYPE "public"."review_state"`);
    }

}
