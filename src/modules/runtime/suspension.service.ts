import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import { NotFoundError } from '../../shared/errors';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { ExtensionAvailability } from '../extensions/extension-availability';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import { reasonOf } from '../extensions/extensions.service';
import type { VersionLifecycle } from '../versions/version-lifecycle';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import type { AuditTrail } from '../audit/audit-trail';
import type { RuntimeReports } from './runtime-reports.service';
import { RuntimeSuspensionEntity, SuspensionPolicy } from './runtime.entities';

/** The automatic suspension policy's knobs (docs/runtime.md, "Automatic suspension"; PLAZA_SUSPENSION_*). */
export interface SuspensionConfig {
  /** This many consecutive FAILING health reports suspend a version; 0 turns the rule off. */
  healthFailures: number;
  /** errors / actions at or above this over `crashWindowSeconds` suspends a version; 0 turns the rule off. */
  crashRate: number;
  crashWindowSeconds: number;
  /** Fewer actions than this in the crash window never suspend (too small a sample). */
  minActions: number;
}

/** The scheduled evaluation (every 5 minutes, one at a time across processes). */
export const suspensionQueue = defineQueue<Record<string, never>>('runtime-suspension', {
  expireInSeconds: 300,
  retryLimit: 2,
  retryDelaySeconds: 30,
  retryBackoff: false,
  policy: 'stately',
});

/** A version the policy tripped on, with the figures that tripped it. */
export interface SuspensionVerdict {
  versionId: string;
  policy: SuspensionPolicy;
  reason: string;
  evidence: { failingStreak: number | null; errorRate: number | null; actions: number | null; errors: number | null; windowSeconds: number | null };
}

/** How far back a version's health reports make it a candidate for evaluation. */
const CANDIDATE_LOOKBACK_DAYS = 7;

/**
 * Automatic suspension (docs/runtime.md): a scheduled job reads the runtime reports with the
 * injected clock and suspends every PUBLISHED version that has N consecutive FAILING health
 * reports, or a crash rate (errors / actions) at or over the threshold across the trailing crash
 * window with enough actions to judge. The version goes SUSPENDED (version.suspended to the
 * developer, and so to webhooks); when no live version of the extension is left, the extension
 * goes SUSPENDED too. Publishing a new version lifts an automatic extension suspension; the
 * suspended version stays suspended (the fix is the new version) unless an admin reinstates it.
 */
export class SuspensionService {
  constructor(
    private readonly config: SuspensionConfig,
    private readonly reports: RuntimeReports,
    private readonly lifecycle: VersionLifecycle,
    private readonly extensions: ExtensionsService,
    events: EventLog,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    jobs: JobQueue,
  ) {
    jobs.handle(suspensionQueue, async ctx => ctx.logger.info({ suspended: await this.evaluate(ctx) }, 'suspension policy evaluated'), { schedule: '*/5 * * * *' });
    events.on(EventTypes.VERSION_PUBLISHED, (tx, event) => this.liftOnPublish(tx, event.data.extensionId, event.subjectId));
    // An admin's reinstatement settles the automatic extension suspensions before it.
    events.on(EventTypes.EXTENSION_REINSTATED, async (tx, event) => {
      await tx.manager.query(`UPDATE runtime_suspensions SET lifted_at = $2 WHERE extension_id = $1 AND extension_suspended AND lifted_at IS NULL`, [event.subjectId, this.clock.now()]);
    });
  }

