import { checkIcon } from './icon/svg-icon';
import { detectFormat } from './kiket/format';
import { validateKiketPackage } from './kiket/validate-kiket';
import { checkManifest, Manifest, MANIFEST_FILE } from './manifest-layer';
import { checkManifestRules, isChatFunction, isSyntheticTool, ManifestRuleOptions, toolsOf } from './manifest-rules';
import { checkPythonSources } from './python/python-rules';
import { issue, IssueLevel, PackageFiles, ValidationIssue } from './types';

export interface ValidateOptions extends ManifestRuleOptions {
  /** The claim owns the id: the manifest's app_id must equal it (server side). */
  claimedAppId?: string;
  /** ...and its `name` the claimed display name. */
  claimedDisplayName?: string;
}

/** The report, in the reference's shape (`app_id`, counts, issues), camel-cased. */
export interface ValidationReport {
  appId: string | null;
  version: string | null;
  toolCount: number;
  functionCount: number;
  eventCount: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  valid: boolean;
  issues: ValidationIssue[];
}

const LEVEL_ORDER: Record<IssueLevel, number> = { ERROR: 0, WARN: 1, INFO: 2 };

function counts(manifest: Manifest | null) {
  if (!manifest) return { toolCount: 0, functionCount: 0, eventCount: 0 };
  const tools = toolsOf(manifest);
  const functions = tools.filter(isChatFunction);
  const events = manifest.events as { subscribes?: unknown[] } | undefined;
  return {
    toolCount: tools.filter(t => !isChatFunction(t) && !isSyntheticTool(t.name)).length,
    functionCount: functions.length,
    eventCount: functions.filter(f => typeof f.event === 'string' && f.event.length > 0).length + (Array.isArray(events?.subscribes) ? events.subscribes.length : 0),
  };
}

/**
 * Runs the whole suite over a package's files: the manifest layer, the runtime rules decided
 * from the manifest, V21 on the icon, and the Python source rules. Pure: no I/O, no execution.
 */
export function validatePackage(files: PackageFiles, options: ValidateOptions = {}, extraIssues: ValidationIssue[] = []): ValidationReport {
  // The format is the manifest the package carries (FORMAT-1/2 refuse neither and both).
  const detected = detectFormat(files);
  if (detected.format === 'KIKET') return validateKiketPackage(files, options, extraIssues);
  if (detected.issue) return formatRefused([...extraIssues, detected.issue]);
  const { manifest, issues: manifestIssues } = checkManifest(files);
  const issues: ValidationIssue[] = [...extraIssues, ...manifestIssues];
  if (manifest) {
    issues.push(...checkManifestRules(manifest, options));
    issues.push(...checkIcon(String(manifest.app_id ?? ''), manifest.icon, files));
    const at = { file: MANIFEST_FILE };
    if (options.claimedAppId !== undefined && manifest.app_id !== options.claimedAppId) {
      issues.push(
        issue('CLAIM-1', 'ERROR', `app_id '${String(manifest.app_id)}' does not match the claimed app id '${options.claimedAppId}'`, `Set app_id to '${options.claimedAppId}': the claim owns the id.`, at),
      );
    }
    if (options.claimedDisplayName !== undefined && String(manifest.name ?? '').trim() !== options.claimedDisplayName) {
      issues.push(
        issue('CLAIM-2', 'ERROR', `name '${String(manifest.name ?? '')}' does not match the claimed display name '${options.claimedDisplayName}'`, `Set display_name to '${options.claimedDisplayName}'.`, at),
      );
    }
  }
  issues.push(...checkPythonSources(files, manifest as never));
  issues.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const errorCount = issues.filter(i => i.level === 'ERROR').length;
  return {
    appId: manifest && typeof manifest.app_id === 'string' ? manifest.app_id : null,
    version: manifest && typeof manifest.version === 'string' ? manifest.version : null,
    ...counts(manifest),
    errorCount,
    warningCount: issues.filter(i => i.level === 'WARN').length,
    infoCount: issues.filter(i => i.level === 'INFO').length,
    valid: errorCount === 0,
    issues,
  };
}

function formatRefused(issues: ValidationIssue[]): ValidationReport {
  issues.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const errorCount = issues.filter(i => i.level === 'ERROR').length;
  const { toolCount, functionCount, eventCount } = counts(null);
  return {
    appId: null,
    version: null,
    toolCount,
    functionCount,
    eventCount,
    errorCount,
    warningCount: issues.filter(i => i.level === 'WARN').length,
    infoCount: issues.filter(i => i.level === 'INFO').length,
    valid: false,
    issues,
  };
}
