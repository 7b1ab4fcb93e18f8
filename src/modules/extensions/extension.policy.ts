import type { Actor } from '../../context';
import { Role } from '../../shared/auth/roles';

/**
 * Who may manage an extension (submit, publish, withdraw, deprecate, invite testers, edit the
 * listing): its owner and platform admins. Everyone else gets NOT_FOUND from the services, never a
 * hint that the extension's private parts exist.
 */
export function canManageExtension(actor: Actor | null, extension: { ownerId: string }): boolean {
  return !!actor && (extension.ownerId === actor.userId || actor.roles.has(Role.ADMIN));
}
