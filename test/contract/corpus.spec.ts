import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkManifest } from '../../src/modules/validation/manifest-layer';
import { PLATFORM_SCOPE_SET } from '../../src/modules/validation/platform-scopes';
import { validatePackage } from '../../src/modules/validation/validate-package';
import { IMPERAL_CORPUS } from '../utils/corpus';

// Every real manifest of shared/corpus/imperal, with its committed icon files, through the
// validator (no Python sources are in the corpus). The snapshot pins each report, so a change
// in any rule shows up as a reviewed diff.
const folders = existsSync(IMPERAL_CORPUS)
  ? readdirSync(IMPERAL_CORPUS).filter(d => existsSync(path.join(IMPERAL_CORPUS, d, 'imperal.json'))).sort()
  : [];

function filesOf(folder: string): Map<string, Buffer> {
  const dir = path.join(IMPERAL_CORPUS, folder);
  return new Map(readdirSync(dir).map(name => [name, readFileSync(path.join(dir, name))]));
}

describe('the real-manifest corpus', () => {
  it('holds the 57 manifests INDEX.md lists', () => {
    expect(folders).toHaveLength(57);
  });

  it.each(folders)('%s: stable report', folder => {
    const report = validatePackage(filesOf(folder), { platformScopes: PLATFORM_SCOPE_SET });
    expect({
      appId: report.appId,
      version: report.version,
      counts: [report.toolCount, report.functionCount, report.eventCount],
      errors: report.issues.filter(i => i.level === 'ERROR').map(i => `${i.rule} ${i.message}`),
      warnings: report.issues.filter(i => i.level !== 'ERROR').map(i => `${i.level} ${i.rule}`),
    }).toMatchSnapshot();
  });

  it('passes the manifest layer clean for every current (SDK >= 5, schema v3) manifest', () => {
    const clean = folders.filter(f => checkManifest(filesOf(f)).issues.length === 0);
    // The rest are pre-5.0 builds (no sdk_version, legacy tool_*_chat entries) or hand-edited ones.
    expect(clean.length).toBe(44);
  });
});
