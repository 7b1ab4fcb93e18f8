import { issue, IssueLevel, PackageFiles, ValidationIssue } from '../types';
import { checkEgressList, normalisedEgress } from './egress';

/**
 * The hosting declaration of either manifest format, and the HOST-* rules on it
 * (docs/validation.md "Managed hosting"):
 *
 * - Kiket: `extension.hosting: {tier, egress[], managed, health_path?, webhook_path?}`. The string
 *   form `hosting: internal` of every first-party manifest stays valid and declares nothing.
 *   The webhook path is `webhook_path` or the path of `callback.url`.
 * - Imperal: `marketplace.egress` (kept as it is) and `marketplace.hosting: {tier, managed,
 *   health_path?, webhook_path?, egress?}`; the webhook path is `webhook_path` or the first
 *   `webhooks[].path`.
 *
 * Rules:
 * - HOST-1 (ERROR) the block is a mapping with the documented field types (unknown keys WARN)
 * - HOST-2 (ERROR) the tier is one the platform offers (the `hosting_tiers` table; the CLI knows the defaults)
 * - HOST-3 (ERROR) `managed: true` needs a `Dockerfile` at the repository root
 * - HOST-4 (ERROR) the health path (default `/health`) is an absolute path without query, fragment or `..`
 * - HOST-5 (ERROR) `managed: true` needs the webhook path the manifest names
 * - HOST-6 (ERROR) `managed: true` needs `egress` declared (`egress: []` when it calls nothing)
 * - EGRESS-1…7 on every egress entry (egress.ts)
 */

export const DEFAULT_HEALTH_PATH = '/health';
/** The tiers the platform is seeded with; the server passes the live list from the database. */
export const DEFAULT_HOSTING_TIERS: readonly string[] = ['minimal', 'standard', 'compute', 'memory'];
export const DEFAULT_HOSTING_TIER = 'standard';

export interface HostingDeclaration {
  format: 'KIKET' | 'IMPERAL';
  /** The tier named in the manifest, or null when it names none. */
  tier: string | null;
  managed: boolean;
  /** Normalised, valid entries only (EGRESS-* refuse the rest). */
  egress: string[];
  healthPath: string;
  webhookPath: string | null;
}

export interface HostingRuleOptions {
  hostingTiers?: readonly string[];
  /** The tier a managed manifest without `tier` gets (the default row of hosting_tiers). */
  defaultHostingTier?: string;
}

type Path = (string | number)[];
type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const KIKET_KEYS = new Set(['tier', 'egress', 'managed', 'health_path', 'webhook_path']);
const PLACEHOLDER = /^\$\{[A-Z][A-Z0-9_]*(:-[^}]*)?\}/;

interface Located {
  format: 'KIKET' | 'IMPERAL';
  block: Obj | null;
  /** Where the block is in the manifest (for line lookups). */
  base: Path;
  egressLists: { list: unknown; path: Path }[];
  webhookPath: string | null;
  file: string;
}

