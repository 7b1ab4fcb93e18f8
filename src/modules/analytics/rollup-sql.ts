import { DEAD_STATUSES } from '../versions/version.entity';
import { EventTypes } from '../events/event-types';
import { runtimeUsageSql } from './runtime-usage';

/**
 * The set-based statements of the daily rollup (docs/analytics.md, "How the rollup works"). Each
 * takes the same parameters:
 *   $1 the first day's start (timestamptz, UTC midnight), $2 the end of the last day (exclusive),
 *   $3 the first day and $4 the last day (dates, UTC).
 * An event counts on the UTC day of its `occurred_at`; it is attributed to the version its
 * `version` column names (the offered version for offers, the target for upgrades), and an
 * upgrade also counts against the version it left (`data.fromVersion`).
 */

const FLOW_TYPES = [
  EventTypes.INSTALLATION_CREATED,
  EventTypes.INSTALLATION_UNINSTALLED,
  EventTypes.INSTALLATION_UPGRADED,
  EventTypes.UPGRADE_OFFER_CREATED,
  EventTypes.UPGRADE_OFFER_ANSWERED,
];
const MOVE_TYPES = [EventTypes.INSTALLATION_CREATED, EventTypes.INSTALLATION_UNINSTALLED, EventTypes.INSTALLATION_UPGRADED];
const list = (values: readonly string[]) => values.map(v => `'${v}'`).join(', ');

/** A version row named by number: the one live submission with that number (uq_extension_versions_live). */
const VERSION_BY_NUMBER = (alias: string, extension: string, number: string) =>
  `extension_versions ${alias} ON ${alias}.extension_id = ${extension} AND ${alias}.version = ${number}
     AND ${alias}.status NOT IN (${list(DEAD_STATUSES)}) AND ${alias}.version IS NOT NULL`;

/**
 * Installations on each version at the end of the day before the range, when that day was never
 * rolled up (the first run, or after a gap): today's installations (the `installations` table)
 * minus every move logged since the range began. It needs only the events from the range on, so
 * it holds when retention has dropped older events (docs/events.md) and reads a day or two of
 * the log for the daily job. Installations made without an event (a system app's automatic
 * installs) are in the state but in no flow.
 */
export const BASE_FROM_CURRENT_STATE = `
  later AS (
    SELECT e.type, x.id AS extension_id, e.version, e.data
      FROM platform_events e JOIN extensions x ON x.app_id = e.app_id
     WHERE e.occurred_at >= $1 AND e.type IN (${list(MOVE_TYPES)})
  ),
  base AS (
    SELECT version_id, extension_id, sum(active)::int AS active
      FROM (SELECT i.version_id, i.extension_id, count(*) AS active FROM installations i WHERE i.status = 'ACTIVE' GROUP BY 1, 2
            UNION ALL
            SELECT v.id, v.extension_id, -sum(l.delta)
              FROM (SELECT extension_id, version, CASE type WHEN '${EventTypes.INSTALLATION_UNINSTALLED}' THEN -1 ELSE 1 END AS delta FROM later
                    UNION ALL
                    SELECT extension_id, data->>'fromVersion', -1 FROM later
                     WHERE type = '${EventTypes.INSTALLATION_UPGRADED}' AND data->>'fromVersion' IS NOT NULL) l
              JOIN ${VERSION_BY_NUMBER('v', 'l.extension_id', 'l.version')}
             GROUP BY v.id, v.extension_id) s
     GROUP BY version_id, extension_id
  )`;

/** The same, read from the previous day's rows (the usual case: the job runs every day). */
export const BASE_FROM_PREVIOUS_DAY = `
  base AS (
    SELECT version_id, extension_id, active_installations AS active
      FROM analytics_version_daily WHERE day = $3::date - 1
  )`;

