import type { RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';

/**
 * How much of an account the caller may see (docs/security.md, "Accounts"); the one home of
 * this rule. Every `User` the API returns is built with a view from `userView`.
 *
 * - SELF: the account holder sees everything, API tokens included.
 * - ADMIN: platform admins see email, roles, organizations and the full developer profile, never
 *   someone else's API tokens.
 * - COLLEAGUE: members of a shared organization see each other's email.
 * - PUBLIC: everyone else sees the id, display name and the public developer profile (developer
 *   name, verified badge, the support contact only when the developer made it public).
 */
export enum UserView {
  PUBLIC = 'PUBLIC',
  COLLEAGUE = 'COLLEAGUE',
  ADMIN = 'ADMIN',
  SELF = 'SELF',
}

export async function userView(ctx: RequestContext, userId: string): Promise<UserView> {
  const actor = ctx.actor;
  if (!actor) return UserView.PUBLIC;
  if (actor.userId === userId) return UserView.SELF;
  if (actor.roles.has(Role.ADMIN)) return UserView.ADMIN;
  return (await ctx.loaders.sharesOrganization.load(`${actor.userId}\n${userId}`)) ? UserView.COLLEAGUE : UserView.PUBLIC;
}

export const canSeeEmail = (view: UserView) => view !== UserView.PUBLIC;
export const canSeeAccountDetails = (view: UserView) => view === UserView.SELF || view === UserView.ADMIN;
export const canSeeApiTokens = (view: UserView) => view === UserView.SELF;
