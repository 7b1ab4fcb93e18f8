import type { RequestContext, RuntimeContext } from '../../context';
import { isUuid, withTransaction } from '../../db/transaction';
import type { Clock } from '../../shared/clock';
import { BadUserInputError, ConflictError, FieldError, NotFoundError } from '../../shared/errors';
import { canReportFor, canSeeRuntimeData } from './runtime.policy';
import { RuntimeCountKind, RuntimeHealthStatus } from './runtime.entities';

/** Bounds a report's window must keep (docs/runtime.md, "Windows"); from the configuration. */
export interface ReportWindowLimits {
  /** How far past Plaza's clock a window may end. */
  clockSkewSeconds: number;
  /** The longest window one report may cover. */
  maxWindowSeconds: number;
  /** How long after a window began a report for it is still taken. */
  maxAgeSeconds: number;
}

export interface ReportWindow {
  start: Date;
  end: Date;
}

/** What a report mutation answers: the stored row and whether it replaced an earlier report for the same window. */
export interface ReportReceipt {
  id: string;
  windowStart: Date;
  windowEnd: Date;
  replaced: boolean;
}

export interface HealthReportRequest {
  installationId?: string | null;
  versionId?: string | null;
  status: RuntimeHealthStatus;
  detail?: string | null;
  window: ReportWindow;
}

/** The longest health detail kept (plain text; longer is BAD_USER_INPUT). */
export const HEALTH_DETAIL_MAX = 2000;
/** The largest count one report may carry. */
export const MAX_REPORTED_COUNT = 1_000_000_000;

/** Per version, what its runtime reports add up to over a span (windows that began in it). */
export interface RuntimeRates {
  versionId: string;
  actions: number;
  errors: number;
  /** errors / actions; null with no actions. */
  errorRate: number | null;
  healthReports: number;
  /** Health reports whose status was FAILING. */
  healthFailures: number;
}

/** One UTC day of one version's runtime reports (windows that began that day). */
export interface RuntimeDay extends RuntimeRates {
  extensionId: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
}

/** The latest health report of a version. */
export interface LatestHealth {
  status: RuntimeHealthStatus;
  detail: string | null;
  windowStart: Date;
  windowEnd: Date;
  installationId: string | null;
}

const emptyRates = (versionId: string): RuntimeRates => ({ versionId, actions: 0, errors: 0, errorRate: null, healthReports: 0, healthFailures: 0 });

/**
 * The runtime reports (docs/runtime.md): runtime hosts report health, errors and actions per
 * window, each idempotent per window (a re-sent report for the same window replaces the stored
 * one; a different window that overlaps a stored one is CONFLICT, so nothing is counted twice).
 *
 * The read side (`rates`, `daily`, `failingStreaks`) is the API other modules call: staged
 * rollouts compare a new version's error rate with the previous version's, analytics rolls up
 * daily actions and errors, and automatic suspension reads the failing streaks. A report's window
 * counts in a span when the window *began* in it (`from` <= window_start < `to`).
 */
export class RuntimeReports {
  constructor(
    private readonly limits: ReportWindowLimits,
    private readonly clock: Clock,
  ) {}