/** Writes every version's rows for the range; `base` is one of the two CTEs above. */
export function insertVersionDays(base: string): string {
  return `
  INSERT INTO analytics_version_daily
    (version_id, day, extension_id, installs, uninstalls, upgrades_in, upgrades_out, active_installations,
     offers_created, offers_accepted, offers_declined, actions, errors)
  WITH ${base},
  days AS (SELECT d::date AS day FROM generate_series($3::date, $4::date, interval '1 day') d),
  ev AS (
    SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.type, x.id AS extension_id, e.version, e.data
      FROM platform_events e JOIN extensions x ON x.app_id = e.app_id
     WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.type IN (${list(FLOW_TYPES)})
  ),
  moves AS (
    SELECT day, extension_id, version, type, data FROM ev
    UNION ALL
    SELECT day, extension_id, data->>'fromVersion', 'upgrade_out', data FROM ev
     WHERE type = '${EventTypes.INSTALLATION_UPGRADED}' AND data->>'fromVersion' IS NOT NULL
  ),
  flows AS (
    SELECT m.day, v.id AS version_id, v.extension_id,
           count(*) FILTER (WHERE m.type = '${EventTypes.INSTALLATION_CREATED}')::int AS installs,
           count(*) FILTER (WHERE m.type = '${EventTypes.INSTALLATION_UNINSTALLED}')::int AS uninstalls,
           count(*) FILTER (WHERE m.type = '${EventTypes.INSTALLATION_UPGRADED}')::int AS upgrades_in,
           count(*) FILTER (WHERE m.type = 'upgrade_out')::int AS upgrades_out,
           count(*) FILTER (WHERE m.type = '${EventTypes.UPGRADE_OFFER_CREATED}')::int AS offers_created,
           count(*) FILTER (WHERE m.type = '${EventTypes.UPGRADE_OFFER_ANSWERED}' AND (m.data->>'accepted')::boolean)::int AS offers_accepted,
           count(*) FILTER (WHERE m.type = '${EventTypes.UPGRADE_OFFER_ANSWERED}' AND NOT (m.data->>'accepted')::boolean)::int AS offers_declined
      FROM moves m JOIN ${VERSION_BY_NUMBER('v', 'm.extension_id', 'm.version')}
     GROUP BY m.day, v.id, v.extension_id
  ),
  usage AS (
    SELECT u.version_id, v.extension_id, u.day, u.actions::bigint AS actions, u.errors::bigint AS errors
      FROM (${runtimeUsageSql('$1', '$2')}) u JOIN extension_versions v ON v.id = u.version_id
  ),
  in_play AS (
    SELECT version_id, extension_id FROM base WHERE active <> 0
    UNION SELECT version_id, extension_id FROM flows
    UNION SELECT version_id, extension_id FROM usage
  ),
  grid AS (
    SELECT p.version_id, p.extension_id, d.day,
           coalesce(f.installs, 0) AS installs, coalesce(f.uninstalls, 0) AS uninstalls,
           coalesce(f.upgrades_in, 0) AS upgrades_in, coalesce(f.upgrades_out, 0) AS upgrades_out,
           coalesce(b.active, 0) + sum(coalesce(f.installs, 0) - coalesce(f.uninstalls, 0) + coalesce(f.upgrades_in, 0) - coalesce(f.upgrades_out, 0))
             OVER (PARTITION BY p.version_id ORDER BY d.day) AS active,
           coalesce(f.offers_created, 0) AS offers_created, coalesce(f.offers_accepted, 0) AS offers_accepted,
           coalesce(f.offers_declined, 0) AS offers_declined,
           coalesce(u.actions, 0) AS actions, coalesce(u.errors, 0) AS errors
      FROM in_play p CROSS JOIN days d
      LEFT JOIN flows f ON f.version_id = p.version_id AND f.day = d.day
      LEFT JOIN usage u ON u.version_id = p.version_id AND u.day = d.day
      LEFT JOIN base b ON b.version_id = p.version_id
  )
  SELECT version_id, day, extension_id, installs, uninstalls, upgrades_in, upgrades_out, active,
         offers_created, offers_accepted, offers_declined, actions, errors
    FROM grid
   WHERE active <> 0 OR installs <> 0 OR uninstalls <> 0 OR upgrades_in <> 0 OR upgrades_out <> 0
      OR offers_created <> 0 OR offers_accepted <> 0 OR offers_declined <> 0 OR actions <> 0 OR errors <> 0`;
}

