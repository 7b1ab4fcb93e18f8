import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes for the hot reads on a large catalogue (docs/benchmarks.md, "Catalogue of millions"),
 * hand-written (TypeORM cannot describe expression or partial-with-order indexes; the entities
 * declare them with synchronize: false):
 * - the newest live version of an extension in semver order (the marketplace page's version
 *   batch, `latestPublishedOf`): one index probe per extension instead of reading and sorting
 *   every live version of each;
 * - the most recently published version of an extension (hosting tier notices in
 *   upgradeRecommendations): one probe per installation;
 * - the marketplace's exact-name matches (lower-case app id and title) and its category filter
 *   (GIN on listings.categories, for `categories @> ARRAY[slug]`), so a search or a category
 *   page starts from its matches rather than from every listing;
 * - the published listings' (published_at, extension_id), so the pages that order every listed
 *   extension (newest, installs) read a small index instead of every wide listing row (full
 *   text and search document: 2,514 pages for 10,000 listings against 47).
 */
export class HotReadIndexes1796220100000 implements MigrationInterface {
    name = 'HotReadIndexes1796220100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_extension_versions_live_semver" ON "extension_versions" ("extension_id",
            (string_to_array(split_part(split_part("version", '+', 1), '-', 1), '.')::int[]) DESC, (position('-' in "version") = 0) DESC, "version" DESC)
            WHERE "status" IN ('PUBLISHED', 'DEPRECATED')`);
        await queryRunner.query(`CREATE INDEX "ix_extension_versions_published" ON "extension_versions" ("extension_id", "published_at" DESC NULLS LAST)
            WHERE "status" = 'PUBLISHED'`);
        await queryRunner.query(`CREATE INDEX "ix_extensions_app_id_lower" ON "extensions" (lower("app_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_listings_title_lower" ON "listings" (lower("title"))`);
        await queryRunner.query(`CREATE INDEX "ix_listings_categories" ON "listings" USING gin ("categories")`);
        await queryRunner.query(`CREATE INDEX "ix_listings_published" ON "listings" ("published_at" DESC, "extension_id") WHERE "published_at" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_listings_published"`);
        await queryRunner.query(`DROP INDEX "public"."ix_listings_categories"`);
        await queryRunner.query(`DROP INDEX "public"."ix_listings_title_lower"`);
        await queryRunner.query(`DROP INDEX "public"."ix_extensions_app_id_lower"`);
        await queryRunner.query(`DROP INDEX "public"."ix_extension_versions_published"`);
        await queryRunner.query(`DROP INDEX "public"."ix_extension_versions_live_semver"`);
    }
}
