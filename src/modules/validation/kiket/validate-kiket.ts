import { issue, IssueLevel, PackageFiles, ValidationIssue } from '../types';
import type { ValidateOptions, ValidationReport } from '../validate-package';
import { KIKET_MANIFEST_FILE } from './format';
import { kiketAppIdOf } from './kiket-adapter';
import { checkKiketManifest, isKiketShape, KiketManifest } from './kiket-rules';
import { checkHosting } from '../hosting/hosting-rules';
import { DEFAULT_YAML_LIMITS, parseLimitedYaml, YamlLimits } from './yaml-limits';

const LEVEL_ORDER: Record<IssueLevel, number> = { ERROR: 0, WARN: 1, INFO: 2 };

export interface KiketParse {
  /** The parsed manifest, only when the YAML passed every KIK-YAML limit and is a mapping with `extension`. */
  manifest: KiketManifest | null;
  issues: ValidationIssue[];
  /** Line of a path in the YAML (0 when unknown); the hosting rules point with it. */
  locate?: (path: (string | number)[]) => number;
}

/** Reads and checks `.kiket/manifest.yaml` (KIK-YAML-* limits, then every KIK rule). */
export function checkKiketPackageManifest(files: PackageFiles, limits: YamlLimits = DEFAULT_YAML_LIMITS): KiketParse {
  const bytes = files.get(KIKET_MANIFEST_FILE);
  if (!bytes) return { manifest: null, issues: [] };
  const parsed = parseLimitedYaml(bytes, KIKET_MANIFEST_FILE, limits);
  if (parsed.value === null && parsed.issues.length) return { manifest: null, issues: parsed.issues };
  const issues = checkKiketManifest(parsed.value, parsed.locate!);
  return { manifest: isKiketShape(parsed.value) ? parsed.value : null, issues, locate: parsed.locate ?? undefined };
}

/**
 * The Kiket side of `validatePackage`: the manifest rules, then the claim (the claimed app id is
 * the Kiket id with its dots as hyphens; the display name is `extension.name`). Pure, like the
 * Imperal suite; the report has the same shape: commands count as tools, workflow actions as
 * functions, hooks as events.
 */
export function validateKiketPackage(files: PackageFiles, options: ValidateOptions = {}, extraIssues: ValidationIssue[] = []): ValidationReport {
  const { manifest, issues: manifestIssues, locate } = checkKiketPackageManifest(files);
  const issues: ValidationIssue[] = [...extraIssues, ...manifestIssues];
  // HOST-* / EGRESS-*: `extension.hosting` (docs/validation.md "Managed hosting").
  if (manifest) issues.push(...checkHosting(manifest, files, options, locate));
  const ext = manifest?.extension ?? {};
  const id = typeof ext.id === 'string' ? ext.id : null;
  const at = { file: KIKET_MANIFEST_FILE };
  if (manifest && options.claimedAppId !== undefined && (id === null || kiketAppIdOf(id) !== options.claimedAppId)) {
    issues.push(
      issue(
        'CLAIM-1',
        'ERROR',
        `extension.id '${id ?? ''}' does not match the claimed app id '${options.claimedAppId}' (a Kiket id claims its dotted form with hyphens: '${id ? kiketAppIdOf(id) : '?'}')`,
        `Claim '${id ? kiketAppIdOf(id) : '…'}' for this id, or set extension.id to the reverse-DNS id whose hyphenated form is '${options.claimedAppId}'.`,
        at,
      ),
    );
  }
  if (manifest && options.claimedDisplayName !== undefined && String(ext.name ?? '').trim() !== options.claimedDisplayName) {
    issues.push(issue('CLAIM-2', 'ERROR', `extension.name '${String(ext.name ?? '')}' does not match the claimed display name '${options.claimedDisplayName}'`, `Set extension.name to '${options.claimedDisplayName}'.`, at));
  }
  issues.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const errorCount = issues.filter(i => i.level === 'ERROR').length;
  const contributes = (ext.contributes ?? {}) as Record<string, unknown>;
  const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return {
    appId: id,
    version: typeof ext.version === 'string' ? ext.version : null,
    toolCount: length(contributes.commands),
    functionCount: length(contributes.workflow_actions),
    eventCount: length(ext.hooks),
    errorCount,
    warningCount: issues.filter(i => i.level === 'WARN').length,
    infoCount: issues.filter(i => i.level === 'INFO').length,
    valid: errorCount === 0,
    issues,
  };
}
