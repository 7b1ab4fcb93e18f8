import type { AuthedContext, RequestContext } from '../../context';
import { isInTransaction, repo, withTransaction } from '../../db/transaction';
import { withLongStatements } from '../../db/timeouts';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { canReadAnalytics } from './analytics.policy';
import { BASE_FROM_CURRENT_STATE, BASE_FROM_PREVIOUS_DAY, INSERT_EXTENSION_DAYS, insertVersionDays } from './rollup-sql';

/** The scheduled rollup (docs/analytics.md): hourly, recomputing the previous day, yesterday and today. */
export const analyticsRollupQueue = defineQueue<Record<string, never>>('analytics-rollup', {
  expireInSeconds: 900,
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
});
export const ANALYTICS_ROLLUP_SCHEDULE = '10 * * * *';

export enum Granularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** Longest range one `extensionAnalytics` call may ask for, in days (both ends included). */
export const MAX_RANGE_DAYS: Record<Granularity, number> = { DAY: 366, WEEK: 3 * 366, MONTH: 3 * 366 };
/** Longest range one rollup computes in one transaction; the job catches up at most this far. */
export const MAX_ROLLUP_DAYS = 400;
/** Serializes rollups ('plazaanl' as an integer): two overlapping runs would delete each other's rows. */
const ROLLUP_LOCK = 0x706c617a61616e6cn;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of an instant, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

function startOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A YYYY-MM-DD that names a real day, or BAD_USER_INPUT on `field`. */
function parseDay(field: string, value: string): string {
  const date = DAY_PATTERN.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || utcDay(date) !== value) {
    throw BadUserInputError.field(field, `${field} must be a day written YYYY-MM-DD`);
  }
  return value;
}

function daysBetween(from: string, to: string): number {
  return Math.round((startOf(to).getTime() - startOf(from).getTime()) / DAY_MS) + 1;
}

export interface RollupResult {
  from: string;
  to: string;
  days: number;
  versionRows: number;
  extensionRows: number;
  /** Whether the state before `from` came from the previous day's rows or from today's installations minus the moves since. */
  base: 'previous-day' | 'current-state';
}

/** One period of an extension's figures; rates are computed by the GraphQL type. */
export interface AnalyticsPointRow {
  periodStart: string;
  periodEnd: string;
  installs: number;
  uninstalls: number;
  upgrades: number;
  activeInstallations: number;
  offersCreated: number;
  offersAccepted: number;
  offersDeclined: number;
  actions: number;
  errors: number;
  ratingsNew: number;
  ratingCount: number;
  ratingSum: number;
}

export interface VersionPointRow {
  periodStart: string;
  periodEnd: string;
  installs: number;
  uninstalls: number;
  upgradesIn: number;
  upgradesOut: number;
  activeInstallations: number;
  /** Share of the extension's active installations on this version at the period's end (0..1). */
  adoption: number | null;
  offersCreated: number;
  offersAccepted: number;
  offersDeclined: number;
  actions: number;
  errors: number;
}

export interface AnalyticsReport {
  appId: string;
  from: string;
  to: string;
  granularity: Granularity;
  /** The last day the rollup computed after it ended; later days are partial or not computed. */
  computedThrough: string | null;
  points: AnalyticsPointRow[];
  versions: { versionId: string; version: string | null; points: VersionPointRow[] }[];
}

export interface AnalyticsRequest {
  appId: string;
  from: string;
  to: string;
  granularity: Granularity;
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * Publisher analytics (docs/analytics.md): a daily rollup per extension and version, computed
 * set-based from the event log, runtime reports and ratings into this module's own tables, and
 * the owner's read of it by day, week or month.
 */
export class AnalyticsService {
  /** `jobs`: the queue the scheduled rollup runs on; null for a process that only computes (the CLI's backfill). */
  constructor(
    private readonly clock: Clock,
    jobs: JobQueue | null,
    private readonly longStatementTimeoutMs: number,
  ) {
    jobs?.handle(
      analyticsRollupQueue,
      async ctx => ctx.logger.info(await this.rollupDue(ctx), 'analytics rolled up'),
      { schedule: ANALYTICS_ROLLUP_SCHEDULE },
    );
  }

