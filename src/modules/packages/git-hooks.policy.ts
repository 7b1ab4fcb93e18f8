import type { RequestContext } from '../../context';
import { canManageExtension } from '../extensions/extension.policy';

/**
 * Who may see an extension's git source, its validation history and its push webhook
 * (docs/http.md "Git push webhooks"): whoever manages the extension (its owner and admins).
 * Reviewers, installers, strangers and anonymous callers see nothing of it (`Extension.gitSource`
 * is null for them); the access token and the webhook secret are never returned to anyone after
 * the secret's one showing.
 */
export function mayManageGitSource(ctx: RequestContext, extension: { ownerId: string }): boolean {
  return canManageExtension(ctx.actor, extension);
}
