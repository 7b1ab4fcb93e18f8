import semver from 'semver';
import { declaredScopes, isChatFunction, toolsOf } from '../validation/manifest-rules';
import type { Manifest } from '../validation/manifest-layer';
import { declaredEgress } from '../validation/hosting/hosting-rules';

/**
 * The manifest diff between the latest published version and a submission, and the semver
 * bump it requires (docs/marketplace.md, "Semver discipline"):
 * MAJOR for a removed or renamed tool, a new capability scope, or a params schema that rejects
 * input the old one accepted; MINOR for a new tool or a new optional field; PATCH otherwise.
 */

export type Bump = 'PATCH' | 'MINOR' | 'MAJOR';
const RANK: Record<Bump, number> = { PATCH: 0, MINOR: 1, MAJOR: 2 };

export interface SchemaChange {
  tool: string;
  change: string;
  breaking: boolean;
}

export interface ChangeSummary {
  toolsAdded: string[];
  toolsRemoved: string[];
  toolsChanged: string[];
  scopesAdded: string[];
  scopesRemoved: string[];
  egressDomainsAdded: string[];
  schemaChanges: SchemaChange[];
  /** Every change that needs MAJOR, in words. */
  breakingChanges: string[];
}

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (s: Schema): Set<string> | null =>
  s.type === undefined ? null : new Set(Array.isArray(s.type) ? (s.type as string[]) : [String(s.type)]);

/**
 * Hosts the extension says it calls, normalised (lower case, punycode): Imperal's
 * `marketplace.egress` (and `marketplace.hosting.egress`), Kiket's `extension.hosting.egress`.
 */
export function egressDomains(manifest: Manifest | null): string[] {
  return declaredEgress(manifest);
}

/**
 * What a params schema change does to inputs the old schema accepted. Only the top level and
 * one level of properties are compared: that is where pydantic models put their fields.
 */
export function compareParams(tool: string, before: Schema, after: Schema): SchemaChange[] {
  const out: SchemaChange[] = [];
  const props = (s: Schema) => (isObject(s.properties) ? (s.properties as Record<string, Schema>) : {});
  const required = (s: Schema) => new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const [oldProps, newProps] = [props(before), props(after)];
  const [oldRequired, newRequired] = [required(before), required(after)];
  const closed = after.additionalProperties === false;
  for (const name of Object.keys(newProps)) {
    if (!(name in oldProps)) {
      out.push(
        newRequired.has(name)
          ? { tool, change: `new required property '${name}'`, breaking: true }
          : { tool, change: `new optional property '${name}'`, breaking: false },
      );
    }
  }
  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps)) {
      out.push({ tool, change: `property '${name}' removed${closed ? ' from a closed schema' : ''}`, breaking: closed });
      continue;
    }
    if (newRequired.has(name) && !oldRequired.has(name)) out.push({ tool, change: `property '${name}' became required`, breaking: true });
    out.push(...compareProperty(tool, name, oldProps[name], newProps[name]));
  }
  return out;
}

function compareProperty(tool: string, name: string, before: Schema, after: Schema): SchemaChange[] {
  const out: SchemaChange[] = [];
  const narrowed = (change: string) => out.push({ tool, change: `property '${name}': ${change}`, breaking: true });
  const [oldTypes, newTypes] = [typesOf(before), typesOf(after)];
  if (newTypes && (!oldTypes || [...oldTypes].some(t => !newTypes.has(t) && !(t === 'integer' && newTypes.has('number'))))) {
    narrowed(`type narrowed from ${oldTypes ? [...oldTypes].join('|') : 'any'} to ${[...newTypes].join('|')}`);
  }
  if (Array.isArray(after.enum)) {
    const allowed = new Set((after.enum as unknown[]).map(v => JSON.stringify(v)));
    const removed = Array.isArray(before.enum) ? (before.enum as unknown[]).filter(v => !allowed.has(JSON.stringify(v))) : ['(any value)'];
    if (removed.length) narrowed(`enum no longer accepts ${removed.map(v => JSON.stringify(v)).join(', ')}`);
  }
  const tighter = (key: string, higherIsTighter: boolean) => {
    const [a, b] = [before[key], after[key]];
    if (typeof b !== 'number') return;
    if (typeof a !== 'number' || (higherIsTighter ? b > a : b < a)) narrowed(`${key} tightened to ${b}`);
  };
  tighter('minimum', true);
  tighter('exclusiveMinimum', true);
  tighter('minLength', true);
  tighter('minItems', true);
  tighter('maximum', false);
  tighter('exclusiveMaximum', false);
  tighter('maxLength', false);
  tighter('maxItems', false);
  if (typeof after.pattern === 'string' && after.pattern !== before.pattern) narrowed(`pattern changed to ${after.pattern}`);
  return out;
}

