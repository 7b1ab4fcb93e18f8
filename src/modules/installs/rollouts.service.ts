import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import { EventTypes, type RolloutNotice } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { RuntimeReports } from '../runtime/runtime-reports.service';
import { ExtensionVersionEntity } from '../versions/version.entity';
import { RolloutEntity, RolloutHistoryEntity, RolloutState } from './rollout.entity';
import { rolloutQueue } from './upgrades.service';

/** Every minute: widen staged rollouts that are due and pause those whose health regressed. */
export const rolloutTickQueue = defineQueue<Record<string, never>>('rollout-tick', { expireInSeconds: 60, retryLimit: 1, retryDelaySeconds: 5, retryBackoff: false });

/** The health gate (PLAZA_ROLLOUT_MAX_ERROR_RATIO, PLAZA_ROLLOUT_MIN_ERROR_DELTA, PLAZA_ROLLOUT_MIN_ACTIONS). */
export interface RolloutHealthPolicy {
  maxErrorRatio: number;
  minErrorDelta: number;
  minActions: number;
}

/** The health reports a rollout compares: the runtime module's read API (docs/runtime.md). */
export type RolloutRates = (ctx: RequestContext, versionIds: readonly string[], from: Date, to: Date) => Promise<Map<string, { actions: number; errors: number; healthReports: number; healthFailures: number }>>;

/** A rollout as `rollout(versionId)` shows it. */
export interface RolloutView {
  rollout: RolloutEntity;
  errorRate: number | null;
  baselineErrorRate: number | null;
  history: RolloutHistoryEntity[];
}

interface Health {
  errorRate: number | null;
  baselineErrorRate: number | null;
  /** Why the cohort regressed, or null. */
  regression: string | null;
}

/** Health reports of a version fewer than this are too few to compare health failure rates. */
const MIN_HEALTH_REPORTS = 5;

/**
 * Staged rollouts (docs/marketplace.md, "Staged rollouts"): who may see and steer a rollout (the
 * extension's owner and admins; NOT_FOUND for anyone else), the schedule that widens it, and the
 * health gate that pauses it. The batches themselves are UpgradesService's; this service changes
 * a rollout's state and share, records its history and events, and enqueues the batches.
 */