  /**
   * `ExtensionVersion.runtime(days)`: the version's reports over the last `days` days (1 to 90) and
   * its latest health, through the request's loaders; null unless the caller may see the
   * extension's runtime data (runtime.policy.ts).
   */
  async versionRuntime(
    ctx: RequestContext,
    version: { id: string; extensionId: string },
    days: number,
  ): Promise<{ rates: RuntimeRates; from: Date; to: Date; latest: LatestHealth | null } | null> {
    if (!Number.isInteger(days) || days < 1 || days > 90) throw BadUserInputError.field('days', 'days must be 1 to 90');
    const extension = await ctx.loaders.extensionById.load(version.extensionId);
    if (!extension || !canSeeRuntimeData(ctx.actor, extension)) return null;
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * 86_400_000);
    const [rates, latest] = await Promise.all([
      ctx.loaders.runtimeRatesByVersionSpan.load(`${version.id}|${from.toISOString()}|${to.toISOString()}`),
      ctx.loaders.latestRuntimeHealthByVersion.load(version.id),
    ]);
    return { rates, from, to, latest };
  }

  /** Records a health report about an installation or a version of the token's extension. */
  async reportHealth(ctx: RuntimeContext, input: HealthReportRequest): Promise<ReportReceipt & { status: RuntimeHealthStatus }> {
    const fields: FieldError[] = [...this.windowErrors(input.window)];
    const hasInstallation = input.installationId != null;
    if (hasInstallation === (input.versionId != null)) fields.push({ path: 'installationId', message: 'give exactly one of installationId or versionId' });
    const detail = input.detail?.trim() || null;
    if (detail && detail.length > HEALTH_DETAIL_MAX) fields.push({ path: 'detail', message: `detail must be at most ${HEALTH_DETAIL_MAX} characters` });
    if (fields.length) throw new BadUserInputError('Invalid health report', fields);
    const subject = hasInstallation ? await this.installationSubject(ctx, input.installationId!) : await this.versionSubject(ctx, input.versionId!);
    return withTransaction(ctx, async tx => {
      await this.assertNoOverlap(tx, 'runtime_health_reports', 'subject_id = $1', [subject.subjectId], input.window);
      const [row] = await tx.manager.query(
        `INSERT INTO runtime_health_reports (extension_id, version_id, installation_id, subject_id, window_start, window_end, status, detail, token_id, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (subject_id, window_start, window_end) DO UPDATE
           SET status = EXCLUDED.status, detail = EXCLUDED.detail, token_id = EXCLUDED.token_id, received_at = EXCLUDED.received_at
         RETURNING id, window_start, window_end, status, (xmax <> 0) AS replaced`,
        [subject.extensionId, subject.versionId, subject.installationId, subject.subjectId, input.window.start, input.window.end, input.status, detail, ctx.runtime.tokenId, this.clock.now()],
      );
      return { id: row.id, windowStart: row.window_start, windowEnd: row.window_end, status: row.status, replaced: row.replaced };
    });
  }

  /** Records the errors (or, with ACTIONS, the tool calls) a version had in a window. */
  async reportCount(ctx: RuntimeContext, kind: RuntimeCountKind, versionId: string, count: number, window: ReportWindow): Promise<ReportReceipt & { count: number }> {
    const fields = this.windowErrors(window);
    if (!Number.isInteger(count) || count < 0 || count > MAX_REPORTED_COUNT) fields.push({ path: 'count', message: `count must be a whole number from 0 to ${MAX_REPORTED_COUNT}` });
    if (fields.length) throw new BadUserInputError(`Invalid ${kind.toLowerCase()} report`, fields);
    const subject = await this.versionSubject(ctx, versionId);
    return withTransaction(ctx, async tx => {
      await this.assertNoOverlap(tx, 'runtime_counts', 'version_id = $1 AND kind = $2', [subject.versionId, kind], window);
      const [row] = await tx.manager.query(
        `INSERT INTO runtime_counts (extension_id, version_id, kind, window_start, window_end, count, token_id, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (version_id, kind, window_start, window_end) DO UPDATE
           SET count = EXCLUDED.count, token_id = EXCLUDED.token_id, received_at = EXCLUDED.received_at
         RETURNING id, window_start, window_end, count, (xmax <> 0) AS replaced`,
        [subject.extensionId, subject.versionId, kind, window.start, window.end, count, ctx.runtime.tokenId, this.clock.now()],
      );
      return { id: row.id, windowStart: row.window_start, windowEnd: row.window_end, count: Number(row.count), replaced: row.replaced };
    });
  }

  /**
   * Per version: actions, errors, error rate and health reports of the windows that began in
   * [from, to). Every asked version is in the map (zeros when nothing was reported).
   */
  rates(ctx: RequestContext, versionIds: readonly string[], from: Date, to: Date): Promise<Map<string, RuntimeRates>> {
    return RuntimeReports.ratesOf(ctx, versionIds, from, to);
  }

  /** `rates` without an instance (the module's loaders call it). */
  static async ratesOf(ctx: RequestContext, versionIds: readonly string[], from: Date, to: Date): Promise<Map<string, RuntimeRates>> {
    const out = new Map(versionIds.map(id => [id, emptyRates(id)]));
    if (!versionIds.length) return out;
    const rows: { version_id: string; actions: string; errors: string; health_reports: number; health_failures: number }[] = await ctx.manager.query(
      `WITH c AS (
         SELECT version_id, sum(count) FILTER (WHERE kind = 'ACTIONS') AS actions, sum(count) FILTER (WHERE kind = 'ERRORS') AS errors
           FROM runtime_counts WHERE version_id = ANY($1) AND window_start >= $2 AND window_start < $3 GROUP BY version_id),
       h AS (
         SELECT version_id, count(*)::int AS health_reports, count(*) FILTER (WHERE status = 'FAILING')::int AS health_failures
           FROM runtime_health_reports WHERE version_id = ANY($1) AND window_start >= $2 AND window_start < $3 GROUP BY version_id)
       SELECT coalesce(c.version_id, h.version_id) AS version_id, coalesce(c.actions, 0) AS actions, coalesce(c.errors, 0) AS errors,
              coalesce(h.health_reports, 0) AS health_reports, coalesce(h.health_failures, 0) AS health_failures
         FROM c FULL JOIN h ON h.version_id = c.version_id`,
      [[...versionIds], from, to],
    );
    for (const r of rows) out.set(r.version_id, withRate({ versionId: r.version_id, actions: Number(r.actions), errors: Number(r.errors), healthReports: r.health_reports, healthFailures: r.health_failures }));
    return out;
  }

  /**
   * The daily series (UTC days) of the given versions and/or every version of the given
   * extensions, for windows that began in [from, to): one row per version and day that had any
   * report, ordered by day then version.
   */
  async daily(ctx: RequestContext, filter: { versionIds?: readonly string[]; extensionIds?: readonly string[] }, from: Date, to: Date): Promise<RuntimeDay[]> {
    const versionIds = [...(filter.versionIds ?? [])];
    const extensionIds = [...(filter.extensionIds ?? [])];
    if (!versionIds.length && !extensionIds.length) return [];
    const rows: Record<string, any>[] = await ctx.manager.query(
      `WITH c AS (
         SELECT extension_id, version_id, (window_start AT TIME ZONE 'UTC')::date AS day,
                sum(count) FILTER (WHERE kind = 'ACTIONS') AS actions, sum(count) FILTER (WHERE kind = 'ERRORS') AS errors
           FROM runtime_counts
          WHERE (version_id = ANY($1) OR extension_id = ANY($2)) AND window_start >= $3 AND window_start < $4
          GROUP BY 1, 2, 3),
       h AS (
         SELECT extension_id, version_id, (window_start AT TIME ZONE 'UTC')::date AS day,
                count(*)::int AS health_reports, count(*) FILTER (WHERE status = 'FAILING')::int AS health_failures
           FROM runtime_health_reports
          WHERE (version_id = ANY($1) OR extension_id = ANY($2)) AND window_start >= $3 AND window_start < $4
          GROUP BY 1, 2, 3)
       SELECT coalesce(c.extension_id, h.extension_id) AS extension_id, coalesce(c.version_id, h.version_id) AS version_id,
              to_char(coalesce(c.day, h.day), 'YYYY-MM-DD') AS day, coalesce(c.actions, 0) AS actions, coalesce(c.errors, 0) AS errors,
              coalesce(h.health_reports, 0) AS health_reports, coalesce(h.health_failures, 0) AS health_failures
         FROM c FULL JOIN h ON h.version_id = c.version_id AND h.day = c.day
        ORDER BY 3, 2`,
      [versionIds, extensionIds, from, to],
    );
    return rows.map(r => ({
      extensionId: r.extension_id,
      day: r.day,
      ...withRate({ versionId: r.version_id, actions: Number(r.actions), errors: Number(r.errors), healthReports: r.health_reports, healthFailures: r.health_failures }),
    }));
  }

  /**
   * Per version, how many of its latest health reports (by window end, up to `limit`, all
   * subjects together) are FAILING in a row; versions without a failing latest report are absent.
   * `since` (per version) ignores reports whose window ended at or before it (an admin's
   * reinstatement forgives what came before).
   */
  async failingStreaks(ctx: RequestContext, versionIds: readonly string[], limit: number, since: ReadonlyMap<string, Date> = new Map()): Promise<Map<string, number>> {
    if (!versionIds.length || limit < 1) return new Map();
    const rows: { version_id: string; streak: number }[] = await ctx.manager.query(
      `SELECT v.id AS version_id, s.streak
         FROM unnest($1::uuid[], $3::timestamptz[]) AS v(id, since)
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS streak FROM (
             SELECT status, bool_and(status = 'FAILING') OVER (ORDER BY window_end DESC, received_at DESC ROWS UNBOUNDED PRECEDING) AS still_failing
               FROM (SELECT status, window_end, received_at FROM runtime_health_reports
                      WHERE version_id = v.id AND (v.since IS NULL OR window_end > v.since)
                      ORDER BY window_end DESC, received_at DESC LIMIT $2) latest) ordered
            WHERE still_failing) s
        WHERE s.streak > 0`,
      [[...versionIds], limit, versionIds.map(id => since.get(id) ?? null)],
    );
    return new Map(rows.map(r => [r.version_id, r.streak]));
  }

  /** The latest health report of each version (any subject), for its owner's view. */
  latestHealth(ctx: RequestContext, versionIds: readonly string[]): Promise<Map<string, LatestHealth>> {
    return RuntimeReports.latestHealthOf(ctx, versionIds);
  }

  static async latestHealthOf(ctx: RequestContext, versionIds: readonly string[]): Promise<Map<string, LatestHealth>> {
    if (!versionIds.length) return new Map();
    const rows: Record<string, any>[] = await ctx.manager.query(
      `SELECT DISTINCT ON (version_id) version_id, status, detail, window_start, window_end, installation_id
         FROM runtime_health_reports WHERE version_id = ANY($1) ORDER BY version_id, window_end DESC, received_at DESC`,
      [[...versionIds]],
    );
    return new Map(rows.map(r => [r.version_id, { status: r.status, detail: r.detail, windowStart: r.window_start, windowEnd: r.window_end, installationId: r.installation_id }]));
  }

  private windowErrors(window: ReportWindow): FieldError[] {
    const { start, end } = window;
    if (!(start instanceof Date) || !(end instanceof Date) || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
      return [{ path: 'window', message: 'window.start and window.end must be date-times' }];
    }
    const now = this.clock.now().getTime();
    const out: FieldError[] = [];
    if (end.getTime() <= start.getTime()) out.push({ path: 'window.end', message: 'window.end must be after window.start' });
    else if (end.getTime() - start.getTime() > this.limits.maxWindowSeconds * 1000) {
      out.push({ path: 'window', message: `a window may cover at most ${this.limits.maxWindowSeconds} seconds` });
    }
    if (end.getTime() > now + this.limits.clockSkewSeconds * 1000) out.push({ path: 'window.end', message: 'window.end is in the future' });
    if (start.getTime() < now - this.limits.maxAgeSeconds * 1000) out.push({ path: 'window.start', message: `window.start is more than ${this.limits.maxAgeSeconds} seconds ago` });
    return out;
  }

  /**
   * CONFLICT when another window of the same subject overlaps this one (the same window is a
   * replacement, not an overlap). An advisory lock on the subject orders concurrent reports.
   */
  private async assertNoOverlap(tx: RequestContext, table: 'runtime_counts' | 'runtime_health_reports', where: string, params: unknown[], window: ReportWindow): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${table}:${params.join(':')}`]);
    const n = params.length;
    const overlapping = await tx.manager.query(
      `SELECT window_start, window_end FROM ${table}
        WHERE ${where} AND window_start < $${n + 2} AND window_end > $${n + 1} AND NOT (window_start = $${n + 1} AND window_end = $${n + 2}) LIMIT 1`,
      [...params, window.start, window.end],
    );
    if (overlapping.length) {
      throw new ConflictError('This window overlaps one already reported; re-send that exact window to replace it, or report a window that does not overlap', {
        overlaps: { start: overlapping[0].window_start, end: overlapping[0].window_end },
      });
    }
  }

  private async versionSubject(ctx: RuntimeContext, versionId: string) {
    if (!isUuid(versionId)) throw new NotFoundError('Version');
    const [row] = await ctx.manager.query(`SELECT id, extension_id FROM extension_versions WHERE id = $1`, [versionId]);
    if (!row || !canReportFor(ctx.runtime, { extensionId: row.extension_id })) throw new NotFoundError('Version');
    return { extensionId: row.extension_id as string, versionId: row.id as string, installationId: null, subjectId: row.id as string };
  }

  private async installationSubject(ctx: RuntimeContext, installationId: string) {
    if (!isUuid(installationId)) throw new NotFoundError('Installation');
    const [row] = await ctx.manager.query(`SELECT id, extension_id, version_id FROM installations WHERE id = $1`, [installationId]);
    if (!row || !canReportFor(ctx.runtime, { extensionId: row.extension_id })) throw new NotFoundError('Installation');
    return { extensionId: row.extension_id as string, versionId: row.version_id as string, installationId: row.id as string, subjectId: row.id as string };
  }
}

function withRate(r: Omit<RuntimeRates, 'errorRate'>): RuntimeRates {
  return { ...r, errorRate: r.actions > 0 ? r.errors / r.actions : null };
}
