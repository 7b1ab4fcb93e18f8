import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ValidationReport } from '../../src/modules/validation/validate-package';

/**
 * Material that lives outside the repository: `shared/` beside the checkout, when it is there
 * (locally, and in the CI that clones both). A plain clone has none of it; the tests that read
 * it then skip themselves with a one-line reason, and the rules they exercise stay covered by
 * the repository's own fixtures (test/fixtures/manifests, test/fixtures/icons).
 */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');
export const IMPERAL_CORPUS = path.join(SHARED_DIR, 'corpus', 'imperal');

const reported = new Set<string>();

/**
 * `describe` when `dir` exists, otherwise `describe.skip` after printing one line saying why.
 * Skipped (not absent) tests keep their snapshots: jest counts a skipped test's snapshots as
 * checked, so none turns obsolete, even with --ci.
 */
export function describeWithMaterial(dir: string, what: string): jest.Describe {
  if (existsSync(dir)) return describe;
  if (!reported.has(dir)) {
    reported.add(dir);
    // One line on stderr; console.warn would add a stack trace and a header.
    process.stderr.write(`skipped: ${what} needs ${dir}, which is outside the repository and absent here\n`);
  }
  return describe.skip;
}

/** The shape the Imperal report snapshots pin: ids, counts, errors with messages, other findings by level and rule. */
export function reportSummary(report: ValidationReport) {
  return {
    appId: report.appId,
    version: report.version,
    counts: [report.toolCount, report.functionCount, report.eventCount],
    errors: report.issues.filter(i => i.level === 'ERROR').map(i => `${i.rule} ${i.message}`),
    warnings: report.issues.filter(i => i.level !== 'ERROR').map(i => `${i.level} ${i.rule}`),
  };
}