function locateBlock(manifest: unknown): Located | null {
  if (!isObject(manifest)) return null;
  if (isObject(manifest.extension) && !('app_id' in manifest)) {
    const ext = manifest.extension;
    if (!isObject(ext.hosting)) return null; // absent, or the string form (`internal`)
    const block = ext.hosting;
    const callback = isObject(ext.callback) && typeof ext.callback.url === 'string' ? ext.callback.url : null;
    return {
      format: 'KIKET',
      block,
      base: ['extension', 'hosting'],
      egressLists: block.egress === undefined ? [] : [{ list: block.egress, path: ['extension', 'hosting', 'egress'] }],
      webhookPath: typeof block.webhook_path === 'string' ? block.webhook_path : callback ? pathOfUrl(callback) : null,
      file: '.kiket/manifest.yaml',
    };
  }
  const marketplace = isObject(manifest.marketplace) ? manifest.marketplace : null;
  if (!marketplace) return null;
  const block = isObject(marketplace.hosting) ? marketplace.hosting : marketplace.hosting === undefined ? null : ({ __invalid: marketplace.hosting } as Obj);
  const lists: { list: unknown; path: Path }[] = [];
  if (marketplace.egress !== undefined) lists.push({ list: marketplace.egress, path: ['marketplace', 'egress'] });
  if (block && block.egress !== undefined) lists.push({ list: block.egress, path: ['marketplace', 'hosting', 'egress'] });
  if (!block && !lists.length) return null;
  const webhooks = Array.isArray(manifest.webhooks) ? manifest.webhooks : [];
  const firstWebhook = webhooks.find((w): w is Obj => isObject(w) && typeof w.path === 'string');
  return {
    format: 'IMPERAL',
    block,
    base: ['marketplace', 'hosting'],
    egressLists: lists,
    webhookPath: block && typeof block.webhook_path === 'string' ? block.webhook_path : firstWebhook ? String(firstWebhook.path) : null,
    file: 'imperal.json',
  };
}

/** `${EXTENSION_BASE_URL}/webhook` → `/webhook`; `https://x.example/hooks?a` → `/hooks`. */
function pathOfUrl(url: string): string | null {
  const rest = url.replace(PLACEHOLDER, 'https://placeholder.invalid');
  try {
    const path = new URL(rest).pathname;
    return path && path !== '/' ? path : null;
  } catch {
    return null;
  }
}

/** The declaration a stored manifest makes, or null when it declares no hosting (nor egress). */
export function hostingOf(manifest: unknown, defaultTier: string | null = DEFAULT_HOSTING_TIER): HostingDeclaration | null {
  const found = locateBlock(manifest);
  if (!found) return null;
  const block = found.block ?? {};
  const managed = block.managed === true;
  const tier = typeof block.tier === 'string' ? block.tier.trim() : null;
  return {
    format: found.format,
    tier: tier ?? (managed ? defaultTier : null),
    managed,
    egress: [...new Set(found.egressLists.flatMap(l => (Array.isArray(l.list) ? normalisedEgress(l.list) : [])))].sort(),
    healthPath: typeof block.health_path === 'string' ? block.health_path : DEFAULT_HEALTH_PATH,
    webhookPath: found.webhookPath,
  };
}

/** The hosts a manifest declares it calls, normalised (the review trigger, the diff and the network policy read this). */
export function declaredEgress(manifest: unknown): string[] {
  return hostingOf(manifest)?.egress ?? [];
}