export function diffManifests(previous: Manifest | null, next: Manifest): { summary: ChangeSummary; requiredBump: Bump } {
  const oldTools = new Map((previous ? toolsOf(previous) : []).map(t => [t.name, t]));
  const newTools = new Map(toolsOf(next).map(t => [t.name, t]));
  const summary: ChangeSummary = {
    toolsAdded: [...newTools.keys()].filter(n => !oldTools.has(n)).sort(),
    toolsRemoved: previous ? [...oldTools.keys()].filter(n => !newTools.has(n)).sort() : [],
    toolsChanged: [],
    scopesAdded: [],
    scopesRemoved: [],
    egressDomainsAdded: [],
    schemaChanges: [],
    breakingChanges: [],
  };
  const oldScopes = new Set(previous ? declaredScopes(previous) : []);
  const newScopes = new Set(declaredScopes(next));
  summary.scopesAdded = [...newScopes].filter(s => !oldScopes.has(s)).sort();
  summary.scopesRemoved = [...oldScopes].filter(s => !newScopes.has(s)).sort();
  const oldEgress = new Set(egressDomains(previous));
  summary.egressDomainsAdded = egressDomains(next).filter(d => !oldEgress.has(d));
  for (const [name, tool] of newTools) {
    const old = oldTools.get(name);
    if (!old) continue;
    const changes = compareParams(name, isObject(old.params_schema) ? old.params_schema : {}, isObject(tool.params_schema) ? tool.params_schema : {});
    const fieldsChanged = ['description', 'action_type', 'return_schema', 'effects', 'event', 'scopes'].some(
      key => JSON.stringify((old as unknown as Schema)[key] ?? null) !== JSON.stringify((tool as unknown as Schema)[key] ?? null),
    );
    if (changes.length || fieldsChanged) summary.toolsChanged.push(name);
    summary.schemaChanges.push(...changes);
  }
  if (!previous) return { summary, requiredBump: 'PATCH' };
  for (const name of summary.toolsRemoved) summary.breakingChanges.push(`tool '${name}' removed (or renamed)`);
  for (const scope of summary.scopesAdded) summary.breakingChanges.push(`new capability scope '${scope}'`);
  for (const change of summary.schemaChanges.filter(c => c.breaking)) summary.breakingChanges.push(`tool '${change.tool}': ${change.change}`);
  let requiredBump: Bump = 'PATCH';
  if (summary.toolsAdded.length || summary.schemaChanges.length) requiredBump = 'MINOR';
  if (summary.breakingChanges.length) requiredBump = 'MAJOR';
  return { summary, requiredBump };
}

/** The bump from `from` to `to` (null when `to` is not greater). Pre-1.0 follows semver's own rules. */
export function declaredBump(from: string, to: string): Bump | null {
  if (!semver.gt(to, from)) return null;
  const diff = semver.diff(from, to);
  if (diff === 'major' || diff === 'premajor') return 'MAJOR';
  if (diff === 'minor' || diff === 'preminor') return 'MINOR';
  return 'PATCH';
}

export function bumpCovers(declared: Bump, required: Bump): boolean {
  return RANK[declared] >= RANK[required];
}

/** Destructive tools (review trigger: never approved before). */
export function destructiveTools(manifest: Manifest): string[] {
  return toolsOf(manifest)
    .filter(t => isChatFunction(t) && t.action_type === 'destructive')
    .map(t => t.name)
    .sort();
}
