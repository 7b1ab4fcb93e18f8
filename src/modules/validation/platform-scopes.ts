/**
 * The platform capability registry as shipped: scopes the platform itself grants to extensions.
 * The server seeds its `platform_scopes` table from this list (admins can extend the table);
 * the CLI validates against the list directly. Legacy dotted forms (`store.read`) are
 * canonicalised to the colon form before lookup.
 */
export const PLATFORM_SCOPES: readonly { scope: string; description: string }[] = [
  { scope: 'store:read', description: 'Read the extension’s per-user store' },
  { scope: 'store:write', description: 'Write the extension’s per-user store' },
  { scope: 'storage:read', description: 'Read files the user stored in the workspace' },
  { scope: 'storage:write', description: 'Create and change files in the workspace' },
  { scope: 'config:read', description: 'Read the extension’s configuration' },
  { scope: 'config:write', description: 'Change the extension’s configuration' },
  { scope: 'notify:push', description: 'Send the user notifications' },
  { scope: 'notifications:read', description: 'Read the user’s notifications' },
  { scope: 'notifications:write', description: 'Create or dismiss the user’s notifications' },
  { scope: 'ai:complete', description: 'Use the platform’s language models' },
  { scope: 'auth:oauth', description: 'Connect third-party accounts through OAuth' },
  { scope: 'secrets:read', description: 'Read secrets the user set for the extension' },
  { scope: 'http:request', description: 'Call external HTTP endpoints (egress is reviewed)' },
  { scope: 'users:read', description: 'Read user directory entries' },
  { scope: 'users:manage', description: 'Manage users (first-party only)' },
  { scope: 'users:admin', description: 'Administer users (first-party only)' },
  { scope: 'email:read', description: 'Read the user’s email' },
  { scope: 'email:send', description: 'Send email as the user' },
  { scope: 'calendar:read', description: 'Read the user’s calendar' },
  { scope: 'calendar:write', description: 'Change the user’s calendar' },
];

export const PLATFORM_SCOPE_SET: ReadonlySet<string> = new Set(PLATFORM_SCOPES.map(s => s.scope));
