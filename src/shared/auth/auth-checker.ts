import { Authorized, AuthChecker } from 'type-graphql';
import { Role } from './roles';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Marker role: the field is open to anonymous callers, said explicitly. */
export const PUBLIC = 'PUBLIC';

/** Declares a root field open to everyone (the auth-declaration test requires a declaration). */
export const Public = () => Authorized(PUBLIC);

/**
 * Marker role: the field answers runtime hosts only (a runtime token, docs/runtime.md); users,
 * admins included, get FORBIDDEN and anonymous callers UNAUTHENTICATED.
 */
export const RUNTIME = 'RUNTIME';

/** Declares a root field for runtime tokens (the report mutations). */
export const Runtime = () => Authorized(RUNTIME);

/** What the check reads of the request context (context.ts's RequestContext has it). */
export interface AuthCheckedContext {
  actor: { roles: ReadonlySet<Role> } | null;
  runtime?: unknown;
}

/**
 * The coarse, declarative check at the API edge: `@Authorized()` means signed in,
 * `@Authorized(Role.X, ...)` means holding any of those roles (ADMIN holds every role),
 * `@Public()` means anyone, `@Runtime()` a runtime token only. Record-level rules live in the services.
 */
export const authChecker: AuthChecker<AuthCheckedContext> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  if (roles.includes(RUNTIME)) {
    if (context.runtime) return true;
    if (context.actor) throw new ForbiddenError('This is for runtime hosts: call it with a runtime token');
    throw new UnauthenticatedError();
  }
  const actor = context.actor;
  if (!actor) throw new UnauthenticatedError();
  if (roles.length === 0 || actor.roles.has(Role.ADMIN)) return true;
  if (roles.some(role => actor.roles.has(role as Role))) return true;
  throw new ForbiddenError(`This needs the ${roles.join(' or ')} role`);
};