/** HOST-* and EGRESS-* issues. `locate` gives a line for a path (the Kiket YAML reader has one). */
export function checkHosting(manifest: unknown, files: PackageFiles, options: HostingRuleOptions = {}, locate?: (path: Path) => number): ValidationIssue[] {
  const found = locateBlock(manifest);
  if (!found) return [];
  const out: ValidationIssue[] = [];
  const add = (rule: string, level: IssueLevel, message: string, fix: string, path: Path) =>
    out.push(issue(rule, level, message, fix, { file: found.file, line: locate ? locate(path) : 0 }));
  const label = found.base.join('.');
  const tiers = options.hostingTiers ?? DEFAULT_HOSTING_TIERS;
  const block = found.block;
  if (block && '__invalid' in block) {
    add('HOST-1', 'ERROR', `${label} must be a mapping {tier, managed, health_path}`, 'Write hosting as an object, for example {"tier": "standard", "managed": true}.', found.base);
  } else if (block) {
    for (const key of Object.keys(block)) {
      if (!KIKET_KEYS.has(key)) add('HOST-1', 'WARN', `unknown key '${key}' in ${label}`, `Remove '${key}'; hosting knows ${[...KIKET_KEYS].join(', ')}.`, [...found.base, key]);
    }
    if (block.managed !== undefined && typeof block.managed !== 'boolean') {
      add('HOST-1', 'ERROR', `${label}.managed must be true or false`, 'Write `managed: true` for a Plaza-hosted container, `false` when you host it yourself.', [...found.base, 'managed']);
    }
    if (block.tier !== undefined && typeof block.tier !== 'string') {
      add('HOST-1', 'ERROR', `${label}.tier must be a tier name`, `Use one of ${tiers.join(', ')}.`, [...found.base, 'tier']);
    } else if (typeof block.tier === 'string' && !tiers.includes(block.tier.trim())) {
      add('HOST-2', 'ERROR', `hosting tier '${block.tier}' is not offered; the tiers are ${tiers.join(', ')}`, `Use one of ${tiers.join(', ')}.`, [...found.base, 'tier']);
    } else if (block.tier === undefined && block.managed === true) {
      const fallback = options.defaultHostingTier ?? DEFAULT_HOSTING_TIER;
      add('HOST-2', 'INFO', `${label}.tier is not set; the '${fallback}' tier applies`, `Set tier to one of ${tiers.join(', ')} to choose the resources (and cost) yourself.`, found.base);
    }
    for (const key of ['health_path', 'webhook_path'] as const) {
      if (block[key] !== undefined && typeof block[key] !== 'string') add('HOST-1', 'ERROR', `${label}.${key} must be a path string`, "Write a path such as '/health'.", [...found.base, key]);
    }
    const health = typeof block.health_path === 'string' ? block.health_path : DEFAULT_HEALTH_PATH;
    if (block.managed === true || block.health_path !== undefined) {
      const problem = pathProblem(health);
      if (problem) add('HOST-4', 'ERROR', `health path '${health}' ${problem}`, "Serve the health check at an absolute path such as '/health' returning HTTP 200.", [...found.base, 'health_path']);
    }
    if (block.managed === true) {
      if (!files.has('Dockerfile')) {
        add('HOST-3', 'ERROR', 'managed hosting needs a Dockerfile at the repository root; there is none', 'Add a Dockerfile at the root of the repository (the platform builds and runs it).', [...found.base, 'managed']);
      }
      const webhook = found.webhookPath;
      const problem = webhook === null ? 'is missing' : pathProblem(webhook);
      if (problem) {
        add(
          'HOST-5',
          'ERROR',
          webhook === null ? 'managed hosting needs the webhook path the extension serves; the manifest names none' : `webhook path '${webhook}' ${problem}`,
          found.format === 'KIKET'
            ? "Set callback.url to '${EXTENSION_BASE_URL}/webhook' (or hosting.webhook_path) so the platform can route events to the container."
            : "Declare the webhook (webhooks[].path) or marketplace.hosting.webhook_path, for example '/webhook'.",
          found.format === 'KIKET' && typeof block.webhook_path !== 'string' ? ['extension', 'callback'] : [...found.base, 'webhook_path'],
        );
      }
      if (block.egress === undefined && !found.egressLists.length) {
        add('HOST-6', 'ERROR', 'managed hosting needs the egress list: traffic to undeclared domains is blocked', 'Declare `egress:` with every external host the extension calls (`egress: []` when it calls none).', found.base);
      }
    }
  }
  for (const { list, path } of found.egressLists) {
    if (!Array.isArray(list)) {
      add('HOST-1', 'ERROR', `${path.join('.')} must be a list of host names`, "Write egress as a list, for example ['api.slack.com'].", path);
      continue;
    }
    for (const f of checkEgressList(list).findings) add(f.rule, f.level, f.message, f.fix, [...path, f.index]);
  }
  return out;
}

function pathProblem(path: string): string | null {
  if (!path.startsWith('/') || path.startsWith('//')) return 'must be an absolute path starting with a single /';
  if (/[?#]/.test(path)) return 'must not carry a query or fragment';
  if (path.split('/').some(s => s === '..' || s === '.')) return "must not contain '.' or '..' segments";
  if (/[\s\\]/.test(path) || path.length > 200) return 'must be a plain URL path (no spaces or backslashes, 200 characters at most)';
  return null;
}
