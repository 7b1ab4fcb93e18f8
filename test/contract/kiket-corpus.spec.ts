import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KIKET_MANIFEST_FILE } from '../../src/modules/validation/kiket/format';
import { validatePackage } from '../../src/modules/validation/validate-package';
import { describeWithMaterial, SHARED_DIR } from '../utils/corpus';
import FOLDERS from './kiket-corpus-folders.json';

// Every real `.kiket/manifest.yaml` of shared/corpus/kiket (INDEX.md lists where each comes
// from) through the validator as a Kiket package. The snapshot pins each report, so a change in
// any KIK rule shows up as a reviewed diff. The repository's own fixtures (test/fixtures/kiket)
// cover every rule when the corpus is not beside the checkout. The folder list is committed, so
// without the corpus the same tests exist, skipped, and their snapshots are not obsolete.
const KIKET_CORPUS = path.join(SHARED_DIR, 'corpus', 'kiket');
const folders: string[] = FOLDERS;

function reportOf(folder: string) {
  return validatePackage(new Map([[KIKET_MANIFEST_FILE, readFileSync(path.join(KIKET_CORPUS, folder, 'manifest.yaml'))]]));
}

describeWithMaterial(KIKET_CORPUS, 'the real Kiket manifests')('the real Kiket manifests', () => {
  it('holds the 13 manifests INDEX.md lists', () => {
    const present = readdirSync(KIKET_CORPUS).filter(d => existsSync(path.join(KIKET_CORPUS, d, 'manifest.yaml'))).sort();
    expect(present).toEqual(folders);
    expect(folders).toHaveLength(13);
  });

  it.each(folders)('%s: stable report', folder => {
    const report = reportOf(folder);
    expect({
      appId: report.appId,
      version: report.version,
      counts: [report.toolCount, report.functionCount, report.eventCount],
      findings: report.issues.map(i => `${i.level} ${i.rule} ${i.file}:${i.line} ${i.message}`),
    }).toMatchSnapshot();
  });

  it('passes 10 clean; zoom only warns (the deprecated deployment block); github and jira repeat custom_data', () => {
    const reports = new Map(folders.map(f => [f.replace('kiket-dev__kiket-ext-', ''), reportOf(f)]));
    const clean = [...reports].filter(([, r]) => r.errorCount === 0 && r.warningCount === 0).map(([name]) => name);
    expect(clean).toHaveLength(10);
    expect(reports.get('zoom')!.issues.filter(i => i.level !== 'INFO').map(i => i.rule)).toEqual(['KIK-21']);
    for (const name of ['github', 'jira']) {
      expect(reports.get(name)!.issues.map(i => `${i.rule} ${i.message}`)).toEqual([`KIK-YAML-4 .kiket/manifest.yaml: the key 'custom_data' appears twice in one mapping`]);
    }
  });
});