/**
 * Writes every extension's rows for the range: the sums of its version rows (just written) and
 * its ratings. Ratings count by `created_at` and leave the count on the day a moderator hid them
 * (`hidden_at`); stars are the current ones (an edit is not dated in the past). Its parameters are
 * the others' without the first: $1 the end of the last day, $2 the first day, $3 the last day.
 */
export const INSERT_EXTENSION_DAYS = `
  INSERT INTO analytics_extension_daily
    (extension_id, day, installs, uninstalls, upgrades, active_installations, offers_created, offers_accepted,
     offers_declined, actions, errors, ratings_new, rating_count, rating_sum)
  WITH days AS (SELECT d::date AS day FROM generate_series($2::date - 1, $3::date, interval '1 day') d),
  vs AS (
    SELECT extension_id, day, sum(installs)::int AS installs, sum(uninstalls)::int AS uninstalls,
           sum(upgrades_in)::int AS upgrades, sum(active_installations)::int AS active,
           sum(offers_created)::int AS offers_created, sum(offers_accepted)::int AS offers_accepted,
           sum(offers_declined)::int AS offers_declined, sum(actions)::bigint AS actions, sum(errors)::bigint AS errors
      FROM analytics_version_daily WHERE day BETWEEN $2::date AND $3::date
     GROUP BY extension_id, day
  ),
  rd AS (
    SELECT extension_id, greatest(day, $2::date - 1) AS day, sum(dc)::int AS dc, sum(ds)::int AS ds, sum(nw)::int AS nw
      FROM (SELECT extension_id, (created_at AT TIME ZONE 'UTC')::date AS day, 1 AS dc, stars::int AS ds, 1 AS nw
              FROM extension_ratings WHERE created_at < $1
            UNION ALL
            SELECT extension_id, (hidden_at AT TIME ZONE 'UTC')::date, -1, -stars::int, 0
              FROM extension_ratings WHERE hidden_at IS NOT NULL AND hidden_at < $1) r
     GROUP BY 1, 2
  ),
  rg AS (
    SELECT x.extension_id, d.day, coalesce(r.nw, 0) AS ratings_new,
           sum(coalesce(r.dc, 0)) OVER w AS rating_count, sum(coalesce(r.ds, 0)) OVER w AS rating_sum
      FROM (SELECT DISTINCT extension_id FROM rd) x CROSS JOIN days d
      LEFT JOIN rd r ON r.extension_id = x.extension_id AND r.day = d.day
    WINDOW w AS (PARTITION BY x.extension_id ORDER BY d.day)
  ),
  ratings AS (SELECT * FROM rg WHERE day >= $2::date)
  SELECT coalesce(vs.extension_id, ratings.extension_id), coalesce(vs.day, ratings.day),
         coalesce(vs.installs, 0), coalesce(vs.uninstalls, 0), coalesce(vs.upgrades, 0), coalesce(vs.active, 0),
         coalesce(vs.offers_created, 0), coalesce(vs.offers_accepted, 0), coalesce(vs.offers_declined, 0),
         coalesce(vs.actions, 0), coalesce(vs.errors, 0),
         coalesce(ratings.ratings_new, 0), coalesce(ratings.rating_count, 0), coalesce(ratings.rating_sum, 0)
    FROM vs FULL JOIN ratings ON ratings.extension_id = vs.extension_id AND ratings.day = vs.day
   WHERE vs.extension_id IS NOT NULL OR ratings.ratings_new <> 0 OR ratings.rating_count <> 0`;