  /** What the policy says now, without acting (the job acts on it; tests and admins may read it). */
  async verdicts(ctx: RequestContext): Promise<SuspensionVerdict[]> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - Math.max(CANDIDATE_LOOKBACK_DAYS * 86_400_000, this.config.crashWindowSeconds * 1000));
    // `lifted`: when an admin last reinstated the version; reports from before it no longer count.
    const candidates: { id: string; lifted: Date | null }[] = await ctx.manager.query(
      `SELECT v.id, (SELECT max(s.lifted_at) FROM runtime_suspensions s WHERE s.version_id = v.id) AS lifted FROM extension_versions v
        WHERE v.status = 'PUBLISHED'
          AND (EXISTS (SELECT 1 FROM runtime_health_reports h WHERE h.version_id = v.id AND h.window_end > $1)
               OR EXISTS (SELECT 1 FROM runtime_counts c WHERE c.version_id = v.id AND c.kind = 'ERRORS' AND c.window_start >= $1))`,
      [since],
    );
    const ids = candidates.map(c => c.id);
    const lifted = new Map(candidates.filter(c => c.lifted).map(c => [c.id, c.lifted!]));
    const out = new Map<string, SuspensionVerdict>();
    if (this.config.healthFailures > 0) {
      for (const [versionId, streak] of await this.reports.failingStreaks(ctx, ids, this.config.healthFailures, lifted)) {
        if (streak < this.config.healthFailures) continue;
        out.set(versionId, {
          versionId,
          policy: SuspensionPolicy.HEALTH_FAILURES,
          reason: `${streak} consecutive FAILING health reports (the policy suspends at ${this.config.healthFailures})`,
          evidence: { failingStreak: streak, errorRate: null, actions: null, errors: null, windowSeconds: null },
        });
      }
    }
    if (this.config.crashRate > 0) {
      const from = new Date(now.getTime() - this.config.crashWindowSeconds * 1000);
      const all = await this.reports.rates(ctx, ids.filter(id => !lifted.has(id)), from, now);
      // A reinstated version is judged on the windows that began after its reinstatement.
      for (const [id, at] of lifted) {
        const since = at > from ? at : from;
        if (since < now) all.set(id, (await this.reports.rates(ctx, [id], since, now)).get(id)!);
      }
      for (const rates of all.values()) {
        if (out.has(rates.versionId) || rates.actions < this.config.minActions || rates.errorRate === null || rates.errorRate < this.config.crashRate) continue;
        out.set(rates.versionId, {
          versionId: rates.versionId,
          policy: SuspensionPolicy.CRASH_RATE,
          reason: `crash rate ${(rates.errorRate * 100).toFixed(1)}% (${rates.errors} errors in ${rates.actions} actions) over the last ${this.config.crashWindowSeconds} s; the policy suspends at ${(this.config.crashRate * 100).toFixed(1)}%`,
          evidence: { failingStreak: null, errorRate: rates.errorRate, actions: rates.actions, errors: rates.errors, windowSeconds: this.config.crashWindowSeconds },
        });
      }
    }
    return [...out.values()];
  }

  /** Runs the policy once (the scheduled job calls this): suspends what it trips on; returns the suspended version ids. */
  async evaluate(ctx: RequestContext): Promise<string[]> {
    const suspended: string[] = [];
    for (const verdict of await this.verdicts(ctx)) {
      if (await this.suspend(ctx, verdict)) suspended.push(verdict.versionId);
    }
    return suspended;
  }

  /** One version's suspension, in its own transaction; false when it moved on meanwhile. */
  private suspend(ctx: RequestContext, verdict: SuspensionVerdict): Promise<boolean> {
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: verdict.versionId }, lock: { mode: 'pessimistic_write' } });
      if (!version || version.status !== VersionStatus.PUBLISHED) return false;
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: version.extensionId });
      const [{ live }] = await tx.manager.query(
        `SELECT count(*)::int AS live FROM extension_versions WHERE extension_id = $1 AND id <> $2 AND status IN ('PUBLISHED', 'DEPRECATED')`,
        [extension.id, version.id],
      );
      const extensionSuspended = live === 0 && extension.availability !== ExtensionAvailability.SUSPENDED;
      const moved = await this.lifecycle.transitionIfStill(tx, version, VersionStatus.SUSPENDED, 'suspending it', {
        event: {
          type: EventTypes.VERSION_SUSPENDED,
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: version.version,
          audienceUserId: extension.ownerId,
          data: { policy: verdict.policy, reason: verdict.reason, ...verdict.evidence, extensionSuspended },
        },
      });
      if (!moved) return false;
      await this.audit.record(tx, { action: 'version.auto_suspend', targetType: 'ExtensionVersion', targetId: version.id, data: { appId: extension.appId, policy: verdict.policy, reason: verdict.reason } });
      if (extensionSuspended) {
        await this.extensions.setAvailability(tx, extension.id, ExtensionAvailability.SUSPENDED, {
          reason: `Automatic suspension: version ${version.version} — ${verdict.reason}`,
          automatic: true,
          auditAction: 'extension.auto_suspend',
          detail: { versionId: version.id },
        });
      }
      await repo(tx, RuntimeSuspensionEntity).insert({
        extensionId: extension.id,
        versionId: version.id,
        policy: verdict.policy,
        reason: verdict.reason,
        evidence: verdict.evidence as never,
        extensionSuspended,
        suspendedAt: this.clock.now(),
      });
      return true;
    });
  }

  /**
   * A new version published: an extension the policy suspended (not an admin) is listed again,
   * in the publishing transaction. The suspended version itself stays SUSPENDED.
   */
  private async liftOnPublish(tx: RequestContext, extensionId: string, versionId: string): Promise<void> {
    const lifted = await tx.manager.query(
      `UPDATE runtime_suspensions SET lifted_at = $2 WHERE extension_id = $1 AND extension_suspended AND lifted_at IS NULL RETURNING id`,
      [extensionId, this.clock.now()],
    );
    if (!returnedRows(lifted).length) return;
    // An open automatic suspension of the extension is the one in force: an admin's reinstatement
    // closes it (below), and an admin cannot suspend an extension that is already suspended.
    const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: extensionId });
    if (extension.availability !== ExtensionAvailability.SUSPENDED) return;
    await this.extensions.setAvailability(tx, extensionId, ExtensionAvailability.LISTED, {
      reason: 'A new version was published after an automatic suspension',
      automatic: true,
      auditAction: 'extension.auto_reinstate',
      detail: { versionId },
    });
  }

  /** An admin puts a suspended version back on the marketplace (SUSPENDED → PUBLISHED), with a reason (audited). */
  async reinstateVersion(ctx: AuthedContext, versionId: string, reason: string): Promise<ExtensionVersionEntity> {
    const trimmed = reasonOf(reason);
    if (!isUuid(versionId)) throw new NotFoundError('Version');
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: versionId }, lock: { mode: 'pessimistic_write' } });
      if (!version) throw new NotFoundError('Version');
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: version.extensionId });
      await this.lifecycle.transition(tx, version, VersionStatus.PUBLISHED, 'reinstating it', {
        event: {
          type: EventTypes.VERSION_REINSTATED,
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: version.version,
          audienceUserId: extension.ownerId,
          data: { reason: trimmed },
        },
      });
      // The latest suspension's lift is the reinstatement (even if a publish lifted the extension's part before):
      // the policy judges the version on reports after it.
      await tx.manager.query(
        `UPDATE runtime_suspensions SET lifted_at = $2 WHERE id = (SELECT id FROM runtime_suspensions WHERE version_id = $1 ORDER BY suspended_at DESC LIMIT 1)`,
        [version.id, this.clock.now()],
      );
      await this.audit.record(tx, { action: 'version.reinstate', targetType: 'ExtensionVersion', targetId: version.id, data: { appId: extension.appId, reason: trimmed } });
      return version;
    });
  }
}