export class RolloutsService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly policy: RolloutHealthPolicy,
    private readonly rates: RolloutRates = (ctx, ids, from, to) => RuntimeReports.ratesOf(ctx, ids, from, to),
  ) {
    jobs.handle(rolloutTickQueue, async ctx => {
      const result = await this.tick(ctx);
      if (result.paused || result.widened) ctx.logger.info(result, 'rollout tick');
    }, { schedule: '* * * * *' });
  }

  /** The rollout of a version, for its extension's owner and admins. */
  async view(ctx: AuthedContext, versionId: string): Promise<RolloutView> {
    const { rollout } = await this.load(ctx, versionId);
    const health = await this.health(ctx, rollout);
    const history = await repo(ctx, RolloutHistoryEntity).find({ where: { versionId }, order: { id: 'ASC' } });
    return { rollout, errorRate: health.errorRate, baselineErrorRate: health.baselineErrorRate, history };
  }

  async pause(ctx: AuthedContext, versionId: string, reason: string | null): Promise<RolloutView> {
    await this.change(ctx, versionId, async (tx, rollout) => {
      if (rollout.state !== RolloutState.ACTIVE) throw new InvalidStateError(`Only an ACTIVE rollout can be paused; this one is ${rollout.state}`);
      return { set: { state: RolloutState.PAUSED, pausedReason: reason }, action: 'PAUSED', event: EventTypes.ROLLOUT_PAUSED, reason };
    });
    return this.view(ctx, versionId);
  }

  /** A paused rollout continues; its observation window starts again now. */
  async resume(ctx: AuthedContext, versionId: string): Promise<RolloutView> {
    await this.change(ctx, versionId, async (tx, rollout) => {
      if (rollout.state !== RolloutState.PAUSED) throw new InvalidStateError(`Only a PAUSED rollout can be resumed; this one is ${rollout.state}`);
      return { set: { state: RolloutState.ACTIVE, pausedReason: null, windowStartedAt: this.clock.now(), nextStepAt: this.nextStep(rollout) }, action: 'RESUMED', event: EventTypes.ROLLOUT_RESUMED, reason: null, run: true };
    });
    return this.view(ctx, versionId);
  }

  /** A larger share (ACTIVE or PAUSED; a paused rollout stays paused until resumed). */
  async widen(ctx: AuthedContext, versionId: string, percent: number): Promise<RolloutView> {
    if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw BadUserInputError.field('percent', 'percent must be an integer from 1 to 100');
    await this.change(ctx, versionId, async (tx, rollout) => {
      if (rollout.state !== RolloutState.ACTIVE && rollout.state !== RolloutState.PAUSED) throw new InvalidStateError(`A ${rollout.state} rollout cannot be widened`);
      if (percent <= rollout.percent) throw BadUserInputError.field('percent', `The rollout already reaches ${rollout.percent}%; widen it above that`);
      return { set: this.widened(rollout, percent), action: 'WIDENED', event: EventTypes.ROLLOUT_WIDENED, reason: null, run: rollout.state === RolloutState.ACTIVE };
    });
    return this.view(ctx, versionId);
  }

  /** The cohort goes back to the versions it came from, in batches (`installation.rolled_back` each). */
  async rollBack(ctx: AuthedContext, versionId: string, reason: string | null): Promise<RolloutView> {
    await this.change(ctx, versionId, async (tx, rollout) => {
      if (rollout.state === RolloutState.ROLLING_BACK || rollout.state === RolloutState.ROLLED_BACK) throw new InvalidStateError(`This rollout is already ${rollout.state}`);
      return { set: { state: RolloutState.ROLLING_BACK, cursor: null, passDone: false, nextStepAt: null }, action: 'ROLLING_BACK', event: EventTypes.ROLLOUT_ROLLED_BACK, reason, run: true };
    });
    return this.view(ctx, versionId);
  }

  /**
   * The scheduled step (run every minute by the tick job; tests call it after moving their clock):
   * every ACTIVE staged rollout first passes the health gate (a regression pauses it and tells the
   * developer), then widens by its step when its next step is due.
   */
  async tick(ctx: RequestContext): Promise<{ paused: number; widened: number }> {
    const now = this.clock.now();
    const staged = await repo(ctx, RolloutEntity)
      .createQueryBuilder('r')
      .where('r.state = :state', { state: RolloutState.ACTIVE })
      .andWhere('(r.percent < 100 OR r.step_percent IS NOT NULL)')
      .getMany();
    const result = { paused: 0, widened: 0 };
    for (const candidate of staged) {
      await withTransaction(ctx, async tx => {
        const rollout = await repo(tx, RolloutEntity).findOne({ where: { versionId: candidate.versionId }, lock: { mode: 'for_no_key_update' } });
        if (!rollout || rollout.state !== RolloutState.ACTIVE) return;
        const health = await this.health(tx, rollout);
        if (health.regression) {
          await this.apply(tx, rollout, { state: RolloutState.PAUSED, pausedReason: health.regression }, 'PAUSED', EventTypes.ROLLOUT_PAUSED, health.regression, null, health);
          result.paused++;
          return;
        }
        if (rollout.percent < 100 && rollout.stepPercent && rollout.nextStepAt && rollout.nextStepAt <= now) {
          const percent = Math.min(100, rollout.percent + rollout.stepPercent);
          await this.apply(tx, rollout, this.widened(rollout, percent), 'WIDENED', EventTypes.ROLLOUT_WIDENED, 'schedule', null, health);
          await this.jobs.sendInTransaction(tx, rolloutQueue, { versionId: rollout.versionId }, { singletonKey: rollout.versionId });
          result.widened++;
        }
      });
    }
    return result;
  }

  private widened(rollout: RolloutEntity, percent: number): RolloutChange {
    return { percent, cursor: null, passDone: false, nextStepAt: percent < 100 ? this.nextStep(rollout) : null };
  }

  private nextStep(rollout: RolloutEntity): Date | null {
    return rollout.stepEveryHours && rollout.percent < 100 ? new Date(this.clock.now().getTime() + rollout.stepEveryHours * 3_600_000) : null;
  }

  /**
   * The cohort's error rate since its observation window began against the previous version's
   * over the same span; and the same for failing health reports.
   */
  private async health(ctx: RequestContext, rollout: RolloutEntity): Promise<Health> {
    const ids = [rollout.versionId, ...(rollout.previousVersionId ? [rollout.previousVersionId] : [])];
    const rates = await this.rates(ctx, ids, rollout.windowStartedAt, this.clock.now());
    const cohort = rates.get(rollout.versionId);
    const base = rollout.previousVersionId ? rates.get(rollout.previousVersionId) : undefined;
    const errorRate = cohort && cohort.actions > 0 ? cohort.errors / cohort.actions : null;
    const baselineErrorRate = base && base.actions > 0 ? base.errors / base.actions : null;
    const { maxErrorRatio, minErrorDelta, minActions } = this.policy;
    const regressed = (rate: number | null, baseline: number | null) =>
      rate !== null && rate - (baseline ?? 0) >= minErrorDelta && rate > (baseline ?? 0) * maxErrorRatio;
    let regression: string | null = null;
    if (cohort && cohort.actions >= minActions && regressed(errorRate, baselineErrorRate)) {
      regression = `Error rate ${pct(errorRate)} against ${pct(baselineErrorRate ?? 0)} on the previous version`;
    } else if (cohort && cohort.healthReports >= MIN_HEALTH_REPORTS) {
      const failing = cohort.healthFailures / cohort.healthReports;
      const baseFailing = base && base.healthReports > 0 ? base.healthFailures / base.healthReports : 0;
      if (regressed(failing, baseFailing)) regression = `Failing health reports ${pct(failing)} against ${pct(baseFailing)} on the previous version`;
    }
    return { errorRate, baselineErrorRate, regression };
  }

  private async load(ctx: AuthedContext, versionId: string): Promise<{ rollout: RolloutEntity; extension: ExtensionEntity }> {
    if (!isUuid(versionId)) throw new NotFoundError('Rollout');
    const version = await repo(ctx, ExtensionVersionEntity).findOneBy({ id: versionId });
    const extension = version && (await repo(ctx, ExtensionEntity).findOneBy({ id: version.extensionId }));
    // A stranger learns nothing: the same NOT_FOUND whether the version exists or not.
    if (!extension || !canManageExtension(ctx.actor, extension)) throw new NotFoundError('Rollout');
    const rollout = await repo(ctx, RolloutEntity).findOne({ where: { versionId }, lock: ctx.manager.queryRunner?.isTransactionActive ? { mode: 'for_no_key_update' } : undefined });
    if (!rollout) throw new NotFoundError('Rollout');
    return { rollout, extension };
  }

  private async change(
    ctx: AuthedContext,
    versionId: string,
    decide: (tx: AuthedContext, rollout: RolloutEntity) => Promise<{ set: RolloutChange; action: string; event: RolloutEvent; reason: string | null; run?: boolean }>,
  ): Promise<void> {
    await withTransaction(ctx, async tx => {
      const { rollout } = await this.load(tx, versionId);
      const { set, action, event, reason, run } = await decide(tx, rollout);
      await this.apply(tx, rollout, set, action, event, reason, tx.actor.userId, await this.health(tx, rollout));
      await this.audit.record(tx, { action: `rollout.${action.toLowerCase()}`, targetType: 'ExtensionVersion', targetId: versionId, data: { reason, percent: set.percent ?? rollout.percent } });
      if (run) await this.jobs.sendInTransaction(tx, rolloutQueue, { versionId }, { singletonKey: versionId });
    });
  }

  /** Writes the new state, one history row and the developer's event, in the caller's transaction. */
  private async apply(
    tx: RequestContext,
    rollout: RolloutEntity,
    set: RolloutChange,
    action: string,
    event: RolloutEvent,
    reason: string | null,
    actorId: string | null,
    health: Health,
  ): Promise<void> {
    Object.assign(rollout, set);
    await repo(tx, RolloutEntity).update({ versionId: rollout.versionId }, set);
    await repo(tx, RolloutHistoryEntity).insert({
      versionId: rollout.versionId,
      action,
      percent: rollout.percent,
      reason,
      actorId,
      errorRate: health.errorRate,
      baselineErrorRate: health.baselineErrorRate,
      at: this.clock.now(),
    });
    const [row]: { app_id: string; owner_id: string; version: string }[] = await tx.manager.query(
      `SELECT e.app_id, e.owner_id, v.version FROM extension_versions v JOIN extensions e ON e.id = v.extension_id WHERE v.id = $1`,
      [rollout.versionId],
    );
    const data: RolloutNotice = {
      versionId: rollout.versionId,
      percent: rollout.percent,
      cohortSize: rollout.moved,
      automatic: actorId === null,
      reason,
      errorRate: health.errorRate,
      baselineErrorRate: health.baselineErrorRate,
    };
    await this.events.append(tx, event, { subjectType: 'ExtensionVersion', subjectId: rollout.versionId, appId: row.app_id, version: row.version, audienceUserId: row.owner_id, data });
  }
}

type RolloutEvent = typeof EventTypes.ROLLOUT_PAUSED | typeof EventTypes.ROLLOUT_RESUMED | typeof EventTypes.ROLLOUT_WIDENED | typeof EventTypes.ROLLOUT_ROLLED_BACK;

function pct(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

type RolloutChange = Partial<Pick<RolloutEntity, 'state' | 'percent' | 'cursor' | 'passDone' | 'nextStepAt' | 'windowStartedAt' | 'pausedReason'>>;
