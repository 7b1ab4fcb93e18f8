import { MigrationInterface, QueryRunner } from "typeorm";

export class Ratings1796190873056 implements MigrationInterface {
    name = 'Ratings1796190873056'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "extension_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "organization_id" uuid, "stars" smallint NOT NULL, "title" text, "body" text, "hidden_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_extension_ratings_stars" CHECK ("stars" BETWEEN 1 AND 5), CONSTRAINT "pk_extension_ratings" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_extension_ratings_extension_created" ON "extension_ratings" ("extension_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_extension_ratings_org" ON "extension_ratings" ("extension_id", "organization_id") WHERE "organization_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_extension_ratings_user" ON "extension_ratings" ("extension_id", "author_user_id") WHERE "organization_id" IS NULL`);
        await queryRunner.query(`CREATE TABLE "rating_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rating_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_rating_replies" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_rating_replies_rating_id" ON "rating_replies" ("rating_id") `);
        await queryRunner.query(`CREATE TYPE "public"."rating_moderation_decision" AS ENUM('HIDE', 'KEEP')`);
        await queryRunner.query(`CREATE TABLE "rating_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rating_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "reason" text, "decision" "public"."rating_moderation_decision", "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_rating_reports" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_rating_reports_open" ON "rating_reports" ("created_at") WHERE "decision" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_rating_reports_reporter" ON "rating_reports" ("rating_id", "reporter_id") `);
        await queryRunner.query(`ALTER TABLE "extension_ratings" ADD CONSTRAINT "FK_d50eed4f9fbcf67d781dae6ef2e" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_ratings" ADD CONSTRAINT "FK_e1be25b8dd16010cc7fc2af4fbd" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_ratings" ADD CONSTRAINT "FK_2660dd44e4df6102a7d35f7dd33" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rating_replies" ADD CONSTRAINT "FK_32ce3a51e08d89f8ca6b7f54ce7" FOREIGN KEY ("rating_id") REFERENCES "extension_ratings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rating_replies" ADD CONSTRAINT "FK_a8b220652164123dd27d34444eb" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rating_reports" ADD CONSTRAINT "FK_93d9933709681ae1463e679e358" FOREIGN KEY ("rating_id") REFERENCES "extension_ratings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rating_reports" ADD CONSTRAINT "FK_7a2d92d46a31f07dcb3b8130df6" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // The RATING sort's input (docs/ratings.md, "The RATING sort"), owned by the ratings module and
        // read by listings: one row per extension, visible ratings only, Bayesian average with
        // prior weight C = 10 and prior mean m = 3.5 (RATING_PRIOR_WEIGHT / RATING_PRIOR_MEAN in
        // src/modules/ratings/ratings.service.ts; a test checks the two agree). The lateral
        // subquery lets a join on extension_id use the ratings index instead of aggregating all.
        await queryRunner.query(`CREATE VIEW "extension_rating_scores" AS
            SELECT e.id AS extension_id, s.rating_count, s.rating_sum,
                   (10 * 3.5 + s.rating_sum)::float8 / (10 + s.rating_count) AS bayesian_average
              FROM extensions e
              CROSS JOIN LATERAL (
                SELECT count(*)::int AS rating_count, coalesce(sum(r.stars), 0)::int AS rating_sum
                  FROM extension_ratings r WHERE r.extension_id = e.id AND r.hidden_at IS NULL) s`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP VIEW "extension_rating_scores"`);
        await queryRunner.query(`ALTER TABLE "rating_reports" DROP CONSTRAINT "FK_7a2d92d46a31f07dcb3b8130df6"`);
        await queryRunner.query(`ALTER TABLE "rating_reports" DROP CONSTRAINT "FK_93d9933709681ae1463e679e358"`);
        await queryRunner.query(`ALTER TABLE "rating_replies" DROP CONSTRAINT "FK_a8b220652164123dd27d34444eb"`);
        await queryRunner.query(`ALTER TABLE "rating_replies" DROP CONSTRAINT "FK_32ce3a51e08d89f8ca6b7f54ce7"`);
        await queryRunner.query(`ALTER TABLE "extension_ratings" DROP CONSTRAINT "FK_2660dd44e4df6102a7d35f7dd33"`);
        await queryRunner.query(`ALTER TABLE "extension_ratings" DROP CONSTRAINT "FK_e1be25b8dd16010cc7fc2af4fbd"`);
        await queryRunner.query(`ALTER TABLE "extension_ratings" DROP CONSTRAINT "FK_d50eed4f9fbcf67d781dae6ef2e"`);
        await queryRunner.query(`DROP INDEX "public"."uq_rating_reports_reporter"`);
        await queryRunner.query(`DROP INDEX "public"."ix_rating_reports_open"`);
        await queryRunner.query(`DROP TABLE "rating_reports"`);
        await queryRunner.query(`DROP TYPE "public"."rating_moderation_decision"`);
        await queryRunner.query(`DROP INDEX "public"."uq_rating_replies_rating_id"`);
        await queryRunner.query(`DROP TABLE "rating_replies"`);
        await queryRunner.query(`DROP INDEX "public"."uq_extension_ratings_user"`);
        await queryRunner.query(`DROP INDEX "public"."uq_extension_ratings_org"`);
        await queryRunner.query(`DROP INDEX "public"."ix_extension_ratings_extension_created"`);
        await queryRunner.query(`DROP TABLE "extension_ratings"`);
    }

}