  /**
   * What the scheduled job runs: every day from the day before the last one computed (late
   * commits may still land on it) through today by the injected clock, at most MAX_ROLLUP_DAYS
   * back. Today's rows are partial until a run after midnight recomputes them.
   */
  async rollupDue(ctx: RequestContext): Promise<RollupResult> {
    const today = utcDay(this.clock.now());
    const yesterday = addDays(today, -1);
    const [row] = await ctx.manager.query(`SELECT max(day)::text AS last FROM analytics_rollup_days WHERE day <= $1::date`, [today]);
    let from = row?.last ? addDays(row.last, -1) : yesterday;
    if (from > yesterday) from = yesterday;
    const earliest = addDays(today, -(MAX_ROLLUP_DAYS - 1));
    if (from < earliest) from = earliest;
    return this.rollup(ctx, from, today);
  }

  /**
   * Recomputes the days from `from` to `to` (UTC, both included) for every extension, replacing
   * their rows in one transaction: a re-run over the same days and the same log gives the same rows.
   */
  async rollup(ctx: RequestContext, from: string, to: string): Promise<RollupResult> {
    parseDay('from', from);
    parseDay('to', to);
    if (from > to) throw BadUserInputError.field('from', 'from must not be after to');
    const days = daysBetween(from, to);
    if (days > MAX_ROLLUP_DAYS) throw BadUserInputError.field('to', `A rollup covers at most ${MAX_ROLLUP_DAYS} days`);
    const params = [startOf(from), startOf(addDays(to, 1)), from, to];
    return withTransaction(ctx, tx =>
      withLongStatements(tx.manager, this.longStatementTimeoutMs, async () => {
        await tx.manager.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`);
        const [previous] = await tx.manager.query(`SELECT 1 FROM analytics_rollup_days WHERE day = $1::date - 1`, [from]);
        const base = previous ? 'previous-day' : 'current-state';
        await tx.manager.query(`DELETE FROM analytics_version_daily WHERE day BETWEEN $1::date AND $2::date`, [from, to]);
        await tx.manager.query(`DELETE FROM analytics_extension_daily WHERE day BETWEEN $1::date AND $2::date`, [from, to]);
        const versionRows = await this.rowCount(tx, insertVersionDays(previous ? BASE_FROM_PREVIOUS_DAY : BASE_FROM_CURRENT_STATE), params);
        const extensionRows = await this.rowCount(tx, INSERT_EXTENSION_DAYS, params.slice(1));
        await tx.manager.query(
          `INSERT INTO analytics_rollup_days (day, computed_at, complete)
           SELECT d::date, $3::timestamptz, $3::timestamptz >= ((d + interval '1 day') AT TIME ZONE 'UTC')
             FROM generate_series($1::date::timestamp, $2::date::timestamp, interval '1 day') d
           ON CONFLICT (day) DO UPDATE SET computed_at = excluded.computed_at, complete = excluded.complete`,
          [from, to, this.clock.now()],
        );
        return { from, to, days, versionRows, extensionRows, base } satisfies RollupResult;
      }),
    );
  }

  private async rowCount(tx: RequestContext, sql: string, params: unknown[]): Promise<number> {
    const runner = tx.manager.queryRunner!;
    const result = await runner.query(sql, params, true);
    return result.affected ?? 0;
  }

  /**
   * An extension's figures by DAY, WEEK (ISO, Monday first) or MONTH over [from, to] (UTC days,
   * both included; the first and last periods are clipped to the range). Owner and admins only.
   */
  async report(ctx: AuthedContext, input: AnalyticsRequest): Promise<AnalyticsReport> {
    // Input first: a bad range is refused the same way whoever asks, and reveals nothing.
    const from = parseDay('from', input.from);
    const to = parseDay('to', input.to);
    const granularity = input.granularity;
    if (!Object.values(Granularity).includes(granularity)) throw BadUserInputError.field('granularity', 'granularity must be DAY, WEEK or MONTH');
    if (from > to) throw BadUserInputError.field('from', 'from must not be after to');
    const today = utcDay(this.clock.now());
    if (to > today) throw BadUserInputError.field('to', `to must not be after today (${today}, UTC)`);
    if (daysBetween(from, to) > MAX_RANGE_DAYS[granularity]) {
      throw BadUserInputError.field('to', `A ${granularity} report covers at most ${MAX_RANGE_DAYS[granularity]} days`);
    }
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId: input.appId });
    if (!extension || !canReadAnalytics(ctx.actor, extension)) throw new NotFoundError('Extension');

    const unit = granularity.toLowerCase();
    const params = [extension.id, from, to, unit];
    const readExtension = (): Promise<Record<string, unknown>[]> => ctx.manager.query(
      `WITH days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') d),
       s AS (
         SELECT d.day, date_trunc($4, d.day::timestamp)::date AS period, e.installs, e.uninstalls, e.upgrades,
                e.active_installations, e.offers_created, e.offers_accepted, e.offers_declined, e.actions, e.errors,
                e.ratings_new, e.rating_count, e.rating_sum
           FROM days d LEFT JOIN analytics_extension_daily e ON e.extension_id = $1 AND e.day = d.day
       )
       SELECT greatest(period, $2::date)::text AS period_start, max(s.day)::text AS period_end,
              coalesce(sum(installs), 0)::int AS installs, coalesce(sum(uninstalls), 0)::int AS uninstalls,
              coalesce(sum(upgrades), 0)::int AS upgrades,
              coalesce((array_agg(active_installations ORDER BY s.day DESC))[1], 0)::int AS active_installations,
              coalesce(sum(offers_created), 0)::int AS offers_created, coalesce(sum(offers_accepted), 0)::int AS offers_accepted,
              coalesce(sum(offers_declined), 0)::int AS offers_declined,
              coalesce(sum(actions), 0)::bigint AS actions, coalesce(sum(errors), 0)::bigint AS errors,
              coalesce(sum(ratings_new), 0)::int AS ratings_new,
              coalesce((array_agg(rating_count ORDER BY s.day DESC))[1], 0)::int AS rating_count,
              coalesce((array_agg(rating_sum ORDER BY s.day DESC))[1], 0)::int AS rating_sum
         FROM s GROUP BY period ORDER BY period`,
      params,
    );
    const readVersions = (): Promise<Record<string, unknown>[]> => ctx.manager.query(
      `WITH days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') d),
       vv AS (SELECT DISTINCT version_id FROM analytics_version_daily WHERE extension_id = $1 AND day BETWEEN $2::date AND $3::date),
       s AS (
         SELECT vv.version_id, d.day, date_trunc($4, d.day::timestamp)::date AS period, r.installs, r.uninstalls,
                r.upgrades_in, r.upgrades_out, r.active_installations, r.offers_created, r.offers_accepted,
                r.offers_declined, r.actions, r.errors
           FROM vv CROSS JOIN days d LEFT JOIN analytics_version_daily r ON r.version_id = vv.version_id AND r.day = d.day
       )
       SELECT s.version_id AS vid, v.version, v.submitted_at, greatest(period, $2::date)::text AS period_start,
              coalesce(sum(installs), 0)::int AS installs, coalesce(sum(uninstalls), 0)::int AS uninstalls,
              coalesce(sum(upgrades_in), 0)::int AS upgrades_in, coalesce(sum(upgrades_out), 0)::int AS upgrades_out,
              coalesce((array_agg(active_installations ORDER BY s.day DESC))[1], 0)::int AS active_installations,
              coalesce(sum(offers_created), 0)::int AS offers_created, coalesce(sum(offers_accepted), 0)::int AS offers_accepted,
              coalesce(sum(offers_declined), 0)::int AS offers_declined,
              coalesce(sum(actions), 0)::bigint AS actions, coalesce(sum(errors), 0)::bigint AS errors
         FROM s JOIN extension_versions v ON v.id = s.version_id
        GROUP BY s.version_id, v.version, v.submitted_at, period
        ORDER BY v.submitted_at, s.version_id, period`,
      params,
    );
    const readComputed = (): Promise<{ through: string | null }[]> => ctx.manager.query(`SELECT max(day)::text AS through FROM analytics_rollup_days WHERE complete`);
    // Three independent reads: in parallel on pooled connections, one after another inside a
    // caller's transaction (one connection runs one query at a time).
    const [extensionRows, versionRows, [computed]] = isInTransaction(ctx)
      ? [await readExtension(), await readVersions(), await readComputed()]
      : await Promise.all([readExtension(), readVersions(), readComputed()]);

    const points: AnalyticsPointRow[] = extensionRows.map(r => ({
      periodStart: String(r.period_start),
      periodEnd: String(r.period_end),
      installs: num(r.installs),
      uninstalls: num(r.uninstalls),
      upgrades: num(r.upgrades),
      activeInstallations: num(r.active_installations),
      offersCreated: num(r.offers_created),
      offersAccepted: num(r.offers_accepted),
      offersDeclined: num(r.offers_declined),
      actions: num(r.actions),
      errors: num(r.errors),
      ratingsNew: num(r.ratings_new),
      ratingCount: num(r.rating_count),
      ratingSum: num(r.rating_sum),
    }));
    const byPeriod = new Map(points.map(p => [p.periodStart, p]));
    const versions = new Map<string, AnalyticsReport['versions'][number]>();
    for (const r of versionRows) {
      const id = String(r.vid);
      if (!versions.has(id)) versions.set(id, { versionId: id, version: (r.version as string | null) ?? null, points: [] });
      const periodStart = String(r.period_start);
      const total = byPeriod.get(periodStart);
      const active = num(r.active_installations);
      versions.get(id)!.points.push({
        periodStart,
        periodEnd: total?.periodEnd ?? periodStart,
        installs: num(r.installs),
        uninstalls: num(r.uninstalls),
        upgradesIn: num(r.upgrades_in),
        upgradesOut: num(r.upgrades_out),
        activeInstallations: active,
        adoption: total && total.activeInstallations > 0 ? active / total.activeInstallations : null,
        offersCreated: num(r.offers_created),
        offersAccepted: num(r.offers_accepted),
        offersDeclined: num(r.offers_declined),
        actions: num(r.actions),
        errors: num(r.errors),
      });
    }
    return { appId: extension.appId, from, to, granularity, computedThrough: computed?.through ?? null, points, versions: [...versions.values()] };
  }

  /**
   * Rolls up `from`..`to` in runs of at most MAX_ROLLUP_DAYS, oldest first (each run continues
   * from the one before): `plaza analytics backfill`, after a first deployment or a long outage.
   */
  async backfill(ctx: RequestContext, from: string, to: string, onRun: (run: RollupResult) => void = () => undefined): Promise<RollupResult[]> {
    parseDay('from', from);
    parseDay('to', to);
    if (from > to) throw BadUserInputError.field('from', 'from must not be after to');
    const today = utcDay(this.clock.now());
    if (to > today) throw BadUserInputError.field('to', `to must not be after today (${today}, UTC)`);
    const runs: RollupResult[] = [];
    for (let start = from; start <= to; start = addDays(start, MAX_ROLLUP_DAYS)) {
      const last = addDays(start, MAX_ROLLUP_DAYS - 1);
      const run = await this.rollup(ctx, start, last < to ? last : to);
      onRun(run);
      runs.push(run);
    }
    return runs;
  }

  /** The default chart range: the last 30 days through today by the clock. */
  defaultRange(): { from: string; to: string } {
    const to = utcDay(this.clock.now());
    return { from: addDays(to, -29), to };
  }
}
