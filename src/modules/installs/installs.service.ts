import { prepared } from '../../db/prepared';
import { ExtensionAvailability } from '../extensions/extension-availability';
import { EventTypes, InternalEventTypes } from '../events/event-types';
import { IsNull } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { insertEntity, selectEntities, selectEntity } from '../../db/rows';
import { ConsentRequiredError, ExtensionUnavailableError, ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors';
import { OrganizationAccess, organizationAccess } from '../accounts/organization.policy';
import { canManageInstallation } from './installation.policy';
import type { OrganizationsService } from '../accounts/organizations.service';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { StagingInviteEntity } from '../review/staging.entity';
import { STAGEABLE } from '../review/staging.service';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes } from '../validation/manifest-rules';
import { ExtensionVersionEntity, LIVE_STATUSES } from '../versions/version.entity';
import { InstallationEntity, InstallSource, InstallStatus, Placement } from './installation.entity';
import { rolledBackSql } from './rolled-back';
import { newestVersion, semverDescSql } from '../versions/semver-order';
import { sunsetPassedSql } from '../versions/deprecations.service';
import { CostAcknowledgement, priceOf, recordCostConsent, unacknowledged } from '../hosting/hosting-cost';

export interface InstallRequest {
  appId: string;
  grantedScopes: string[];
  organizationId?: string | null;
  versionId?: string | null;
  /** The tier and monthly cost of a managed version, as shown: required to install one. */
  hostingCost?: CostAcknowledgement | null;
  /** The price revision shown (Extension.pricing.id): required to install a paid extension (docs/billing.md). */
  price?: { pricingId: string } | null;
}

/**
 * A consent a higher module requires before an install (the billing module: the price). It runs
 * inside the install transaction, before anything is written, and answers the extension fields of
 * CONSENT_REQUIRED it adds (for example `{ missingPrice: … }`), or null when nothing is missing.
 */
export type ConsentCheck = (
  tx: AuthedContext,
  install: { extension: ExtensionEntity; versionId: string; organizationId: string | null; request: InstallRequest },
) => Promise<Record<string, unknown> | null>;


/** What the runtime needs to call the extension's lifecycle hooks (docs/marketplace.md, "Installing"). */
export function lifecycleOf(manifest: Manifest | null, hook: 'on_install' | 'on_uninstall'): { hook: string; declared: boolean; signature: string | null } {
  const lifecycle = (manifest?.lifecycle ?? {}) as Record<string, unknown>;
  const hooks = (manifest?.lifecycle_hooks ?? {}) as Record<string, { signature?: string }>;
  return { hook, declared: lifecycle[hook] === true || hook in hooks, signature: hooks[hook]?.signature ?? null };
}

/**
 * Installs with explicit scope consent (docs/marketplace.md, "Installing"): per user or per organization, one
 * active installation per owner and extension (database-enforced, so concurrent installs give
 * one row), lifecycle events for the runtime, and system apps that cannot be uninstalled
 * (I-SYSTEM-APPS-NEVER-UNINSTALLABLE).
 */
export class InstallsService {
  private readonly consentChecks: ConsentCheck[] = [];

