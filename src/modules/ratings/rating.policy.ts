import type { Actor } from '../../context';
import { Role } from '../../shared/auth/roles';

/**
 * Who may see a review (docs/ratings.md, "Who sees what"); the one home of this rule. Every
 * `Review` the API returns passed it.
 *
 * - A visible review is public (anonymous callers included); its author shows as a display name only.
 * - A hidden review (a moderator's HIDE) is seen only by its author and by moderators (REVIEWER,
 *   ADMIN); to everyone else, the extension's developer included, it does not exist.
 */
export function canSeeReview(actor: Actor | null, review: { hiddenAt: Date | null; authorUserId: string }): boolean {
  if (!review.hiddenAt) return true;
  return !!actor && (actor.userId === review.authorUserId || isModerator(actor));
}

/** Moderators of reported reviews: reviewers and platform admins. */
export function isModerator(actor: Actor | null): boolean {
  return !!actor && (actor.roles.has(Role.REVIEWER) || actor.roles.has(Role.ADMIN));
}
