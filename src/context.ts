import type { EntityManager } from 'typeorm';
import type { Logger } from './shared/logger';
import { UnauthenticatedError } from './shared/errors';
import type { Role } from './shared/auth/roles';

/**
 * The request's DataLoaders. Each module adds its own loaders to this interface from its
 * `*.loaders.ts` (declaration merging), so the context knows no module and no module reaches into
 * another's loader file; src/loaders.ts builds the whole bag.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** The authenticated caller: a user, by session token or by API token. */
export interface Actor {
  userId: string;
  email: string;
  roles: ReadonlySet<Role>;
  via: 'session' | 'api_token';
  /** The API token's id when `via` is api_token. */
  tokenId?: string;
  /** When a session token stops being valid. */
  expiresAt?: Date;
}

/**
 * A runtime host (web-kernel, Kiket host) calling with an extension's runtime token
 * (docs/runtime.md). It is not a user: it may call only the report mutations (`@Runtime()`), and
 * only about its own extension's versions and installations; every other field sees it as anonymous.
 */
export interface RuntimePrincipal {
  tokenId: string;
  extensionId: string;
}

/**
 * What every service method receives first: who is acting, the EntityManager to use (a
 * transactional one inside `withTransaction`), the request's loaders and its id for logs.
 */
export interface RequestContext {
  requestId: string;
  actor: Actor | null;
  /** Set (with `actor` null) when the request carries a runtime token. */
  runtime?: RuntimePrincipal | null;
  /** Client address (for rate limits and the audit trail). */
  address: string;
  /** Public origin of this server as the client reached it (for URLs handed to clients). */
  origin: string;
  logger: Logger;
  manager: EntityManager;
  loaders: Loaders;
  /** The composition root's resolver instances (subscription `subscribe` functions use it). */
  container: ResolverContainer;
}

/** A context whose caller is signed in: what services that act for someone take. */
export type AuthedContext = RequestContext & { actor: Actor };

/** A context whose caller is a runtime host: what the report services take. */
export type RuntimeContext = RequestContext & { runtime: RuntimePrincipal };

/**
 * The context as an `AuthedContext`, for resolvers behind `@Authorized` (the auth checker has
 * already refused anonymous callers; this makes the type say so, and refuses them again if not).
 */
export function authed(ctx: RequestContext): AuthedContext {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx as AuthedContext;
}

export interface ResolverContainer {
  get<T>(cls: abstract new (...args: never[]) => T): T;
}

/** A context for work outside a request (jobs, the CLI, start-up). */
export function systemContext(
  manager: EntityManager,
  logger: Logger,
  loaders: Loaders,
  container: ResolverContainer,
  requestId = 'system',
): RequestContext {
  return { requestId, actor: null, address: 'system', origin: '', logger, manager, loaders, container };
}
