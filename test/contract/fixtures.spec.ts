import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkManifest } from '../../src/modules/validation/manifest-layer';
import { PLATFORM_SCOPE_SET } from '../../src/modules/validation/platform-scopes';
import { validatePackage } from '../../src/modules/validation/validate-package';
import { reportSummary } from '../utils/corpus';

// The repository's own manifests (test/fixtures/manifests, written for these tests): together
// they fire every rule the real-manifest corpus fires, so a plain clone, which has no corpus,
// still tests each of those rules. Reports are pinned the way the corpus pins its reports.

const ROOT = path.join(__dirname, '..', 'fixtures', 'manifests');
const FIXTURES = readdirSync(ROOT).sort();

function filesOf(fixture: string): Map<string, Buffer> {
  const dir = path.join(ROOT, fixture);
  return new Map(readdirSync(dir).map(name => [name, readFileSync(path.join(dir, name))]));
}

const reportOf = (fixture: string) => validatePackage(filesOf(fixture), { platformScopes: PLATFORM_SCOPE_SET });
const levelRule = (fixture: string) => new Set(reportOf(fixture).issues.map(i => `${i.level} ${i.rule}`));

/** `LEVEL RULE` pairs the corpus reports show, read from their committed snapshot (in the repository). */
function corpusRules(): Set<string> {
  const snap = readFileSync(path.join(__dirname, '__snapshots__', 'corpus.spec.ts.snap'), 'utf8');
  // Entries of "errors" read `RULE message`, entries of "warnings" read `LEVEL RULE`.
  const entries = [...snap.matchAll(/^ {4}"(\S+) ?(\S*)/gm)];
  return new Set(entries.map(([, first, second]) => (first === 'WARN' || first === 'INFO' ? `${first} ${second.replace(/",?$/, '')}` : `ERROR ${first}`)));
}

describe('the repository fixture manifests', () => {
  it('are the four written for these tests', () => {
    expect(FIXTURES).toEqual(['clean-field-notes', 'hand-edited', 'legacy-router', 'tool-gaps']);
  });

  it.each(FIXTURES)('%s: stable report', fixture => {
    const report = reportOf(fixture);
    expect(reportSummary(report)).toMatchSnapshot();
  });

  it('fire, together, every rule (at its level) that the corpus reports show', () => {
    const expected = corpusRules();
    // The snapshot parse itself is checked, so this test cannot pass by reading nothing.
    expect([...expected].sort()).toEqual(
      expect.arrayContaining(['ERROR M2', 'ERROR M3', 'ERROR M4', 'ERROR M5', 'ERROR SDK-VERSION-1', 'ERROR V25', 'WARN SCOPE-1', 'WARN V24', 'INFO V12']),
    );
    expect(expected.size).toBe(23);
    const fired = new Set(FIXTURES.flatMap(f => [...levelRule(f)]));
    expect([...expected].filter(r => !fired.has(r))).toEqual([]);
  });

  it('pass the manifest layer clean where the manifest is a current build', () => {
    const clean = FIXTURES.filter(f => checkManifest(filesOf(f)).issues.length === 0);
    expect(clean).toEqual(['clean-field-notes', 'tool-gaps']);
    expect(reportOf('clean-field-notes')).toMatchObject({ valid: true, errorCount: 0, warningCount: 0, infoCount: 0, functionCount: 2, eventCount: 1 });
  });

  it('show each rule where it is meant to fire', () => {
    expect(levelRule('legacy-router')).toEqual(new Set(['ERROR V25', 'ERROR SDK-VERSION-1', 'ERROR V19', 'ERROR V15', 'ERROR V21', 'WARN V9', 'WARN V34', 'INFO V12']));
    expect(levelRule('hand-edited')).toEqual(
      new Set(['ERROR M2', 'ERROR M3', 'ERROR M4', 'ERROR M5', 'ERROR M4', 'ERROR SDK-VERSION-1', 'ERROR V1', 'ERROR V3', 'ERROR V19', 'ERROR V14', 'ERROR V15', 'ERROR V21', 'WARN V9', 'WARN V34', 'INFO V12']),
    );
    expect(levelRule('tool-gaps')).toEqual(
      new Set(['ERROR V23', 'ERROR V19', 'ERROR V17', 'ERROR V21', 'WARN V10', 'WARN V20', 'WARN V24', 'WARN V9', 'WARN V13', 'WARN V33', 'WARN SCOPE-1', 'INFO V12']),
    );
  });
});
