import { prepared } from '../../db/prepared';
import { InternalEventTypes } from '../events/event-types';
import { isEmail } from 'class-validator';
import { createHash, createSecretKey, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import type { PlazaConfig } from '../../config';
import type { Actor, AuthedContext, RequestContext } from '../../context';
import { isUniqueViolation, isUuid, repo, withTransaction } from '../../db/transaction';
import { selectEntity } from '../../db/rows';
import { BadUserInputError, ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError, InvalidStateError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { ApiTokenEntity, LoginAttemptEntity, UserEntity } from './accounts.entities';
import { Role } from '../../shared/auth/roles';

/** Prefix of API token secrets: tells them apart from session tokens at a glance. */
export const API_TOKEN_PREFIX = 'plz_';

// argon2id with the OWASP-recommended baseline (19 MiB, 2 passes).
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
}

export interface Session {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Identity: sign-up, login with rate limiting, session tokens (signed JWTs) and API tokens
 * (random secrets stored as sha256), and turning an Authorization header into an Actor.
 */
export class AuthService {
  // Verifying against a real hash when the email is unknown keeps the timing of the two
  // failure cases alike, so the response does not tell which part was wrong.
  private dummyHash: Promise<string> | null = null;
  // A KeyObject built once: given a string, jsonwebtoken probes it as a public key on every
  // verify (a thrown-and-caught parse that cost ~13% of CPU under load).
  private readonly signingKey: KeyObject;

  constructor(
    private readonly config: PlazaConfig,
    private readonly dataSource: DataSource,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    this.signingKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** Roles the actor holds: USER, the granted ones, and ADMIN for configured admin emails. */
  effectiveRoles(user: Pick<UserEntity, 'email' | 'roles'>): Role[] {
    const roles = new Set<Role>([Role.USER, ...user.roles]);
    if (this.config.adminEmails.includes(user.email)) roles.add(Role.ADMIN);
    return [Role.USER, Role.DEVELOPER, Role.REVIEWER, Role.ADMIN].filter(r => roles.has(r));
  }

  async signUp(ctx: RequestContext, input: NewUser): Promise<Session> {
    const email = normalizeEmail(input.email);
    const passwordHash = await argon2.hash(input.password, HASH_OPTIONS);
    const user = await withTransaction(ctx, async tx => {
      const users = repo(tx, UserEntity);
      if (await users.exist({ where: { email } })) throw this.emailTaken();
      const roles = this.config.adminEmails.includes(email) ? [Role.ADMIN] : [];
      let created: UserEntity;
      try {
        created = await users.save(users.create({ email, displayName: input.displayName.trim(), passwordHash, roles }));
      } catch (error) {
        if (isUniqueViolation(error, 'uq_users_email')) throw this.emailTaken();
        throw error;
      }
      const actorTx: RequestContext = { ...tx, actor: this.actorOf(created, 'session') };
      // Modules that give a new account something (system apps) react to account.user_created here.
      await this.events.append(actorTx, InternalEventTypes.ACCOUNT_USER_CREATED, {
        subjectType: 'User',
        subjectId: created.id,
        audienceUserId: created.id,
        data: { displayName: created.displayName },
      });
      await this.audit.record(actorTx, { action: 'user.sign_up', targetType: 'User', targetId: created.id });
      return created;
    });
    return this.issueSession(user);
  }

  /**
   * Checks the credentials. Too many recent failures for the email or the client address give
   * RATE_LIMITED before the password is even looked at; any wrong part gives one and the same
   * UNAUTHENTICATED answer.
   */
  async login(ctx: RequestContext, emailInput: string, password: string): Promise<Session> {
    const email = normalizeEmail(emailInput);
    await this.assertNotRateLimited(ctx, email);
    const user = await repo(ctx, UserEntity).findOneBy({ email });
    const valid = user
      ? await argon2.verify(user.passwordHash, password)
      : (await argon2.verify(await this.getDummyHash(), password), false);
    await repo(ctx, LoginAttemptEntity).insert({ email, address: ctx.address, succeeded: valid });
    if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
    if (this.config.adminEmails.includes(email) && !user.roles.includes(Role.ADMIN)) {
      await withTransaction({ ...ctx, actor: this.actorOf(user, 'session') }, async tx => {
        user.roles = [...user.roles, Role.ADMIN];
        await repo(tx, UserEntity).update(user.id, { roles: user.roles });
        await this.audit.record(tx, {
          action: 'user.grant_role',
          targetType: 'User',
          targetId: user.id,
          data: { role: Role.ADMIN, reason: 'PLAZA_ADMIN_EMAILS' },
        });
      });
    }
    return this.issueSession(user);
  }

  private async assertNotRateLimited(ctx: RequestContext, email: string): Promise<void> {
    const window = this.config.loginWindowSeconds;
    // Failures for an email count since its last success; failures from an address all count.
    const [{ by_email, by_address }] = await ctx.manager.query(
      `SELECT
         (SELECT count(*)::int FROM login_attempts a
           WHERE a.email = $1 AND NOT a.succeeded AND a.attempted_at > now() - make_interval(secs => $3)
             AND a.attempted_at > coalesce((SELECT max(s.attempted_at) FROM login_attempts s
                                            WHERE s.email = $1 AND s.succeeded), '-infinity')) AS by_email,
         (SELECT count(*)::int FROM login_attempts a
           WHERE a.address = $2 AND NOT a.succeeded AND a.attempted_at > now() - make_interval(secs => $3)) AS by_address`,
      [email, ctx.address, window],
    );
    if (by_email >= this.config.loginMaxFailuresPerEmail || by_address >= this.config.loginMaxFailuresPerAddress) {
      ctx.logger.warn({ email, address: ctx.address, by_email, by_address }, 'login rate limited');
      throw new RateLimitedError('Too many failed login attempts; try again later', window);
    }
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), HASH_OPTIONS);
    return this.dummyHash;
  }

  private issueSession(user: UserEntity): Session {
    const expiresAt = new Date(Date.now() + this.config.sessionTtlSeconds * 1000);
    const token = jwt.sign({ typ: 'session' }, this.signingKey, {
      algorithm: 'HS256',
      subject: user.id,
      issuer: 'plaza',
      jwtid: randomUUID(),
      expiresIn: this.config.sessionTtlSeconds,
    });
    return { token, expiresAt, user };
  }

  actorOf(user: UserEntity, via: Actor['via'], tokenId?: string): Actor {
    return { userId: user.id, email: user.email, roles: new Set(this.effectiveRoles(user)), via, tokenId };
  }

  /**
   * Resolves a bearer credential (session JWT or API token) to an Actor. A missing credential,
   * or `Bearer` with an empty token, gives null (anonymous); present but invalid, expired or
   * revoked ones give UNAUTHENTICATED.
   * Using an API token records its lastUsedAt in the same statement that looks it up.
   */
  async authenticate(credential: string | null | undefined): Promise<Actor | null> {
    if (!credential) return null;
    // `Bearer` with no token (HTTP trims the trailing space of "Bearer ") is anonymous too.
    const token = credential.trim().replace(/^Bearer(?:\s+|$)/i, '').trim();
    if (!token) return null;
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const [rows] = await this.dataSource.query(
        prepared(`UPDATE api_tokens SET last_used_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL
          RETURNING id, user_id`),
        [sha256(token)],
      );
      const row = rows?.[0];
      const user = row && (await this.userById(row.user_id));
      if (!user) throw new UnauthenticatedError('Invalid or revoked API token');
      return this.actorOf(user, 'api_token', row.id);
    }
    let subject: string | undefined;
    let expiresAt: Date | undefined;
    try {
      const claims = jwt.verify(token, this.signingKey, { algorithms: ['HS256'], issuer: 'plaza' });
      if (typeof claims === 'object' && claims.typ === 'session') {
        subject = claims.sub;
        expiresAt = claims.exp ? new Date(claims.exp * 1000) : undefined;
      }
    } catch {
      subject = undefined;
    }
    const user = isUuid(subject) ? await this.userById(subject) : null;
    if (!user) throw new UnauthenticatedError('Invalid or expired token');
    return { ...this.actorOf(user, 'session'), expiresAt };
  }

  /** The user a credential names: read on every authenticated request, so in plain SQL (db/rows.ts). */
  private userById(id: string): Promise<UserEntity | null> {
    return selectEntity(this.dataSource.manager, UserEntity, 'WHERE id = $1', [id]);
  }

  /** True while the actor's credential still stands (long-lived streams re-check on each event). */
  async isStillValid(actor: Actor): Promise<boolean> {
    if (actor.via === 'session') return !actor.expiresAt || actor.expiresAt.getTime() > Date.now();
    const token = await this.dataSource.getRepository(ApiTokenEntity).findOneBy({ id: actor.tokenId });
    return token !== null && token.revokedAt === null;
  }

  async createApiToken(ctx: AuthedContext, name: string): Promise<{ entity: ApiTokenEntity; secret: string }> {
    const actor = ctx.actor;
    if (!name.trim() || name.trim().length > 100) throw BadUserInputError.field('name', 'name must be 1 to 100 characters');
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    return withTransaction(ctx, async tx => {
      const tokens = repo(tx, ApiTokenEntity);
      const entity = await tokens.save(
        tokens.create({ userId: actor.userId, name: name.trim(), tokenHash: sha256(secret), prefix: secret.slice(0, 12) }),
      );
      await this.events.append(tx, InternalEventTypes.ACCOUNT_API_TOKEN_CREATED, {
        subjectType: 'ApiToken',
        subjectId: entity.id,
        audienceUserId: actor.userId,
        data: { name: entity.name, prefix: entity.prefix },
      });
      await this.audit.record(tx, { action: 'api_token.create', targetType: 'ApiToken', targetId: entity.id });
      return { entity, secret };
    });
  }

  /** Revokes one of the caller's tokens; another user's token is NOT_FOUND (no existence leak). */
  async revokeApiToken(ctx: AuthedContext, id: string): Promise<ApiTokenEntity> {
    const actor = ctx.actor;
    if (!isUuid(id)) throw new NotFoundError('API token');
    return withTransaction(ctx, async tx => {
      const tokens = repo(tx, ApiTokenEntity);
      const token = await tokens.findOne({ where: { id, userId: actor.userId }, lock: { mode: 'for_no_key_update' } });
      if (!token) throw new NotFoundError('API token');
      if (token.revokedAt) throw new InvalidStateError('This API token is already revoked');
      token.revokedAt = new Date();
      await tokens.save(token);
      await this.events.append(tx, InternalEventTypes.ACCOUNT_API_TOKEN_REVOKED, {
        subjectType: 'ApiToken',
        subjectId: token.id,
        audienceUserId: actor.userId,
        data: { name: token.name, prefix: token.prefix },
      });
      await this.audit.record(tx, { action: 'api_token.revoke', targetType: 'ApiToken', targetId: token.id });
      return token;
    });
  }

  listApiTokens(ctx: RequestContext, userId: string): Promise<ApiTokenEntity[]> {
    return repo(ctx, ApiTokenEntity).find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Creates an ADMIN account, or makes an existing one ADMIN (the `plaza admin create` command). */
  async createAdmin(ctx: RequestContext, input: NewUser): Promise<{ user: UserEntity; created: boolean }> {
    const email = normalizeEmail(input.email);
    if (!isEmail(email)) throw BadUserInputError.field('email', 'email must be an email address');
    const existing = await repo(ctx, UserEntity).findOneBy({ email });
    if (!existing) {
      const session = await this.signUp(ctx, input);
      if (!session.user.roles.includes(Role.ADMIN)) await this.grantAdmin(ctx, session.user);
      return { user: session.user, created: true };
    }
    if (!existing.roles.includes(Role.ADMIN)) await this.grantAdmin(ctx, existing);
    return { user: existing, created: false };
  }

  private async grantAdmin(ctx: RequestContext, user: UserEntity): Promise<void> {
    await withTransaction(ctx, async tx => {
      user.roles = [...user.roles, Role.ADMIN];
      await repo(tx, UserEntity).update(user.id, { roles: user.roles });
      await this.audit.record(tx, { action: 'user.grant_role', targetType: 'User', targetId: user.id, data: { role: Role.ADMIN, reason: 'cli' } });
    });
  }

  private emailTaken(): ConflictError {
    return new ConflictError('An account with this email already exists');
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
