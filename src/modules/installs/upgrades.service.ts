import { EventTypes } from '../events/event-types';
import semver from 'semver';
import { authed, type AuthedContext, type RequestContext } from '../../context';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { ConsentRequiredError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { lockRolloutOf } from './rollout-lock';
import { withLongStatements } from '../../db/timeouts';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes } from '../validation/manifest-rules';
import { ExtensionVersionEntity } from '../versions/version.entity';
import { InstallationEntity, InstallStatus } from './installation.entity';
import type { InstallsService } from './installs.service';
import { OfferStatus, UpgradeOfferEntity } from './upgrade-offer.entity';
import { semverCoreSql } from '../versions/semver-order';
import { agreedPrice, announceTierChange, CostAcknowledgement, priceOf, raisesCost, recordCostConsent, unacknowledged } from '../hosting/hosting-cost';

/** One set-based transaction; a retry after a crash finds the installations still to move. */
export const rolloutQueue = defineQueue<{ versionId: string }>('rollout-version', { expireInSeconds: 30, retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true });


/** The `on_upgrade` hooks the target declares for versions in (from, to] (docs/marketplace.md, "Updating an installed extension"). */
export function upgradeHooks(manifest: Manifest | null, from: string, to: string): string[] {
  const declared = ((manifest?.lifecycle as { on_upgrade?: unknown } | undefined)?.on_upgrade ?? []) as unknown[];
  return declared
    .filter((v): v is string => typeof v === 'string' && !!semver.valid(v))
    .filter(v => semver.gt(v, from) && semver.lte(v, to))
    .sort(semver.compare);
}

/**
 * Rollouts and opt-in upgrades (docs/marketplace.md, "Updating an installed extension",
 * with the organizations' upgrade policy). A published version moves every compatible installation in one statement (same
 * major, no new scopes, not a MANUAL organization; system apps always move); every other older
 * installation gets one offer, also in one statement. Re-running a rollout moves nobody twice.
 */
export class UpgradesService {
  constructor(
    private readonly installs: InstallsService,
    jobs: JobQueue,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    /** A rollout's transaction alone gets the long statement timeout (PLAZA_DB_LONG_STATEMENT_TIMEOUT_MS). */
    private readonly longStatementTimeoutMs: number,
  ) {
    jobs.handle(rolloutQueue, async (ctx, data) => {
      const result = await this.rolloutInOneTransaction(ctx, data.versionId);
      ctx.logger.info({ ...result, versionId: data.versionId }, 'rollout done');
    });
    // Existing installations move or get offers after the publish commits, in a durable job
    // (set-based, re-runnable).
    events.on(EventTypes.VERSION_PUBLISHED, (tx, event) => jobs.sendInTransaction(tx, rolloutQueue, { versionId: event.subjectId }, { singletonKey: event.subjectId }));
  }

  /** A rollout moves every installation in one statement: a million take minutes. */
  rolloutInOneTransaction(ctx: RequestContext, versionId: string): Promise<{ moved: number; offered: number }> {
    return withTransaction(ctx, tx => withLongStatements(tx.manager, this.longStatementTimeoutMs, () => this.rollout(tx, versionId)));
  }

