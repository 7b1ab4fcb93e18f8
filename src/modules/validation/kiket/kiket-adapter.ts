/**
 * What the format-neutral code (consent scopes, the semver diff, listing tool summaries) reads
 * from a stored Kiket manifest: its installation scopes and its commands, in the shapes the
 * Imperal readers already use. A command plays the part of a tool, so a removed command is a
 * removed tool (MAJOR) and a new permission is a new scope (MAJOR, review, re-consent).
 */
import type { ManifestTool } from '../manifest-rules';
import { isKiketShape, KIKET_SCOPE_PATTERN } from './kiket-rules';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored manifest is Kiket's when it has the nested `extension` mapping and no Imperal app_id. */
export function isKiketManifest(manifest: unknown): boolean {
  return isKiketShape(manifest) && !('app_id' in manifest);
}

/** `extension.permissions`: the scopes an installation grants, sorted and without duplicates. */
export function kiketScopes(manifest: unknown): string[] {
  if (!isKiketShape(manifest)) return [];
  const list = Array.isArray(manifest.extension.permissions) ? manifest.extension.permissions : [];
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && KIKET_SCOPE_PATTERN.test(s.trim())).map(s => s.trim()))].sort();
}

/** `contributes.commands` as tools: name = the command id, description = its title or description. */
export function kiketTools(manifest: unknown): ManifestTool[] {
  if (!isKiketShape(manifest)) return [];
  const contributes = isObject(manifest.extension.contributes) ? manifest.extension.contributes : {};
  const commands = Array.isArray(contributes.commands) ? contributes.commands : [];
  return commands
    .filter((c): c is Record<string, unknown> => isObject(c) && typeof c.command === 'string')
    .map(c => ({ name: c.command as string, description: typeof c.description === 'string' ? c.description : typeof c.title === 'string' ? c.title : null }));
}

/** The Plaza app id a Kiket id claims: `dev.kiket.ext.email` → `dev-kiket-ext-email` (claims allow [a-z0-9-]). */
export function kiketAppIdOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `extension.assets.icon` when it is a path inside the package (`./public/icon.svg`), not a URL. */
export function kiketIconPath(manifest: unknown): string | null {
  if (!isKiketShape(manifest)) return null;
  const assets = isObject(manifest.extension.assets) ? manifest.extension.assets : {};
  const icon = assets.icon;
  return typeof icon === 'string' && icon && !/^[a-z]+:/i.test(icon) ? icon.replace(/^\.\//, '') : null;
}
