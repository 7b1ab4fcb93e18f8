import type { Request } from 'express';
import type { Actor, AuthedContext, RequestContext } from '../context';
import type { AuthService } from '../modules/accounts/auth.service';
import { UnauthenticatedError } from '../shared/errors';

/**
 * The context of a REST route that requires a signed-in caller, from the same Authorization header
 * GraphQL reads (a session JWT or an API token); UNAUTHENTICATED (401) without one.
 */
export function requireSignedIn(
  auth: Pick<AuthService, 'authenticate'>,
  contextOf: (req: Request, actor: Actor | null) => RequestContext,
): (req: Request) => Promise<AuthedContext> {
  return async req => {
    const actor = await auth.authenticate(req.headers.authorization);
    if (!actor) throw new UnauthenticatedError();
    return contextOf(req, actor) as AuthedContext;
  };
}