  /** Registers a consent an install needs (see ConsentCheck); higher modules call it from their constructors. */
  addConsentCheck(check: ConsentCheck): void {
    this.consentChecks.push(check);
  }

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    // System apps (docs/marketplace.md, "System apps"): a new account gets every published one in
    // the transaction that creates it, and a published system app reaches every account at once.
    events.on(InternalEventTypes.ACCOUNT_USER_CREATED, (tx, event) => this.installSystemAppsFor(tx, event.subjectId));
    events.on(EventTypes.VERSION_PUBLISHED, async (tx, event) => {
      if (event.data.system) await this.installSystemAppForAll(tx, event.data.extensionId, event.subjectId);
    });
  }

  async install(ctx: AuthedContext, input: InstallRequest): Promise<InstallationEntity> {
    const actor = ctx.actor;
    return withTransaction(ctx, async tx => {
      // Read under a share lock: a pause or suspension committing meanwhile (they lock the row) is
      // seen, and none can commit before this install does.
      const extension = await selectEntity(tx.manager, ExtensionEntity, 'WHERE app_id = $1 FOR SHARE', [input.appId]);
      if (!extension) throw new NotFoundError('Extension');
      if (input.organizationId) await this.assertOrgAdmin(tx, input.organizationId);
      // Not LISTED: no new installs from the marketplace (staging installs of a tester, which name
      // their version, are not marketplace installs).
      const unavailable = extension.availability !== ExtensionAvailability.LISTED;
      if (unavailable && !input.versionId) throw new ExtensionUnavailableError(extension.availability);
      const { version, source } = await this.resolveVersion(tx, extension, input.versionId ?? null);
      if (unavailable && source === InstallSource.USER) throw new ExtensionUnavailableError(extension.availability);
      const required = declaredScopes((version.manifest ?? {}) as Manifest);
      const granted = [...new Set(input.grantedScopes.map(s => s.trim()))];
      const missing = required.filter(s => !granted.includes(s));
      // A managed extension's tier and monthly cost are part of the consent (docs/hosting.md).
      const price = await priceOf(tx, version.manifest);
      const missingCost = unacknowledged(price, input.hostingCost);
      // Registered consents (the price of a paid extension) read and lock what they check in
      // this transaction, so what was acknowledged is what the handlers of installation.created see.
      const more: Record<string, unknown> = {};
      for (const check of this.consentChecks) {
        Object.assign(more, await check(tx, { extension, versionId: version.id, organizationId: input.organizationId ?? null, request: input }));
      }
      if (missing.length || missingCost || Object.keys(more).length) throw new ConsentRequiredError(missing, missingCost, more);
      const values = {
        extensionId: extension.id,
        versionId: version.id,
        ownerUserId: input.organizationId ? null : actor.userId,
        organizationId: input.organizationId ?? null,
        grantedScopes: granted.filter(s => required.includes(s)),
        source,
        placement: extension.system ? Placement.SIDEBAR_BOTTOM : Placement.MIDDLE_LIST,
        installedById: actor.userId,
      };
      // ON CONFLICT DO NOTHING on the partial unique indexes: a second (or concurrent) install
      // returns the existing row instead of adding one.
      const installation = await insertEntity(tx.manager, InstallationEntity, values, 'ON CONFLICT DO NOTHING');
      if (!installation) return this.findActive(tx, extension.id, input.organizationId ?? null, actor.userId);
      if (price) await recordCostConsent(tx, installation.id, price, actor.userId);
      await this.audit.record(tx, { action: 'installation.create', targetType: 'Installation', targetId: installation.id, data: { appId: extension.appId, version: version.version } });
      await this.events.append(tx, EventTypes.INSTALLATION_CREATED, {
        subjectType: 'Installation',
        subjectId: installation.id,
        appId: extension.appId,
        version: version.version,
        audienceUserId: installation.ownerUserId ?? actor.userId,
        data: {
          ownerUserId: installation.ownerUserId,
          organizationId: installation.organizationId,
          source,
          grantedScopes: installation.grantedScopes,
          lifecycle: lifecycleOf(version.manifest as Manifest | null, 'on_install'),
        },
      });
      return installation;
    });
  }

  async uninstall(ctx: AuthedContext, installationId: string): Promise<InstallationEntity> {
    if (!isUuid(installationId)) throw new NotFoundError('Installation');
    return withTransaction(ctx, async tx => {
      const installation = await selectEntity(tx.manager, InstallationEntity, 'WHERE id = $1 FOR NO KEY UPDATE', [installationId]);
      if (!installation || !(await this.canManage(tx, installation))) throw new NotFoundError('Installation');
      // The extension and the installed version in one round trip: only what the event needs.
      const [{ app_id: appId, system, version, manifest }] = await tx.manager.query(
        prepared(`SELECT e.app_id, e.system, v.version, v.manifest FROM extensions e JOIN extension_versions v ON v.id = $2 WHERE e.id = $1`),
        [installation.extensionId, installation.versionId],
      );
      if (system) throw new ForbiddenError('System apps cannot be uninstalled (I-SYSTEM-APPS-NEVER-UNINSTALLABLE)');
      if (installation.status !== InstallStatus.ACTIVE) throw new InvalidStateError('This installation is already removed');
      installation.status = InstallStatus.UNINSTALLED;
      installation.uninstalledAt = new Date();
      await tx.manager.query(prepared(`UPDATE installations SET status = $2, uninstalled_at = $3 WHERE id = $1`), [installation.id, installation.status, installation.uninstalledAt]);
      await this.audit.record(tx, { action: 'installation.remove', targetType: 'Installation', targetId: installation.id });
      await this.events.append(tx, EventTypes.INSTALLATION_UNINSTALLED, {
        subjectType: 'Installation',
        subjectId: installation.id,
        appId,
        version,
        audienceUserId: installation.ownerUserId ?? tx.actor.userId,
        data: {
          ownerUserId: installation.ownerUserId,
          organizationId: installation.organizationId,
          lifecycle: lifecycleOf(manifest as Manifest | null, 'on_uninstall'),
        },
      });
      return installation;
    });
  }

  async listMine(ctx: AuthedContext, organizationId?: string | null): Promise<InstallationEntity[]> {
    if (organizationId) {
      const access = organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId));
      if (access === OrganizationAccess.NONE) throw new NotFoundError('Organization');
      return repo(ctx, InstallationEntity).find({ where: { organizationId, status: InstallStatus.ACTIVE }, order: { installedAt: 'ASC' } });
    }
    return repo(ctx, InstallationEntity).find({
      where: { ownerUserId: ctx.actor.userId, organizationId: IsNull(), status: InstallStatus.ACTIVE },
      order: { installedAt: 'ASC' },
    });
  }

  /**
   * Every published system app for a new user, in the transaction that creates the user (docs/marketplace.md,
   * "System apps"): one set-based statement; if it fails, the user is not created. Only LISTED
   * ones: a suspended, paused or delisted system app reaches nobody new (existing installations
   * stay, flagged, as for any extension; docs/runtime.md).
   */
  async installSystemAppsFor(ctx: RequestContext, userId: string): Promise<void> {
    await ctx.manager.query(
      `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id)
       SELECT DISTINCT ON (e.id) e.id, v.id, $1, '{}', 'AUTO_SYSTEM', 'SIDEBAR_BOTTOM', NULL
         FROM extensions e JOIN extension_versions v ON v.extension_id = e.id AND v.status = 'PUBLISHED'
        WHERE e.system AND e.availability = 'LISTED'
        ORDER BY e.id, ${semverDescSql('v.version')}
       ON CONFLICT DO NOTHING`,
      [userId],
    );
  }

  /**
   * A newly published system app goes to every existing user at once (docs/marketplace.md, "System apps"), in one
   * statement; users who already have it are skipped.
   */
  async installSystemAppForAll(ctx: RequestContext, extensionId: string, versionId: string): Promise<number> {
    const result = await ctx.manager.query(
      `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id)
       SELECT $1, $2, u.id, '{}', 'AUTO_SYSTEM', 'SIDEBAR_BOTTOM', NULL FROM users u
       ON CONFLICT DO NOTHING RETURNING id`,
      [extensionId, versionId],
    );
    return returnedRows(result).length;
  }

  private async resolveVersion(ctx: AuthedContext, extension: ExtensionEntity, versionId: string | null) {
    const actor = ctx.actor;
    if (versionId) {
      const version = isUuid(versionId) ? await repo(ctx, ExtensionVersionEntity).findOneBy({ id: versionId, extensionId: extension.id }) : null;
      if (!version) throw new NotFoundError('Version');
      if (LIVE_STATUSES.includes(version.status)) {
        if (await this.isPastSunset(ctx, version.id)) throw new InvalidStateError('This version is past its sunset date');
        return { version, source: InstallSource.USER };
      }
      // Staging (docs/marketplace.md, "Staging"): a validated version, for its developer and invited testers only.
      if (STAGEABLE.includes(version.status)) {
        const invited = await repo(ctx, StagingInviteEntity).exist({ where: { versionId: version.id, email: actor.email } });
        if (extension.ownerId === actor.userId || invited) return { version, source: InstallSource.STAGING };
        throw new NotFoundError('Version');
      }
      throw new InvalidStateError(`A ${version.status} version cannot be installed`);
    }
    // The live versions whose deprecation sunset has not passed and that were not rolled back,
    // in one round trip.
    const installable = await selectEntities(
      ctx.manager,
      ExtensionVersionEntity,
      `v WHERE v.extension_id = $1 AND v.status = ANY($2) AND NOT ${sunsetPassedSql('v.id')} AND NOT ${rolledBackSql('v.id')}`,
      [extension.id, LIVE_STATUSES],
    );
    const latest = newestVersion(installable);
    if (!latest) throw new InvalidStateError('This extension has no published version to install');
    return { version: latest, source: InstallSource.USER };
  }

  /** The version's deprecation sunset has passed (it cannot be installed). */
  private async isPastSunset(ctx: RequestContext, versionId: string): Promise<boolean> {
    const [{ past }] = await ctx.manager.query(`SELECT ${sunsetPassedSql('$1::uuid')} AS past`, [versionId]);
    return past;
  }


  private async assertOrgAdmin(ctx: AuthedContext, organizationId: string): Promise<void> {
    const access = organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId));
    if (access === OrganizationAccess.NONE) throw new NotFoundError('Organization');
    if (access !== OrganizationAccess.ADMINISTER) throw new ForbiddenError('Only an owner or admin of the organization can install for it');
  }

  /** The installation's owner, an admin of its organization, or a platform admin. */
  async canManage(ctx: AuthedContext, installation: InstallationEntity): Promise<boolean> {
    const orgRole = installation.organizationId ? await this.organizations.roleOf(ctx, installation.organizationId, ctx.actor.userId) : null;
    return canManageInstallation(ctx.actor, installation, orgRole);
  }

  private async findActive(ctx: RequestContext, extensionId: string, organizationId: string | null, userId: string): Promise<InstallationEntity> {
    const where = organizationId
      ? { extensionId, organizationId, status: InstallStatus.ACTIVE }
      : { extensionId, ownerUserId: userId, organizationId: IsNull(), status: InstallStatus.ACTIVE };
    const existing = await repo(ctx, InstallationEntity).findOne({ where });
    if (!existing) throw new InvalidStateError('The installation changed concurrently; try again');
    return existing;
  }
}
