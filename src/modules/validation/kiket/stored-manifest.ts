import semver from 'semver';
import type { PackageFiles } from '../types';
import { KIKET_MANIFEST_FILE } from './format';
import { isKiketShape, KiketManifest } from './kiket-rules';
import { parseLimitedYaml } from './yaml-limits';

/**
 * The manifest a Kiket version stores: .kiket/manifest.yaml's mapping when it passed every YAML
 * limit and has the nested `extension` object, else null (the validation report says why, and
 * nothing of a refused document is kept).
 */
export function kiketManifestOf(files: PackageFiles): KiketManifest | null {
  const bytes = files.get(KIKET_MANIFEST_FILE);
  if (!bytes) return null;
  const parsed = parseLimitedYaml(bytes, KIKET_MANIFEST_FILE);
  return isKiketShape(parsed.value) ? parsed.value : null;
}

/** `extension.version` when it is valid semver. */
export function kiketVersionOf(files: PackageFiles): string | null {
  const version = kiketManifestOf(files)?.extension.version;
  return typeof version === 'string' && semver.valid(version) ? version : null;
}

/**
 * The YAML-limit refusals (KIK-YAML-*) of a Kiket package, as `[rule] message` lines; empty for
 * any other package or a manifest within the limits. `submitVersion` refuses on these before
 * recording anything: a document that breaks a hard limit is not a submission to review.
 */
export function kiketYamlRefusals(files: PackageFiles): string[] {
  const bytes = files.get(KIKET_MANIFEST_FILE);
  if (!bytes || files.has('imperal.json')) return [];
  return parseLimitedYaml(bytes, KIKET_MANIFEST_FILE)
    .issues.filter(i => i.rule.startsWith('KIK-YAML-'))
    .map(i => `[${i.rule}] ${i.message}${i.line ? ` (line ${i.line})` : ''}. ${i.fix}`);
}
