import type { Actor } from '../../context';
import { canManageExtension } from '../extensions/extension.policy';

/**
 * Who may read an extension's analytics (docs/analytics.md, "Who sees what"); the one home of
 * this rule for `extensionAnalytics` and `GET /extensions/:appId/analytics.svg`. Its owner and
 * platform admins; everyone else, anonymous callers included, gets NOT_FOUND (404 over HTTP),
 * never a hint that the extension or its figures exist.
 */
export function canReadAnalytics(actor: Actor | null, extension: { ownerId: string }): boolean {
  return canManageExtension(actor, extension);
}
