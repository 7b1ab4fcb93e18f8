// `npm run bench:rescans`: a security rescan over many published versions (default 1,000;
// RESCAN_VERSIONS to change) of one extension, batches of PLAZA_RESCAN_BATCH_SIZE's default. Every version is the
// fixture package, judged again by the real validator plus one new ERROR, so each one also stores
// a finding, opens a RESCAN case and appends an event: the slowest path. Prints versions per
// second and the time per version, and the time of a second pass (everything already scanned).
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { systemContext } from '../src/context';
import { createDataSource } from '../src/db/data-source';
import { loadConfig } from '../src/config';
import { createLoaders } from '../src/loaders';
import { createResolverContainer, createServices } from '../src/services';
import { createLogger } from '../src/shared/logger';
import type { RuleSet } from '../src/modules/trust/rescans.service';
import { issue } from '../src/modules/validation/types';
import { validatePackage } from '../src/modules/validation/validate-package';
import { packageFor, zipOf } from '../test/utils/packages';
import { ExtensionEntity } from '../src/modules/extensions/extensions.entities';
import { ExtensionVersionEntity } from '../src/modules/versions/version.entity';
import { scratchDatabase } from './scratch-db';

const N = Number(process.env.RESCAN_VERSIONS ?? 1_000);

async function main(): Promise<void> {
  const db = await scratchDatabase('rescans');
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  const c = new Client({ connectionString: db.url });
  await c.connect();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-rescans-'));
  const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', dataDir, jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
  const logger = createLogger('silent');
  const services = createServices(config, dataSource, db.url, logger);
  await services.jobs.start();
  const ctx = () => systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'bench');
  try {
    const zip = await zipOf(packageFor('bench-app', 'Bench App'));
    const sha256 = createHash('sha256').update(zip).digest('hex');
    const temp = path.join(dataDir, 'upload.zip');
    writeFileSync(temp, zip);
    await services.packages.commitBlob(ctx(), sha256, zip.length, temp);
    const [{ id: userId }] = (await c.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('dev@bench.test', 'Dev', 'x') RETURNING id`)).rows;
    await c.query(`INSERT INTO extensions (app_id, display_name, category, owner_id) VALUES ('bench-app', 'Bench App', 'productivity', $1)`, [userId]);
    // N published versions of one extension, each with the report today's rules give (as if it
    // had been validated by them under an older rule-set version).
    await c.query(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, submitted_by_id, validated_at, published_at, ruleset_version)
       SELECT (SELECT id FROM extensions), '1.0.' || g, 'PUBLISHED', 'UPLOAD', $1, $2, now(), now(), 'bench-old' FROM generate_series(1, $3) g`,
      [sha256, userId, N],
    );
    const version = await dataSource.getRepository(ExtensionVersionEntity).findOneByOrFail({ version: '1.0.1' });
    const extension = await dataSource.getRepository(ExtensionEntity).findOneByOrFail({ appId: 'bench-app' });
    const options = await services.versions.validationOptionsFor(ctx(), version, extension);
    delete options.claimedDisplayName;
    const original = validatePackage((await services.packages.openBlob(sha256)).files, options);
    await c.query(`UPDATE extension_versions SET report = $1::jsonb`, [JSON.stringify(original)]);
    await c.query('ANALYZE');
    console.log(`seeded ${N} published versions of one ${zip.length}-byte package (batch size ${config.rescanBatchSize})`);

    const next: RuleSet = {
      version: 'bench-next',
      judge: (files, options, extra) => {
        const report = validatePackage(files, options, extra);
        report.issues.push(issue('SEC-BENCH', 'ERROR', 'A new rule fires', 'Fix it.', { file: 'main.py', line: 1 }));
        return report;
      },
    };
    let start = performance.now();
    await services.rescans.startIfRuleSetChanged(ctx(), next);
    const result = await services.rescans.runToCompletion(ctx(), next);
    const ms = performance.now() - start;
    console.log(`rescan: ${result.scanned} versions, ${result.newFindings} new findings in ${(ms / 1000).toFixed(1)} s: ${((result.scanned / ms) * 1000).toFixed(1)} versions/s, ${(ms / result.scanned).toFixed(1)} ms per version`);
    const [{ cases }] = (await c.query(`SELECT count(*)::int AS cases FROM review_cases WHERE kind = 'RESCAN'`)).rows;
    console.log(`RESCAN cases opened: ${cases}`);
    // The same run again from the start (a resumed run): nothing is judged or written twice.
    await c.query(`UPDATE trust_rescan_runs SET cursor = NULL, finished_at = NULL WHERE ruleset_version = 'bench-next'`);
    start = performance.now();
    const again = await services.rescans.runToCompletion(ctx(), next);
    console.log(`resumed from the start: ${again.scanned} judged again in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  } finally {
    await services.jobs.stop();
    await c.end();
    await dataSource.destroy();
    await db.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
