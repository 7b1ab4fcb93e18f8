import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthedContext, RequestContext, RuntimePrincipal } from '../../context';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, InvalidStateError, NotFoundError, UnauthenticatedError } from '../../shared/errors';
import { sha256 } from '../accounts/auth.service';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { InternalEventTypes } from '../events/event-types';
import type { ExtensionsService } from '../extensions/extensions.service';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { canSeeRuntimeData } from './runtime.policy';
import { RuntimeTokenEntity } from './runtime.entities';

/** Prefix of runtime token secrets (API tokens use `plz_`): the request context tells them apart by it. */
export const RUNTIME_TOKEN_PREFIX = 'plzr_';

/**
 * Runtime tokens (docs/runtime.md, "Runtime tokens"): the owner of an extension (or an admin)
 * makes one per runtime host; the secret is shown once and stored as sha256. `authenticate`
 * turns an Authorization header carrying one into a RuntimePrincipal.
 */
export class RuntimeTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly extensions: ExtensionsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  /** True when the bearer credential is a runtime token (whatever its validity). */
  static isRuntimeCredential(credential: string | null | undefined): boolean {
    return !!credential && credential.trim().replace(/^Bearer\s+/i, '').startsWith(RUNTIME_TOKEN_PREFIX);
  }

  /**
   * The principal of a runtime token; UNAUTHENTICATED for an unknown or revoked one. Records its
   * lastUsedAt in the statement that looks it up.
   */
  async authenticate(credential: string): Promise<RuntimePrincipal> {
    const token = credential.trim().replace(/^Bearer\s+/i, '').trim();
    const [rows] = await this.dataSource.query(
      `UPDATE runtime_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, extension_id`,
      [sha256(token)],
    );
    const row = rows?.[0];
    if (!row) throw new UnauthenticatedError('Invalid or revoked runtime token');
    return { tokenId: row.id, extensionId: row.extension_id };
  }

  /** Makes a runtime token for the extension; the secret is in the answer and nowhere else. */
  async create(ctx: AuthedContext, appId: string, name: string): Promise<{ entity: RuntimeTokenEntity; secret: string; appId: string }> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw BadUserInputError.field('name', 'name must be 1 to 100 characters');
    const extension = await this.extensions.getOwned(ctx, appId);
    const secret = `${RUNTIME_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    return withTransaction(ctx, async tx => {
      const tokens = repo(tx, RuntimeTokenEntity);
      const entity = await tokens.save(
        tokens.create({ extensionId: extension.id, name: trimmed, tokenHash: sha256(secret), prefix: secret.slice(0, 13), createdById: ctx.actor.userId }),
      );
      await this.events.append(tx, InternalEventTypes.RUNTIME_TOKEN_CREATED, {
        subjectType: 'RuntimeToken',
        subjectId: entity.id,
        appId: extension.appId,
        audienceUserId: extension.ownerId,
        data: { name: entity.name, prefix: entity.prefix },
      });
      await this.audit.record(tx, { action: 'runtime_token.create', targetType: 'RuntimeToken', targetId: entity.id, data: { appId: extension.appId } });
      return { entity, secret, appId: extension.appId };
    });
  }

  /** Revokes a token of an extension the caller manages; anyone else's is NOT_FOUND. */
  async revoke(ctx: AuthedContext, id: string): Promise<RuntimeTokenEntity> {
    if (!isUuid(id)) throw new NotFoundError('Runtime token');
    return withTransaction(ctx, async tx => {
      const tokens = repo(tx, RuntimeTokenEntity);
      const token = await tokens.findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
      const extension = token && (await repo(tx, ExtensionEntity).findOneBy({ id: token.extensionId }));
      if (!token || !extension || !canSeeRuntimeData(ctx.actor, extension)) throw new NotFoundError('Runtime token');
      if (token.revokedAt) throw new InvalidStateError('This runtime token is already revoked');
      token.revokedAt = new Date();
      await tokens.update(token.id, { revokedAt: token.revokedAt });
      await this.events.append(tx, InternalEventTypes.RUNTIME_TOKEN_REVOKED, {
        subjectType: 'RuntimeToken',
        subjectId: token.id,
        appId: extension.appId,
        audienceUserId: extension.ownerId,
        data: { name: token.name, prefix: token.prefix },
      });
      await this.audit.record(tx, { action: 'runtime_token.revoke', targetType: 'RuntimeToken', targetId: token.id, data: { appId: extension.appId } });
      return token;
    });
  }

  /** The extension's tokens, newest first, for its owner and admins (NOT_FOUND for anyone else). */
  async list(ctx: RequestContext, appId: string): Promise<RuntimeTokenEntity[]> {
    const extension = await this.extensions.getOwned(ctx, appId);
    return repo(ctx, RuntimeTokenEntity).find({ where: { extensionId: extension.id }, order: { createdAt: 'DESC' } });
  }
}
