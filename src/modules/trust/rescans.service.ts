import { createHash } from 'node:crypto';
import type { RequestContext } from '../../context';
import { repo, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import { isTransientDatabaseError } from '../../shared/transient-errors';
import { EventTypes } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { PackagesService } from '../packages/packages.service';
import type { ReviewService } from '../review/review.service';
import { RULESET_VERSION } from '../validation/ruleset';
import type { ValidationIssue } from '../validation/types';
import { validatePackage } from '../validation/validate-package';
import { ExtensionVersionEntity, LIVE_STATUSES } from '../versions/version.entity';
import type { ReviewTrigger } from '../versions/version-rules';
import type { VersionsService } from '../versions/versions.service';
import { RescanRunEntity, SecurityFindingEntity, VersionSecurityScanEntity } from './trust.entities';

/**
 * The rules a rescan judges with: the validator and the version it carries. Production uses the
 * validator as built (`CURRENT_RULE_SET`); a test passes a rule set of its own to stand for the
 * next release's rules.
 */
export interface RuleSet {
  version: string;
  judge: typeof validatePackage;
}

export const CURRENT_RULE_SET: RuleSet = { version: RULESET_VERSION, judge: validatePackage };

/** Every minute: is there a rule set no run has covered yet (a deploy with new rules), or an unfinished run? */
export const rescanCheckQueue = defineQueue<Record<string, never>>('trust-rescan-check', { expireInSeconds: 60, retryLimit: 1, retryDelaySeconds: 30, retryBackoff: false });

/** One batch of a run; the next is queued when it ends. Stately: one waits and one runs per rule set. */
export const rescanBatchQueue = defineQueue<{ ruleSetVersion: string }>('trust-rescan-batch', {
  expireInSeconds: 300,
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  policy: 'stately',
});

/** Levels that count as findings: INFO notes (no code model, …) are not security news. */
const FINDING_LEVELS = new Set(['ERROR', 'WARN']);

export function fingerprintOf(i: Pick<ValidationIssue, 'rule' | 'level' | 'file' | 'line' | 'message'>): string {
  return createHash('sha256').update(JSON.stringify([i.rule, i.level, i.file, i.line, i.message])).digest('hex');
}

export interface BatchResult {
  scanned: number;
  newFindings: number;
  done: boolean;
}

/**
 * Security rescans after publish (docs/trust.md, "Rescans"). When the validator's rule-set
 * version changes, every live version is judged again with the new rules, in batches, in id
 * order. Each version is rescanned in its own transaction that also moves the run's cursor, so a
 * run that stops resumes after the last version it finished, and a version is never judged twice
 * under one rule set (`version_security_scans` is the key). Issues the version's original report
 * does not hold are stored as its security findings; an ERROR among the new ones opens (or joins)
 * a rescan review case. A rescan never changes the version's status.
 */
export class RescanService {
  constructor(
    private readonly settings: { batchSize: number },
    private readonly versions: VersionsService,
    private readonly packages: PackagesService,
    private readonly review: ReviewService,
    private readonly jobs: JobQueue,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly ruleSet: RuleSet = CURRENT_RULE_SET,
  ) {
    jobs.handle(
      rescanCheckQueue,
      async ctx => {
        if (await this.startIfRuleSetChanged(ctx)) ctx.logger.info({ ruleSetVersion: this.ruleSet.version }, 'validator rule set changed: rescanning published versions');
      },
      { schedule: '* * * * *' },
    );
    jobs.handle(rescanBatchQueue, async (ctx, data) => {
      const result = await this.runBatch(ctx, data.ruleSetVersion);
      if (!result.done) await this.queueBatch(ctx, data.ruleSetVersion);
    });
  }

  /**
   * Starts the run for the current rule set if none exists, and re-queues an unfinished one (a
   * batch that failed for good, a process that died). True when a new run started.
   */
  async startIfRuleSetChanged(ctx: RequestContext, ruleSet: RuleSet = this.ruleSet): Promise<boolean> {
    return withTransaction(ctx, async tx => {
      const inserted: unknown[] = await tx.manager.query(
        `INSERT INTO trust_rescan_runs (ruleset_version, started_at) VALUES ($1, $2) ON CONFLICT (ruleset_version) DO NOTHING RETURNING ruleset_version`,
        [ruleSet.version, this.clock.now()],
      );
      const run = await repo(tx, RescanRunEntity).findOneByOrFail({ rulesetVersion: ruleSet.version });
      if (!run.finishedAt) await this.jobs.sendInTransaction(tx, rescanBatchQueue, { ruleSetVersion: ruleSet.version }, { singletonKey: ruleSet.version });
      return inserted.length > 0;
    });
  }

  /** The run of a rule set (the current one by default), for the admin's view. */
  run(ctx: RequestContext, ruleSetVersion: string = this.ruleSet.version): Promise<RescanRunEntity | null> {
    return repo(ctx, RescanRunEntity).findOneBy({ rulesetVersion: ruleSetVersion });
  }

  private async queueBatch(ctx: RequestContext, ruleSetVersion: string): Promise<void> {
    await withTransaction(ctx, tx => this.jobs.sendInTransaction(tx, rescanBatchQueue, { ruleSetVersion }, { singletonKey: ruleSetVersion }));
  }

  /**
   * Rescans up to `batchSize` live versions after the run's cursor. A job for a rule set this
   * process does not run (an older deploy's) does nothing: the check starts the current one.
   */
  async runBatch(ctx: RequestContext, ruleSetVersion: string, ruleSet: RuleSet = this.ruleSet): Promise<BatchResult> {
    if (ruleSetVersion !== ruleSet.version) return { scanned: 0, newFindings: 0, done: true };
    const run = await repo(ctx, RescanRunEntity).findOneBy({ rulesetVersion: ruleSet.version });
    if (!run || run.finishedAt) return { scanned: 0, newFindings: 0, done: true };
    const rows: { id: string }[] = await ctx.manager.query(
      `SELECT id FROM extension_versions WHERE status = ANY($1::version_status[]) AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [LIVE_STATUSES, run.cursor, this.settings.batchSize],
    );
    let scanned = 0;
    let newFindings = 0;
    for (const { id } of rows) {
      const outcome = await this.rescanVersion(ctx, id, ruleSet);
      if (outcome.scanned) scanned++;
      newFindings += outcome.newFindings;
    }
    const done = rows.length < this.settings.batchSize;
    if (done) {
      await ctx.manager.query(`UPDATE trust_rescan_runs SET finished_at = $2 WHERE ruleset_version = $1 AND finished_at IS NULL`, [ruleSet.version, this.clock.now()]);
    }
    return { scanned, newFindings, done };
  }

  /** Runs every batch of the run now (tests, and the CLI-style catch-up); bounded by `maxBatches`. */
  async runToCompletion(ctx: RequestContext, ruleSet: RuleSet = this.ruleSet, maxBatches = 10_000): Promise<BatchResult> {
    const total: BatchResult = { scanned: 0, newFindings: 0, done: false };
    for (let i = 0; i < maxBatches && !total.done; i++) {
      const result = await this.runBatch(ctx, ruleSet.version, ruleSet);
      total.scanned += result.scanned;
      total.newFindings += result.newFindings;
      total.done = result.done;
    }
    return total;
  }

  /**
   * Judges one version with `ruleSet` (outside any transaction: it is CPU work), then records the
   * outcome and moves the cursor in one transaction under the run's row lock.
   */
  private async rescanVersion(ctx: RequestContext, versionId: string, ruleSet: RuleSet): Promise<{ scanned: boolean; newFindings: number }> {
    const version = await repo(ctx, ExtensionVersionEntity).findOneByOrFail({ id: versionId });
    const extension = await repo(ctx, ExtensionEntity).findOneByOrFail({ id: version.extensionId });
    // Judged by these very rules at submission: nothing can be new. Already rescanned under them
    // (a resumed run): nothing to judge again (checked again under the lock below).
    const needed =
      version.rulesetVersion !== ruleSet.version && !(await repo(ctx, VersionSecurityScanEntity).existsBy({ versionId, rulesetVersion: ruleSet.version }));
    let issues: ValidationIssue[] = [];
    let error: string | null = null;
    if (needed) {
      try {
        issues = await this.judge(ctx, version, extension, ruleSet);
      } catch (e) {
        if (isTransientDatabaseError(e)) throw e;
        // A package that cannot be judged again (its blob gone, a validator bug) is recorded and
        // skipped, so one version cannot stall the run.
        error = `${(e as Error).name}: ${String((e as Error).message).split('\n')[0].slice(0, 300)}`;
        ctx.logger.error({ err: e, versionId }, 'rescan could not judge a version');
      }
    }
    return withTransaction(ctx, async tx => {
      const [run] = await tx.manager.query(`SELECT cursor, finished_at FROM trust_rescan_runs WHERE ruleset_version = $1 FOR UPDATE`, [ruleSet.version]);
      if (!run || run.finished_at) return { scanned: false, newFindings: 0 };
      const done = await repo(tx, VersionSecurityScanEntity).existsBy({ versionId, rulesetVersion: ruleSet.version });
      let fresh: SecurityFindingEntity[] = [];
      if (needed && !done) {
        if (!error) fresh = await this.recordFindings(tx, version, extension, issues, ruleSet.version);
        await repo(tx, VersionSecurityScanEntity).insert({ versionId, rulesetVersion: ruleSet.version, scannedAt: this.clock.now(), newFindingCount: fresh.length, error });
      }
      const scanned = needed && !done;
      await tx.manager.query(
        `UPDATE trust_rescan_runs
            SET cursor = CASE WHEN cursor IS NULL OR cursor < $2 THEN $2 ELSE cursor END,
                scanned_count = scanned_count + $3, finding_count = finding_count + $4, failed_count = failed_count + $5
          WHERE ruleset_version = $1`,
        [ruleSet.version, versionId, scanned && !error ? 1 : 0, fresh.length, scanned && error ? 1 : 0],
      );
      return { scanned, newFindings: fresh.length };
    });
  }

  /** The version's issues under `ruleSet` that its original report does not hold (ERROR and WARN). */
  private async judge(ctx: RequestContext, version: ExtensionVersionEntity, extension: ExtensionEntity, ruleSet: RuleSet): Promise<ValidationIssue[]> {
    const options = await this.versions.validationOptionsFor(ctx, version, extension);
    // The display name may have been renamed since publish; the claim on the app id stands.
    delete options.claimedDisplayName;
    const checked = await this.packages.openBlob(version.packageSha256);
    const report = ruleSet.judge(checked.files, options, checked.issues);
    const original = new Set(((version.report?.issues as ValidationIssue[] | undefined) ?? []).map(fingerprintOf));
    return report.issues.filter(i => FINDING_LEVELS.has(i.level) && !original.has(fingerprintOf(i)));
  }

  /**
   * Stores the findings (a finding already stored by an earlier rule set only gets its
   * `last_seen` moved) and, for the ones that are new, opens or joins a rescan case when an ERROR
   * is among them and tells the owner.
   */
  private async recordFindings(
    tx: RequestContext,
    version: ExtensionVersionEntity,
    extension: ExtensionEntity,
    issues: ValidationIssue[],
    ruleSetVersion: string,
  ): Promise<SecurityFindingEntity[]> {
    if (!issues.length) return [];
    const now = this.clock.now();
    const rows: (SecurityFindingEntity & { inserted: boolean })[] = await tx.manager.query(
      `INSERT INTO version_security_findings (version_id, fingerprint, rule, level, message, file, line, fix, first_seen_ruleset_version, last_seen_ruleset_version, found_at)
       SELECT $1, f.fingerprint, f.rule, f.level, f.message, f.file, f.line, f.fix, $2, $2, $3
         FROM jsonb_to_recordset($4::jsonb) AS f(fingerprint text, rule text, level text, message text, file text, line int, fix text)
       ON CONFLICT (version_id, fingerprint) DO UPDATE SET last_seen_ruleset_version = EXCLUDED.last_seen_ruleset_version
       RETURNING id, rule, level, message, (xmax = 0) AS inserted`,
      [
        version.id,
        ruleSetVersion,
        now,
        JSON.stringify(issues.map(i => ({ fingerprint: fingerprintOf(i), rule: i.rule, level: i.level, message: i.message, file: i.file, line: i.line, fix: i.fix }))),
      ],
    );
    const fresh = rows.filter(r => r.inserted);
    if (!fresh.length) return [];
    const errors = fresh.filter(f => f.level === 'ERROR');
    let reviewCaseId: string | null = null;
    if (errors.length) {
      const triggers: ReviewTrigger[] = errors.map(f => ({ kind: 'SECURITY_FINDING', value: f.rule, reason: `Rule set ${ruleSetVersion}: ${f.message}`.slice(0, 500) }));
      const { reviewCase } = await this.review.openForFindings(tx, version, triggers, { appId: extension.appId, ownerId: extension.ownerId, now });
      reviewCaseId = reviewCase.id;
      await tx.manager.query(`UPDATE version_security_findings SET review_case_id = $2 WHERE id = ANY($1::uuid[])`, [errors.map(e => e.id), reviewCaseId]);
    }
    await this.events.append(tx, EventTypes.VERSION_SECURITY_FINDINGS, {
      subjectType: 'ExtensionVersion',
      subjectId: version.id,
      appId: extension.appId,
      version: version.version,
      audienceUserId: extension.ownerId,
      data: {
        versionId: version.id,
        ruleSetVersion,
        findingCount: fresh.length,
        errorCount: errors.length,
        rules: [...new Set(fresh.map(f => f.rule))].sort(),
        reviewCaseId,
      },
    });
    return fresh as SecurityFindingEntity[];
  }
}
