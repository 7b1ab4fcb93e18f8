import { MigrationInterface, QueryRunner } from "typeorm";

export class TrustRescansAttestations1796210000000 implements MigrationInterface {
    name = 'TrustRescansAttestations1796210000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "trust_rescan_runs" ("ruleset_version" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "cursor" uuid, "scanned_count" integer NOT NULL DEFAULT '0', "finding_count" integer NOT NULL DEFAULT '0', "failed_count" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_trust_rescan_runs" PRIMARY KEY ("ruleset_version"))`);
        await queryRunner.query(`CREATE TABLE "version_security_scans" ("version_id" uuid NOT NULL, "ruleset_version" text NOT NULL, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "new_finding_count" integer NOT NULL, "error" text, CONSTRAINT "pk_version_security_scans" PRIMARY KEY ("version_id", "ruleset_version"))`);
        await queryRunner.query(`CREATE TABLE "version_security_findings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "fingerprint" text NOT NULL, "rule" text NOT NULL, "level" text NOT NULL, "message" text NOT NULL, "file" text NOT NULL, "line" integer NOT NULL, "fix" text NOT NULL, "first_seen_ruleset_version" text NOT NULL, "last_seen_ruleset_version" text NOT NULL, "review_case_id" uuid, "found_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_version_security_findings" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_version_security_findings" ON "version_security_findings" ("version_id", "fingerprint") `);
        await queryRunner.query(`CREATE TYPE "public"."attestation_kind" AS ENUM('CYCLONEDX', 'SPDX', 'IN_TOTO')`);
        await queryRunner.query(`CREATE TABLE "version_attestations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "kind" "public"."attestation_kind" NOT NULL, "sha256" text NOT NULL, "size_bytes" integer NOT NULL, "document" jsonb NOT NULL, "summary" jsonb NOT NULL, "attached_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_version_attestations" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_version_attestations_version" ON "version_attestations" ("version_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_version_attestations_document" ON "version_attestations" ("version_id", "sha256") `);
        await queryRunner.query(`ALTER TABLE "extension_versions" ADD "ruleset_version" text`);
        await queryRunner.query(`CREATE TYPE "public"."review_case_kind" AS ENUM('SUBMISSION', 'RESCAN')`);
        await queryRunner.query(`ALTER TABLE "review_cases" ADD "kind" "public"."review_case_kind" NOT NULL DEFAULT 'SUBMISSION'`);
        // Hand-written: TypeORM does not see a WHERE added to an existing index. One SUBMISSION case per
        // version as before; RESCAN cases (published versions with new security findings) come beside it.
        await queryRunner.query(`DROP INDEX "public"."uq_review_cases_version_id"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_review_cases_version_id" ON "review_cases" ("version_id") WHERE "kind" = 'SUBMISSION'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_review_cases_open_rescan" ON "review_cases" ("version_id") WHERE "kind" = 'RESCAN' AND "state" IN ('OPEN', 'IN_REVIEW')`);
        await queryRunner.query(`ALTER TABLE "version_security_scans" ADD CONSTRAINT "FK_3d0aa84371ea40b5995f77b3b8b" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "version_security_findings" ADD CONSTRAINT "FK_b3d67fac2720dbcba15d323ebca" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "version_attestations" ADD CONSTRAINT "FK_e3ecf59e32248a3959dfc77cbf0" FOREIGN KEY ("version_id") REFERENCES "extension_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "version_attestations" ADD CONSTRAINT "FK_0ead986c6e2f56a662e59508ee8" FOREIGN KEY ("attached_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "version_attestations" DROP CONSTRAINT "FK_0ead986c6e2f56a662e59508ee8"`);
        await queryRunner.query(`ALTER TABLE "version_attestations" DROP CONSTRAINT "FK_e3ecf59e32248a3959dfc77cbf0"`);
        await queryRunner.query(`ALTER TABLE "version_security_findings" DROP CONSTRAINT "FK_b3d67fac2720dbcba15d323ebca"`);
        await queryRunner.query(`ALTER TABLE "version_security_scans" DROP CONSTRAINT "FK_3d0aa84371ea40b5995f77b3b8b"`);
        await queryRunner.query(`DROP INDEX "public"."uq_review_cases_open_rescan"`);
        await queryRunner.query(`DELETE FROM "review_cases" WHERE "kind" = 'RESCAN'`);
        await queryRunner.query(`DROP INDEX "public"."uq_review_cases_version_id"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_review_cases_version_id" ON "review_cases" ("version_id") `);
        await queryRunner.query(`ALTER TABLE "review_cases" DROP COLUMN "kind"`);
        await queryRunner.query(`DROP TYPE "public"."review_case_kind"`);
        await queryRunner.query(`ALTER TABLE "extension_versions" DROP COLUMN "ruleset_version"`);
        await queryRunner.query(`DROP INDEX "public"."uq_version_attestations_document"`);
        await queryRunner.query(`DROP INDEX "public"."ix_version_attestations_version"`);
        await queryRunner.query(`DROP TABLE "version_attestations"`);
        await queryRunner.query(`DROP TYPE "public"."attestation_kind"`);
        await queryRunner.query(`DROP INDEX "public"."uq_version_security_findings"`);
        await queryRunner.query(`DROP TABLE "version_security_findings"`);
        await queryRunner.query(`DROP TABLE "version_security_scans"`);
        await queryRunner.query(`DROP TABLE "trust_rescan_runs"`);
    }

}
