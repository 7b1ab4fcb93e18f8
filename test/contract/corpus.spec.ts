import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { checkManifest } from '../../src/modules/validation/manifest-layer';
import { PLATFORM_SCOPE_SET } from '../../src/modules/validation/platform-scopes';
import { validatePackage } from '../../src/modules/validation/validate-package';
import { describeWithMaterial, IMPERAL_CORPUS, reportSummary } from '../utils/corpus';
import FOLDERS from './imperal-corpus-folders.json';

// Every real manifest of the Imperal corpus (outside the repository), with its committed icon
// files, through the validator (no Python sources are in the corpus). The snapshot pins each
// report, so a change in any rule shows up as a reviewed diff. The folder list is committed, so
// without the corpus the same tests exist, skipped, and their snapshots are not obsolete. The
// rules these reports show are covered without the corpus by test/contract/fixtures.spec.ts.

function filesOf(folder: string): Map<string, Buffer> {
  const dir = path.join(IMPERAL_CORPUS, folder);
  return new Map(readdirSync(dir).map(name => [name, readFileSync(path.join(dir, name))]));
}

describeWithMaterial(IMPERAL_CORPUS, 'the real-manifest corpus')('the real-manifest corpus', () => {
  it('holds the 57 manifests INDEX.md lists', () => {
    const present = readdirSync(IMPERAL_CORPUS).filter(d => existsSync(path.join(IMPERAL_CORPUS, d, 'imperal.json'))).sort();
    expect(present).toEqual(FOLDERS);
    expect(FOLDERS).toHaveLength(57);
  });

  it.each(FOLDERS)('%s: stable report', folder => {
    const report = validatePackage(filesOf(folder), { platformScopes: PLATFORM_SCOPE_SET });
    expect(reportSummary(report)).toMatchSnapshot();
  });

  it('passes the manifest layer clean for every current (SDK >= 5, schema v3) manifest', () => {
    const clean = FOLDERS.filter(f => checkManifest(filesOf(f)).issues.length === 0);
    // The rest are pre-5.0 builds (no sdk_version, legacy tool_*_chat entries) or hand-edited ones.
    expect(clean.length).toBe(44);
  });
});
