import { EventTypes } from '../events/event-types';
import semver from 'semver';
import { authed, type AuthedContext, type RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { ConsentRequiredError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { lockRolloutOf } from './rollout-lock';
import { withLongStatements } from '../../db/timeouts';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../shared/clock';
import { LIVE_STATUSES } from '../versions/version.entity';
import { RolloutHistoryEntity, RolloutState } from './rollout.entity';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes } from '../validation/manifest-rules';
import { ExtensionVersionEntity } from '../versions/version.entity';
import { InstallationEntity, InstallStatus } from './installation.entity';
import type { InstallsService } from './installs.service';
import type { VersionsService } from '../versions/versions.service';
import { OfferStatus, UpgradeOfferEntity } from './upgrade-offer.entity';
import { semverCoreSql } from '../versions/semver-order';
import { agreedPrice, announceTierChange, CostAcknowledgement, priceOf, raisesCost, recordCostConsent, unacknowledged } from '../hosting/hosting-cost';

/**
 * Runs a version's rollout: batches until the current pass is done. A retry after a crash resumes
 * after the last committed batch (the cursor in `rollouts`).
 */
export const rolloutQueue = defineQueue<{ versionId: string }>('rollout-version', { expireInSeconds: 30, retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true });

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';
const LAST_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * The stable cohort bucket (0–9999) of an installation: a deterministic hash of its id. A rollout
 * at p% may move the installations whose bucket is below p × 100, so widening only adds
 * installations and re-running moves nobody twice.
 */
export function rolloutBucketSql(idColumn: string): string {
  return `((hashtextextended(${idColumn}::text, 0) & 9223372036854775807) % 10000)`;
}

/** What one batch (one transaction) did. */
export interface RolloutBatch {
  moved: number;
  offered: number;
  /** Installations the batch's range covered (moved, offered or left alone). */
  scanned: number;
  /** The pass has covered every installation (or the rollout is not moving). */
  done: boolean;
}

/** A staged rollout as publishVersion asks for it (validated by the versions module). */
export interface StagedRollout {
  percent: number;
  stepPercent: number | null;
  stepEveryHours: number | null;
}

export interface RolloutBatchOptions {
  /** Most installations per batch (PLAZA_ROLLOUT_BATCH_SIZE). */
  batchSize: number;
  /** How long a batch should hold its transaction (PLAZA_ROLLOUT_BATCH_TARGET_MS). */
  batchTargetMs: number;
  /** The statement timeout of the one-statement anchor (`rolloutInOneStatement`, benchmarks only). */
  longStatementTimeoutMs: number;
}

/** The `on_upgrade` hooks the target declares for versions in (from, to] (docs/marketplace.md, "Updating an installed extension"). */
export function upgradeHooks(manifest: Manifest | null, from: string, to: string): string[] {
  const declared = ((manifest?.lifecycle as { on_upgrade?: unknown } | undefined)?.on_upgrade ?? []) as unknown[];
  return declared
    .filter((v): v is string => typeof v === 'string' && !!semver.valid(v))
    .filter(v => semver.gt(v, from) && semver.lte(v, to))
    .sort(semver.compare);
}

/**
 * Rollouts and opt-in upgrades (docs/marketplace.md, "Updating an installed extension" and
 * "Rollouts", with the organizations' upgrade policy). A published version moves every compatible
 * installation (same major, no new scopes, not a MANUAL organization; system apps always move);
 * every other older installation gets one offer. The work runs in batches over installation ids,
 * each one short transaction that moves, offers, writes the events and advances the durable cursor
 * (`rollouts.cursor`) together: other event-writing transactions wait at most one batch, and a
 * crash resumes after the last committed batch. Re-running a rollout moves nobody twice.
 */
export class UpgradesService {
  constructor(
    private readonly installs: InstallsService,
    jobs: JobQueue,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    private readonly options: RolloutBatchOptions,
    private readonly clock: Clock,
    versions: VersionsService,
  ) {
    // A staged publish records its share in the publish transaction, before version.published.
    versions.onPublish((tx, version, { rollout }) => this.startRollout(tx, version.id, rollout));
    jobs.handle(rolloutQueue, async (ctx, data) => {
      const result = await this.rollout(ctx, data.versionId);
      ctx.logger.info({ ...result, versionId: data.versionId }, 'rollout pass done');
    });
    // Existing installations move or get offers after the publish commits, in a durable job
    // (batched, resumable). The rollout row is written with the publish, so its share is fixed then.
    events.on(EventTypes.VERSION_PUBLISHED, async (tx, event) => {
      await this.startRollout(tx, event.subjectId, null);
      await jobs.sendInTransaction(tx, rolloutQueue, { versionId: event.subjectId }, { singletonKey: event.subjectId });
    });
  }

  /**
   * Writes the rollout row of a just-published version (once; a second call changes nothing):
   * `staged` null moves every eligible installation.
   */
  async startRollout(ctx: RequestContext, versionId: string, staged: StagedRollout | null): Promise<void> {
    await withTransaction(ctx, async tx => {
      const target = await repo(tx, ExtensionVersionEntity).findOneBy({ id: versionId });
      if (!target?.version || !semver.valid(target.version)) return;
      const live: { id: string; version: string }[] = await tx.manager.query(
        `SELECT id, version FROM extension_versions WHERE extension_id = $1 AND status = ANY($2) AND id <> $3`,
        [target.extensionId, LIVE_STATUSES, target.id],
      );
      const previous = live.filter(v => semver.valid(v.version) && semver.lt(v.version, target.version!)).sort((a, b) => semver.rcompare(a.version, b.version))[0];
      const now = this.clock.now();
      const percent = staged?.percent ?? 100;
      const inserted = await tx.manager.query(
        `INSERT INTO rollouts (version_id, extension_id, percent, step_percent, step_every_hours, next_step_at, previous_version_id, window_started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (version_id) DO NOTHING RETURNING version_id`,
        [
          target.id,
          target.extensionId,
          percent,
          staged?.stepPercent ?? null,
          staged?.stepEveryHours ?? null,
          percent < 100 && staged?.stepPercent && staged.stepEveryHours ? new Date(now.getTime() + staged.stepEveryHours * 3_600_000) : null,
          previous?.id ?? null,
          now,
        ],
      );
      if (returnedRows(inserted).length) {
        await repo(tx, RolloutHistoryEntity).insert({ versionId: target.id, action: 'STARTED', percent, reason: null, actorId: tx.actor?.userId ?? null, at: now });
      }
    });
  }

  /**
   * Runs the rollout's current pass to its end, batch after batch, each batch sized to hold its
   * transaction about PLAZA_ROLLOUT_BATCH_TARGET_MS. Returns what this call moved and offered.
   */
  async rollout(ctx: RequestContext, versionId: string): Promise<{ moved: number; offered: number }> {
    await this.startRollout(ctx, versionId, null);
    const total = { moved: 0, offered: 0 };
    let size = Math.min(this.options.batchSize, 1000);
    for (;;) {
      const started = performance.now();
      const batch = await this.rolloutBatch(ctx, versionId, size);
      total.moved += batch.moved;
      total.offered += batch.offered;
      if (batch.done) return total;
      const ms = performance.now() - started;
      if (ms < this.options.batchTargetMs / 2) size = Math.min(this.options.batchSize, size * 2);
      else if (ms > this.options.batchTargetMs) size = Math.max(1, Math.floor(size / 2));
    }
  }

  /**
   * The single-statement anchor of `bench:rollout`: the whole pass as one batch (one UPDATE …
   * RETURNING feeding one INSERT of the events) in one long transaction. Not used by the job.
   */
  rolloutInOneStatement(ctx: RequestContext, versionId: string): Promise<RolloutBatch> {
    return withTransaction(ctx, async tx => {
      await this.startRollout(tx, versionId, null);
      return withLongStatements(tx.manager, this.options.longStatementTimeoutMs, () => this.rolloutBatch(tx, versionId, null));
    });
  }

  /**
   * One batch of the rollout's current pass, in one transaction: the next `limit` active
   * installations of the extension after the cursor (null: all of them), of which those in the
   * rollout's cohort move (with one `installation.upgraded` each) or get an offer; then the
   * cursor advances. A concurrent runner of the same rollout waits on the rollout row and then
   * continues from the cursor this one committed.
   */
  async rolloutBatch(ctx: RequestContext, versionId: string, limit: number | null): Promise<RolloutBatch> {
    return withTransaction(ctx, async tx => {
      const [state]: { state: string; percent: number; cursor: string | null; pass_done: boolean }[] = await tx.manager.query(
        `SELECT state, percent, cursor, pass_done FROM rollouts WHERE version_id = $1 FOR NO KEY UPDATE`,
        [versionId],
      );
      if (state?.state === RolloutState.ROLLING_BACK && !state.pass_done) return this.rollbackBatch(tx, versionId, state.cursor, limit);
      if (!state || state.state !== RolloutState.ACTIVE || state.pass_done) return { moved: 0, offered: 0, scanned: 0, done: true };
      const target = await repo(tx, ExtensionVersionEntity).findOneBy({ id: versionId });
      if (!target?.version || !semver.valid(target.version)) return { moved: 0, offered: 0, scanned: 0, done: true };
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: target.extensionId });
      const manifest = (target.manifest ?? {}) as Manifest;
      const required = declaredScopes(manifest);
      const core = target.version.split(/[-+]/)[0].split('.').map(Number);

      const { after, upTo, n, done } = await this.batchRange(tx, extension.id, state.cursor, limit);
      const bucketBelow = state.percent * 100;
      // Both bounds come from the database as uuids; the share is an integer.
      const inBatch = (i: string) => `${i}.id > '${after}'::uuid AND ${i}.id <= '${upTo}'::uuid AND ${rolloutBucketSql(`${i}.id`)} < ${bucketBelow}`;

      // Hooks per distinct starting version, passed to SQL as one jsonb map.
      const froms: { version: string }[] = await tx.manager.query(
        `SELECT DISTINCT v.version FROM installations i JOIN extension_versions v ON v.id = i.version_id
          WHERE i.extension_id = $1 AND i.status = 'ACTIVE' AND ${inBatch('i')}`,
        [extension.id],
      );
      const hooks = Object.fromEntries(froms.filter(f => semver.valid(f.version)).map(f => [f.version, upgradeHooks(manifest, f.version, target.version!)]));
      // From here the batch locks installation rows, then offer rows: the per-extension rollout lock
      // orders it against respondToUpgradeOffer (rollout-lock.ts). The reads above stay outside it.
      await lockRolloutOf(tx, extension.id, 'rollout');
      // Tier change (docs/hosting.md): every installation on another tier hears of it; one whose
      // agreed hosting cost is below the new price waits for an accepted offer, like a new scope.
      const { price } = await announceTierChange(tx, this.events, { id: target.id, version: target.version, manifest }, extension, inBatch('i'));
      const candidates = `
        SELECT i.id, i.version_id AS from_id, i.granted_scopes, i.owner_user_id, i.organization_id,
               cur.version AS from_version, e.system, o.upgrade_policy
          FROM installations i
          JOIN extension_versions cur ON cur.id = i.version_id
          JOIN extensions e ON e.id = i.extension_id
          LEFT JOIN organizations o ON o.id = i.organization_id
         WHERE i.extension_id = $1 AND i.status = 'ACTIVE' AND i.source <> 'STAGING' AND ${inBatch('i')}
           AND ${semverCoreSql('cur.version')} < $3::int[]`;
      const params = [extension.id, target.id, core, required, core[0], extension.appId, target.version, JSON.stringify(hooks), price?.monthlyCostMinor ?? null, price?.currency ?? null];
      const [{ moved }] = await tx.manager.query(
        `WITH candidates AS (${candidates}),
         moved AS (
           UPDATE installations i SET version_id = $2, rolled_from_version_id = c.from_id
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
            AND ${inBatch('i')}
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
      // The cursor advances with the batch's writes: committed together or not at all.
      const [after$]: { state: string; percent: number }[] = await tx.manager.query(
        `UPDATE rollouts SET cursor = $2, pass_done = $3, moved = moved + $4, offered = offered + $5, batches = batches + 1,
                state = CASE WHEN $3 AND percent = 100 THEN '${RolloutState.COMPLETED}' ELSE state END, updated_at = now()
          WHERE version_id = $1 RETURNING state, percent`,
        [versionId, done ? null : upTo, done, moved, offered],
      ).then(r => returnedRows<{ state: string; percent: number }>(r));
      if (after$.state === RolloutState.COMPLETED) {
        await repo(tx, RolloutHistoryEntity).insert({ versionId, action: 'COMPLETED', percent: 100, reason: null, actorId: null, at: this.clock.now() });
      }
      if (moved || offered) await this.events.notify(tx);
      return { moved, offered, scanned: n, done };
    });
  }

  /**
   * A batch's range of installation ids, (after, upTo]: the next `limit` active installations of
   * the extension after the cursor (null limit: all). The last batch's range is open-ended.
   */
  private async batchRange(tx: RequestContext, extensionId: string, cursor: string | null, limit: number | null) {
    const after = cursor ?? FIRST_UUID;
    const [range]: { n: number; last: string | null }[] = await tx.manager.query(
      `WITH r AS (SELECT id FROM installations WHERE extension_id = $1 AND status = 'ACTIVE' AND id > $2::uuid ORDER BY id LIMIT $3)
       SELECT (SELECT count(*) FROM r)::int AS n, (SELECT id FROM r ORDER BY id DESC LIMIT 1) AS last`,
      [extensionId, after, limit],
    );
    const done = limit === null || range.n < limit;
    return { after, upTo: done ? LAST_UUID : range.last!, n: range.n, done };
  }

  /**
   * One batch of a rollback (docs/marketplace.md, "Staged rollouts"): the installations of the
   * next range that the rollout moved (still on its version, with `rolled_from_version_id`) go
   * back to where they came from, each with one `installation.rolled_back`; open offers to the
   * rolled-back version in the range are superseded. The last batch marks the rollout ROLLED_BACK.
   */
  private async rollbackBatch(tx: RequestContext, versionId: string, cursor: string | null, limit: number | null): Promise<RolloutBatch> {
    const target = await repo(tx, ExtensionVersionEntity).findOneByOrFail({ id: versionId });
    const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: target.extensionId });
    const { after, upTo, n, done } = await this.batchRange(tx, extension.id, cursor, limit);
    await lockRolloutOf(tx, extension.id, 'rollout');
    const [{ back }] = await tx.manager.query(
      `WITH back AS (
         UPDATE installations i SET version_id = i.rolled_from_version_id, rolled_from_version_id = NULL
           FROM extension_versions prev
          WHERE prev.id = i.rolled_from_version_id AND i.extension_id = $1 AND i.status = 'ACTIVE' AND i.version_id = $2
            AND i.id > $5::uuid AND i.id <= $6::uuid
         RETURNING i.id, coalesce(i.owner_user_id, i.installed_by_id) AS audience, prev.version AS to_version
       ),
       logged AS (
         ${this.events.insertManySql(EventTypes.INSTALLATION_ROLLED_BACK, {
           from: 'back b',
           appId: '$3',
           version: '$4',
           subjectType: `'Installation'`,
           subjectId: 'b.id::text',
           audienceUserId: 'b.audience',
           data: `jsonb_build_object('fromVersion', $4::text, 'toVersion', b.to_version, 'rolloutVersionId', $2::text)`,
         })}
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM back)::int AS back, (SELECT count(*) FROM logged)::int AS logged`,
      [extension.id, target.id, extension.appId, target.version, after, upTo],
    );
    await tx.manager.query(
      `UPDATE upgrade_offers u SET status = 'SUPERSEDED' FROM installations i
        WHERE u.installation_id = i.id AND i.extension_id = $1 AND u.to_version_id = $2 AND u.status IN ('OPEN', 'DECLINED')
          AND i.id > $3::uuid AND i.id <= $4::uuid`,
      [extension.id, target.id, after, upTo],
    );
    await tx.manager.query(
      `UPDATE rollouts SET cursor = $2, pass_done = $3, moved = greatest(moved - $4, 0), rolled_back = rolled_back + $4, batches = batches + 1,
              state = CASE WHEN $3 THEN '${RolloutState.ROLLED_BACK}' ELSE state END, updated_at = now()
        WHERE version_id = $1`,
      [versionId, done ? null : upTo, done, back],
    );
    if (done) {
      const [{ percent }] = await tx.manager.query(`SELECT percent FROM rollouts WHERE version_id = $1`, [versionId]);
      await repo(tx, RolloutHistoryEntity).insert({ versionId, action: 'ROLLED_BACK', percent, reason: null, actorId: null, at: this.clock.now() });
    }
    if (back) await this.events.notify(tx);
    return { moved: back, offered: 0, scanned: n, done };
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
      await repo(tx, InstallationEntity).update(installation.id, { versionId: to.id, grantedScopes: nowGranted, rolledFromVersionId: null });
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
