import { checkHosting, HostingRuleOptions } from './hosting/hosting-rules';
import type { Tree } from '@lezer/common';
import { checkIcon } from './icon/svg-icon';
import { detectFormat } from './kiket/format';
import { validateKiketPackage } from './kiket/validate-kiket';
import { checkManifest, Manifest, MANIFEST_FILE } from './manifest-layer';
import { checkManifestRules, isChatFunction, isSyntheticTool, ManifestRuleOptions, toolsOf } from './manifest-rules';
import { buildCodeModel, CodeModel, readModules } from './python/code-model';
import { checkCodeModel, driftIssues, syntaxIssues } from './python/code-rules';
import { checkPythonSources, scanModules } from './python/python-rules';
import { issue, IssueLevel, PackageFiles, ValidationIssue } from './types';

export interface ValidateOptions extends ManifestRuleOptions, HostingRuleOptions {
  /** The claim owns the id: the manifest's app_id must equal it (server side). */
  claimedAppId?: string;
  /** ...and its `name` the claimed display name. */
  claimedDisplayName?: string;
  /** Python trees parsed ahead from these same files (parallel-parse.ts), by path; the rest are parsed here. */
  pythonTrees?: ReadonlyMap<string, Tree>;
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

/** Issues listed per rule and level; the rest are counted in one closing issue. */
export const MAX_ISSUES_PER_RULE = 100;

/**
 * Keeps a report readable and storable whatever the package holds: 60,000 unknown keys would
 * otherwise give 60,000 M3 issues (megabytes of report). The counts stay exact.
 */
function capIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Map<string, number>();
  const out: ValidationIssue[] = [];
  for (const i of issues) {
    const key = `${i.rule}\u0000${i.level}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= MAX_ISSUES_PER_RULE) out.push(i);
  }
  for (const [key, n] of seen) {
    if (n <= MAX_ISSUES_PER_RULE) continue;
    const [rule, level] = key.split('\u0000') as [string, IssueLevel];
    const more = n - MAX_ISSUES_PER_RULE;
    const last = out.findLastIndex(i => i.rule === rule && i.level === level);
    out.splice(
      last + 1,
      0,
      issue(rule, level, `…and ${more.toLocaleString('en-US')} more ${rule} ${level === 'ERROR' ? 'errors' : 'issues'} like these (only the first ${MAX_ISSUES_PER_RULE} are listed)`, 'Fix the ones listed and validate again.', {
        source: out[last]?.source,
      }),
    );
  }
  return out;
}

/** The reference's counts, from the code model when there is one (what the SDK counts), else from the manifest. */
function counts(manifest: Manifest | null, model: CodeModel | null) {
  if (model) {
    return {
      toolCount: model.tools.filter(t => !isSyntheticTool(t.name)).length,
      functionCount: model.functions.length,
      eventCount: model.functions.filter(f => typeof f.event === 'string' && f.event.length > 0).length + model.decorated.filter(d => d.kind === 'on_event').length,
    };
  }
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
 * Runs the whole suite over a package's files: the manifest layer, the code model built from the
 * Python sources and the runtime rules decided on it (or, without a model, on the manifest), V21
 * on the icon, the file-local Python rules and MANIFEST-DRIFT. Pure: no I/O, no execution; each
 * .py file is parsed once.
 */
export function validatePackage(files: PackageFiles, options: ValidateOptions = {}, extraIssues: ValidationIssue[] = []): ValidationReport {
  // The format is the manifest the package carries (FORMAT-1/2 refuse neither and both).
  const detected = detectFormat(files);
  if (detected.format === 'KIKET') return validateKiketPackage(files, options, extraIssues);
  if (detected.issue) return formatRefused([...extraIssues, detected.issue]);
  const { manifest, issues: manifestIssues } = checkManifest(files);
  const modules = readModules(files, false, options.pythonTrees);
  const scans = scanModules(modules); // also records each file's first syntax error for the model
  const { model, missing } = buildCodeModel(modules);
  const issues: ValidationIssue[] = [...extraIssues, ...manifestIssues, ...syntaxIssues(modules)];
  if (model) {
    issues.push(...checkCodeModel(model));
    if (manifest) issues.push(...driftIssues(model, manifest));
  } else if (missing) {
    issues.push(
      issue(
        'CODE-MODEL',
        'INFO',
        `No code model: ${missing}, so V3, V4, V9–V20, V22 and V23 were decided from imperal.json`,
        'Put `ext = Extension(...)` in main.py (or import it there), as `imperal validate` expects.',
        { file: 'main.py', source: 'code' },
      ),
    );
  }
  if (manifest) {
    issues.push(...checkManifestRules(manifest, options, model !== null));
    issues.push(...checkIcon(String(manifest.app_id ?? ''), manifest.icon, files));
    issues.push(...checkHosting(manifest, files, options));
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
  issues.push(...checkPythonSources(modules, scans));
  issues.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const errorCount = issues.filter(i => i.level === 'ERROR').length;
  const warningCount = issues.filter(i => i.level === 'WARN').length;
  const infoCount = issues.filter(i => i.level === 'INFO').length;
  return {
    appId: manifest && typeof manifest.app_id === 'string' ? manifest.app_id : model && typeof model.ext.appId === 'string' ? model.ext.appId : null,
    version: manifest && typeof manifest.version === 'string' ? manifest.version : model && typeof model.ext.version === 'string' ? model.ext.version : null,
    ...counts(manifest, model),
    errorCount,
    warningCount,
    infoCount,
    valid: errorCount === 0,
    issues: capIssues(issues),
  };
}

function formatRefused(issues: ValidationIssue[]): ValidationReport {
  issues.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const errorCount = issues.filter(i => i.level === 'ERROR').length;
  const { toolCount, functionCount, eventCount } = counts(null, null);
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