  async rollout(ctx: RequestContext, versionId: string): Promise<{ moved: number; offered: number }> {
    return withTransaction(ctx, async tx => {
      const target = await repo(tx, ExtensionVersionEntity).findOneBy({ id: versionId });
      if (!target?.version || !semver.valid(target.version)) return { moved: 0, offered: 0 };
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: target.extensionId });
      const manifest = (target.manifest ?? {}) as Manifest;
      const required = declaredScopes(manifest);
      const core = target.version.split(/[-+]/)[0].split('.').map(Number);
      // Hooks per distinct starting version, passed to SQL as one jsonb map.
      const froms: { version: string }[] = await tx.manager.query(
        `SELECT DISTINCT v.version FROM installations i JOIN extension_versions v ON v.id = i.version_id
          WHERE i.extension_id = $1 AND i.status = 'ACTIVE'`,
        [extension.id],
      );
      const hooks = Object.fromEntries(froms.filter(f => semver.valid(f.version)).map(f => [f.version, upgradeHooks(manifest, f.version, target.version!)]));
      await lockRolloutOf(tx, extension.id, 'rollout');
      // Tier change (docs/hosting.md): every installation on another tier hears of it; one whose
      // agreed hosting cost is below the new price waits for an accepted offer, like a new scope.
      const { price } = await announceTierChange(tx, this.events, { id: target.id, version: target.version, manifest }, extension);
      const params = [extension.id, target.id, core, required, core[0], extension.appId, target.version, JSON.stringify(hooks), price?.monthlyCostMinor ?? null, price?.currency ?? null];
      const candidates = `
        SELECT i.id, i.version_id AS from_id, i.granted_scopes, i.owner_user_id, i.organization_id,
               cur.version AS from_version, e.system, o.upgrade_policy
          FROM installations i
          JOIN extension_versions cur ON cur.id = i.version_id
          JOIN extensions e ON e.id = i.extension_id
          LEFT JOIN organizations o ON o.id = i.organization_id
         WHERE i.extension_id = $1 AND i.status = 'ACTIVE' AND i.source <> 'STAGING'
           AND ${semverCoreSql('cur.version')} < $3::int[]`;
      const [{ moved }] = await tx.manager.query(
        `WITH candidates AS (${candidates}),
         moved AS (
           UPDATE installations i SET version_id = $2
             FROM candidates c
            WHERE i.id = c.id
              AND (c.system OR (split_part(c.from_version, '.', 1)::int = $5 AND $4::text[] <@ c.granted_scopes
                                AND (c.organization_id IS NULL OR c.upgrade_policy = 'AUTOMATIC')))
              AND (c.system OR $9::int IS NULL OR EXISTS (
                     SELECT 1 FROM installation_hosting_consents h
                      WHERE h.installation_id = c.id AND h.currency = $10::text AND h.monthly_cost_minor >= $9::int))
           RETURNING i.id, coalesce(i.owner_user_id, i.installed_by_id) AS audience, c.from_version
         ),
         logged AS (
           ${this.events.insertManySql(EventTypes.INSTALLATION_UPGRADED, {
             from: 'moved m',
             appId: '$6',
             version: '$7',
             subjectType: `'Installation'`,
             subjectId: 'm.id::text',
             audienceUserId: 'm.audience',
             data: `jsonb_build_object('fromVersion', m.from_version, 'toVersion', $7::text, 'automatic', true,
                      'lifecycle', jsonb_build_object('hook', 'on_upgrade', 'from_version', m.from_version,
                                                      'hooks', coalesce($8::jsonb -> m.from_version, '[]'::jsonb)))`,
           })}
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM logged)::int AS logged`,
        params,
      );
      // A newer version supersedes an offer to an older one, open or declined; a late rollout of an
      // older version (its job may run after a newer one's) leaves the newer offers alone.
      await tx.manager.query(
        `UPDATE upgrade_offers u SET status = 'SUPERSEDED'
           FROM installations i, extension_versions offered
          WHERE u.installation_id = i.id AND i.extension_id = $1 AND u.status IN ('OPEN', 'DECLINED') AND u.to_version_id <> $2
            AND offered.id = u.to_version_id AND ${semverCoreSql('offered.version')} < $3::int[]`,
        [extension.id, target.id, core],
      );
      const [{ offered }] = await tx.manager.query(
        `WITH candidates AS (${candidates}),
         offered AS (
           INSERT INTO upgrade_offers (installation_id, from_version_id, to_version_id, new_scopes)
           SELECT c.id, c.from_id, $2, ARRAY(SELECT unnest($4::text[]) EXCEPT SELECT unnest(c.granted_scopes) ORDER BY 1)
             FROM candidates c WHERE NOT c.system
           ON CONFLICT DO NOTHING
           RETURNING id, installation_id, new_scopes
         ),
         logged AS (
           ${this.events.insertManySql(EventTypes.UPGRADE_OFFER_CREATED, {
             from: 'offered o JOIN installations i ON i.id = o.installation_id',
             appId: '$5',
             version: '$6',
             subjectType: `'UpgradeOffer'`,
             subjectId: 'o.id::text',
             audienceUserId: 'coalesce(i.owner_user_id, i.installed_by_id)',
             data: `jsonb_build_object('installationId', o.installation_id, 'newScopes', to_jsonb(o.new_scopes))`,
           })}
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM offered)::int AS offered, (SELECT count(*) FROM logged)::int AS logged`,
        [extension.id, target.id, core, required, extension.appId, target.version],
      );
      await this.events.notify(tx);
      return { moved, offered };
    });
  }

  /** Open (or declined, still acceptable) offers for the caller's or an organization's installations. */
  async offers(ctx: RequestContext, organizationId?: string | null): Promise<UpgradeOfferEntity[]> {
    const installations = await this.installs.listMine(authed(ctx), organizationId);
    if (!installations.length) return [];
    return repo(ctx, UpgradeOfferEntity)
      .createQueryBuilder('o')
      .where('o.installation_id IN (:...ids)', { ids: installations.map(i => i.id) })
      .andWhere('o.status IN (:...open)', { open: [OfferStatus.OPEN, OfferStatus.DECLINED] })
      .orderBy('o.created_at', 'ASC')
      .getMany();
  }

  async respond(ctx: AuthedContext, offerId: string, accept: boolean, grantedScopes: string[] = [], hostingCost: CostAcknowledgement | null = null): Promise<UpgradeOfferEntity> {
    if (!isUuid(offerId)) throw new NotFoundError('Upgrade offer');
    return withTransaction(ctx, async tx => {
      // Before the row locks: a rollout of the extension locks installation rows, then offer rows (rollout-lock.ts).
      const [owner] = await tx.manager.query(
        `SELECT i.extension_id FROM upgrade_offers o JOIN installations i ON i.id = o.installation_id WHERE o.id = $1`,
        [offerId],
      );
      if (owner) await lockRolloutOf(tx, owner.extension_id, 'member');
      const offer = await repo(tx, UpgradeOfferEntity).findOne({ where: { id: offerId }, lock: { mode: 'for_no_key_update' } });
      const installation = offer && (await repo(tx, InstallationEntity).findOne({ where: { id: offer.installationId }, lock: { mode: 'for_no_key_update' } }));
      if (!offer || !installation || !(await this.installs.canManage(tx, installation))) throw new NotFoundError('Upgrade offer');
      if (offer.status === OfferStatus.SUPERSEDED || offer.status === OfferStatus.ACCEPTED) {
        throw new InvalidStateError(`This offer is ${offer.status.toLowerCase()}`);
      }
      if (!accept) {
        if (offer.status === OfferStatus.DECLINED) return offer;
        offer.status = OfferStatus.DECLINED;
        offer.respondedAt = new Date();
        await repo(tx, UpgradeOfferEntity).save(offer);
        await this.audit.record(tx, { action: 'upgrade.decline', targetType: 'UpgradeOffer', targetId: offer.id });
        await this.appendAnswer(tx, offer, installation, null, await this.releaseOf(tx, offer.toVersionId));
        return offer;
      }
      if (installation.status !== InstallStatus.ACTIVE) throw new InvalidStateError('The installation was removed');
      const [from, to] = await Promise.all([
        repo(tx, ExtensionVersionEntity).findOneByOrFail({ id: installation.versionId }),
        repo(tx, ExtensionVersionEntity).findOneByOrFail({ id: offer.toVersionId }),
      ]);
      const required = declaredScopes((to.manifest ?? {}) as Manifest);
      const granted = [...new Set([...installation.grantedScopes, ...grantedScopes.map(s => s.trim())])];
      const missing = required.filter(s => !granted.includes(s));
      // A dearer hosting tier needs its cost acknowledged, like a new scope (docs/hosting.md).
      const price = await priceOf(tx, to.manifest);
      const costRaised = raisesCost(await agreedPrice(tx, installation.id), price);
      const missingCost = costRaised ? unacknowledged(price, hostingCost) : null;
      if (missing.length || missingCost) throw new ConsentRequiredError(missing, missingCost);
      if (costRaised) await recordCostConsent(tx, installation.id, price!, tx.actor.userId);
      const nowGranted = granted.filter(s => required.includes(s));
      await repo(tx, InstallationEntity).update(installation.id, { versionId: to.id, grantedScopes: nowGranted });
      offer.status = OfferStatus.ACCEPTED;
      offer.respondedAt = new Date();
      await repo(tx, UpgradeOfferEntity).save(offer);
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: installation.extensionId });
      await this.audit.record(tx, { action: 'upgrade.accept', targetType: 'UpgradeOffer', targetId: offer.id });
      await this.events.append(tx, EventTypes.INSTALLATION_UPGRADED, {
        subjectType: 'Installation',
        subjectId: installation.id,
        appId: extension.appId,
        version: to.version,
        audienceUserId: installation.ownerUserId ?? installation.installedById ?? tx.actor.userId,
        data: {
          fromVersion: from.version,
          toVersion: to.version,
          automatic: false,
          lifecycle: { hook: 'on_upgrade', from_version: from.version, hooks: upgradeHooks(to.manifest as Manifest, from.version!, to.version!) },
        },
      });
      await this.appendAnswer(tx, offer, installation, nowGranted, { appId: extension.appId, version: to.version! });
      return offer;
    });
  }

  /** `upgrade_offer.answered` for the offer's audience (and, by the visibility rule, the developer). */
  /** The app id and version number of a version (for a declined offer's event). */
  private async releaseOf(tx: RequestContext, versionId: string): Promise<{ appId: string; version: string }> {
    const [row]: { app_id: string; version: string }[] = await tx.manager.query(
      `SELECT e.app_id, v.version FROM extension_versions v JOIN extensions e ON e.id = v.extension_id WHERE v.id = $1`,
      [versionId],
    );
    return { appId: row.app_id, version: row.version };
  }

  /** `grantedScopes` null: declined. */
  private async appendAnswer(
    tx: AuthedContext,
    offer: UpgradeOfferEntity,
    installation: InstallationEntity,
    grantedScopes: string[] | null,
    release: { appId: string; version: string },
  ): Promise<void> {
    await this.events.append(tx, EventTypes.UPGRADE_OFFER_ANSWERED, {
      subjectType: 'UpgradeOffer',
      subjectId: offer.id,
      appId: release.appId,
      version: release.version,
      audienceUserId: installation.ownerUserId ?? installation.installedById ?? tx.actor.userId,
      data: { installationId: installation.id, accepted: grantedScopes !== null, grantedScopes: grantedScopes ?? [] },
    });
  }
}
