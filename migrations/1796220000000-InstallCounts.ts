import { MigrationInterface, QueryRunner } from "typeorm";

export class InstallCounts1796220000000 implements MigrationInterface {
    name = 'InstallCounts1796220000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "extension_install_counts" ("extension_id" uuid NOT NULL, "active_count" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_extension_install_counts" PRIMARY KEY ("extension_id"))`);
        await queryRunner.query(`ALTER TABLE "extension_install_counts" ADD CONSTRAINT "FK_c546fb091eca86b2fa08a4bbcad" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Hand-written: statement-level triggers keep the count of active, non-staging installations
        // per extension (docs/benchmarks.md, "Catalogue of millions"). One aggregate per statement,
        // so a set-based writer (system apps for every user, a rollout) pays one grouped upsert, not
        // one per row. Counter rows are upserted in extension order, so two multi-extension
        // statements lock them in the same order. Concurrent installs of one extension do wait for
        // each other's commit on its counter row (docs/benchmarks.md, "Catalogue of millions").
        await queryRunner.query(`CREATE FUNCTION "installations_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO extension_install_counts AS c (extension_id, active_count)
              SELECT extension_id, count(*) FROM new_rows WHERE status = 'ACTIVE' AND source <> 'STAGING' GROUP BY extension_id ORDER BY extension_id
              ON CONFLICT (extension_id) DO UPDATE SET active_count = c.active_count + excluded.active_count;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE FUNCTION "installations_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO extension_install_counts AS c (extension_id, active_count)
              SELECT extension_id, sum(delta) FROM (
                SELECT extension_id, 1 AS delta FROM new_rows WHERE status = 'ACTIVE' AND source <> 'STAGING'
                UNION ALL
                SELECT extension_id, -1 FROM old_rows WHERE status = 'ACTIVE' AND source <> 'STAGING'
              ) d GROUP BY extension_id HAVING sum(delta) <> 0 ORDER BY extension_id
              ON CONFLICT (extension_id) DO UPDATE SET active_count = c.active_count + excluded.active_count;
              RETURN NULL;
            END $$`);
        // Deletes only lower existing counters: when an extension is deleted, its counter row goes
        // by the cascade, and its installations' delete must not recreate it.
        await queryRunner.query(`CREATE FUNCTION "installations_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE extension_install_counts c SET active_count = c.active_count - d.n
                FROM (SELECT extension_id, count(*) AS n FROM old_rows WHERE status = 'ACTIVE' AND source <> 'STAGING' GROUP BY extension_id) d
               WHERE c.extension_id = d.extension_id;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE FUNCTION "installations_count_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM extension_install_counts;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER "installations_count_inserted" AFTER INSERT ON "installations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "installations_count_inserted"()`);
        await queryRunner.query(`CREATE TRIGGER "installations_count_updated" AFTER UPDATE ON "installations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "installations_count_updated"()`);
        await queryRunner.query(`CREATE TRIGGER "installations_count_deleted" AFTER DELETE ON "installations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "installations_count_deleted"()`);
        await queryRunner.query(`CREATE TRIGGER "installations_count_truncated" AFTER TRUNCATE ON "installations" FOR EACH STATEMENT EXECUTE FUNCTION "installations_count_truncated"()`);
        await queryRunner.query(`INSERT INTO extension_install_counts (extension_id, active_count)
            SELECT extension_id, count(*) FROM installations WHERE status = 'ACTIVE' AND source <> 'STAGING' GROUP BY extension_id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const name of ['inserted', 'updated', 'deleted', 'truncated']) {
            await queryRunner.query(`DROP TRIGGER "installations_count_${name}" ON "installations"`);
            await queryRunner.query(`DROP FUNCTION "installations_count_${name}"()`);
        }
        await queryRunner.query(`ALTER TABLE "extension_install_counts" DROP CONSTRAINT "FK_c546fb091eca86b2fa08a4bbcad"`);
        await queryRunner.query(`DROP TABLE "extension_install_counts"`);
    }

}
