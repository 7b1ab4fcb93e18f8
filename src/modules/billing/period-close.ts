import type { RequestContext } from '../../context';
import { withTransaction } from '../../db/transaction';
import { withLongStatements } from '../../db/timeouts';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { monthOf, periodLabel, shareSql } from './money';
import type { PaymentProvider } from './payment-provider';

export const periodCloseQueue = defineQueue<Record<string, never>>('billing-period-close', {
  expireInSeconds: 3600,
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
});

export interface ClosedPeriod {
  periodStart: Date;
  invoices: number;
  lines: number;
  payouts: number;
}

/**
 * The period close (docs/billing.md, "Period close"): for each due period (its end has passed on
 * the injected clock), in order, one transaction turns subscriptions, usage and managed-hosting
 * costs into invoice lines per customer, posts one ledger transaction per invoice, appends
 * `invoice.finalized`, ends subscriptions canceled at that period's end, and pays developers out.
 *
 * Set-based: a handful of INSERT … SELECT statements whatever the number of subscriptions.
 * Once only: the period row is locked FOR UPDATE and re-read, so a second worker waits and then
 * finds it closed; invoices, lines, ledger transactions and payouts also carry unique keys
 * (customer+period+currency, period+kind+source, reference, developer+period+currency) and are
 * inserted ON CONFLICT DO NOTHING.
 */
export class PeriodClose {
  constructor(
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly provider: PaymentProvider,
    jobs: JobQueue,
    schedule: string,
    /** The close's set-based statements touch every subscription of a month: they get the long statement timeout. */
    private readonly longStatementTimeoutMs: number,
  ) {
    jobs.handle(periodCloseQueue, async ctx => ctx.logger.info({ closed: await this.closeDuePeriods(ctx) }, 'billing periods closed'), { schedule });
  }

  /** Closes every due period, oldest first; returns what each close wrote. Safe to run concurrently and again. */
  async closeDuePeriods(ctx: RequestContext): Promise<ClosedPeriod[]> {
    const closed: ClosedPeriod[] = [];
    for (let guard = 0; guard < 120; guard++) {
      const result = await withTransaction(ctx, tx => withLongStatements(tx.manager, this.longStatementTimeoutMs, () => this.closeOldestDue(tx)));
      if (!result) break;
      closed.push(result);
    }
    return closed;
  }

  private async closeOldestDue(tx: RequestContext): Promise<ClosedPeriod | null> {
    const now = this.clock.now();
    const [period] = await tx.manager.query(
      `SELECT period_start, period_end FROM billing_periods WHERE closed_at IS NULL AND period_end <= $1 ORDER BY period_start LIMIT 1 FOR UPDATE`,
      [now],
    );
    if (!period) return null;
    const start: Date = period.period_start;
    const end: Date = period.period_end;
    const label = periodLabel(start);
    const params = [start, end, now, label];
    // Temp tables are created empty and filled by INSERT … SELECT: bind parameters are not allowed in CREATE TABLE AS.
    await tx.manager.query(
      `CREATE TEMP TABLE close_charges (kind text, source_id uuid, extension_id uuid, developer_id uuid, customer_key text, customer_user_id uuid,
         customer_organization_id uuid, currency text, quantity bigint, amount bigint, share_bps int, description text) ON COMMIT DROP`,
    );
    await tx.manager.query(`INSERT INTO close_charges SELECT * FROM (${CHARGES_SQL}) c WHERE c.amount > 0`, [start, end]);
    // Temp tables have no statistics until analyzed: without them the joins below plan as if empty.
    await tx.manager.query(`ANALYZE close_charges`);
    const [{ invoices }] = await tx.manager.query(
      `WITH inv AS (
         INSERT INTO billing_invoices (customer_key, customer_user_id, customer_organization_id, period_start, period_end, currency, total_minor, finalized_at)
         SELECT customer_key, min(customer_user_id::text)::uuid, min(customer_organization_id::text)::uuid, $1, $2, currency, sum(amount), $3
           FROM close_charges GROUP BY customer_key, currency
         ON CONFLICT (customer_key, period_start, currency) DO NOTHING
         RETURNING id)
       SELECT count(*)::int AS invoices FROM inv`,
      params.slice(0, 3),
    );
    const [{ lines }] = await tx.manager.query(
      `WITH ins AS (
         INSERT INTO billing_invoice_lines (invoice_id, period_start, kind, source_id, extension_id, developer_id, description, quantity, currency,
                                            amount_minor, developer_share_bps, developer_amount_minor, platform_fee_minor)
         SELECT i.id, $1, c.kind::invoice_line_kind, c.source_id, c.extension_id, c.developer_id, c.description, c.quantity, c.currency,
                c.amount, c.share_bps, ${shareSql('c.amount', 'c.share_bps')}, c.amount - ${shareSql('c.amount', 'c.share_bps')}
           FROM close_charges c JOIN billing_invoices i ON i.customer_key = c.customer_key AND i.period_start = $1 AND i.currency = c.currency
         ON CONFLICT (period_start, kind, source_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS lines FROM ins`,
      [start],
    );
    await this.postInvoices(tx, start, now);
    await tx.manager.query(
      `WITH logged AS (${this.events.insertManySql(EventTypes.INVOICE_FINALIZED, {
        from: `billing_invoices i LEFT JOIN organizations o ON o.id = i.customer_organization_id WHERE i.period_start = $1`,
        appId: 'NULL',
        version: 'NULL',
        subjectType: `'Invoice'`,
        subjectId: 'i.id::text',
        audienceUserId: 'coalesce(i.customer_user_id, o.created_by_id)',
        data: `jsonb_build_object('invoiceId', i.id, 'organizationId', i.customer_organization_id, 'period', $2::text, 'currency', i.currency,
                                  'totalMinor', i.total_minor, 'lineCount', (SELECT count(*) FROM billing_invoice_lines l WHERE l.invoice_id = i.id))`,
      })} RETURNING 1) SELECT count(*) FROM logged`,
      [start, label],
    );
    await tx.manager.query(`UPDATE billing_subscriptions SET status = 'CANCELED' WHERE status = 'CANCELING' AND cancel_at <= $1`, [end]);
    await tx.manager.query(`UPDATE billing_periods SET closed_at = $2 WHERE period_start = $1`, [start, now]);
    const next = monthOf(end);
    await tx.manager.query(`INSERT INTO billing_periods (period_start, period_end) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [next.start, next.end]);
    const payouts = await this.payOut(tx, start, label, now);
    await this.events.notify(tx);
    return { periodStart: start, invoices, lines, payouts };
  }

  /**
   * One ledger transaction per new invoice (reference `invoice:<id>`): the customer is debited
   * the total, each developer credited their shares, the platform its fees and hosting. Set-based;
   * the balance trigger checks every transaction at the end of the entries statement.
   */
  private async postInvoices(tx: RequestContext, start: Date, now: Date): Promise<void> {
    await tx.manager.query(
      `CREATE TEMP TABLE close_postings (invoice_id uuid, code text, currency text, amount bigint) ON COMMIT DROP`,
    );
    await tx.manager.query(
      `INSERT INTO close_postings
       WITH fresh AS (
         SELECT i.id, i.customer_key, i.currency, i.total_minor FROM billing_invoices i
          WHERE i.period_start = $1 AND NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.reference = 'invoice:' || i.id))
       SELECT f.id AS invoice_id, 'customer:' || f.customer_key AS code, f.currency, f.total_minor AS amount FROM fresh f
       UNION ALL
       SELECT l.invoice_id, 'developer:' || l.developer_id, l.currency, -sum(l.developer_amount_minor) FROM billing_invoice_lines l JOIN fresh f ON f.id = l.invoice_id
        WHERE l.developer_id IS NOT NULL GROUP BY l.invoice_id, l.developer_id, l.currency
       UNION ALL
       SELECT l.invoice_id, CASE WHEN l.kind = 'HOSTING' THEN 'platform:hosting' ELSE 'platform:fees' END, l.currency, -sum(l.platform_fee_minor)
         FROM billing_invoice_lines l JOIN fresh f ON f.id = l.invoice_id GROUP BY l.invoice_id, l.kind = 'HOSTING', l.currency`,
      [start],
    );
    await tx.manager.query(`ANALYZE close_postings`);
    await tx.manager.query(`INSERT INTO ledger_accounts (code, currency) SELECT DISTINCT code, currency FROM close_postings ON CONFLICT (code, currency) DO NOTHING`);
    await tx.manager.query(
      `INSERT INTO ledger_transactions (kind, reference, posted_at) SELECT DISTINCT 'invoice', 'invoice:' || invoice_id, $1::timestamptz FROM close_postings
       ON CONFLICT (reference) DO NOTHING`,
      [now],
    );
    await tx.manager.query(
      `INSERT INTO ledger_entries (transaction_id, account_id, currency, amount_minor)
       SELECT t.id, a.id, p.currency, p.amount FROM close_postings p
         JOIN ledger_transactions t ON t.reference = 'invoice:' || p.invoice_id
         JOIN ledger_accounts a ON a.code = p.code AND a.currency = p.currency
        WHERE p.amount <> 0`,
    );
  }

  /**
   * Monthly payouts (docs/billing.md, "Payouts"): every developer whose earned balance is above
   * zero gets a payout of all of it: a ledger transaction moving it from their account to the
   * provider's, and a payout row the provider settles (the built-in one: by bank file).
   */
  private async payOut(tx: RequestContext, start: Date, label: string, now: Date): Promise<number> {
    const provider = this.provider.name;
    await tx.manager.query(
      `CREATE TEMP TABLE close_payouts (id uuid, developer_id uuid, currency text, amount bigint) ON COMMIT DROP`,
    );
    await tx.manager.query(
      `INSERT INTO close_payouts
       SELECT gen_random_uuid() AS id, substr(a.code, 11)::uuid AS developer_id, a.currency, -sum(e.amount_minor) AS amount
         FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id
        WHERE a.code LIKE 'developer:%'
          AND NOT EXISTS (SELECT 1 FROM billing_payouts p WHERE p.developer_id = substr(a.code, 11)::uuid AND p.period_start = $1 AND p.currency = a.currency)
        GROUP BY a.code, a.currency HAVING -sum(e.amount_minor) > 0`,
      [start],
    );
    const rows: { id: string; developer_id: string; currency: string; amount: string }[] = await tx.manager.query(`SELECT * FROM close_payouts`);
    if (!rows.length) return 0;
    await tx.manager.query(`INSERT INTO ledger_accounts (code, currency) SELECT DISTINCT $1::text, currency FROM close_payouts ON CONFLICT (code, currency) DO NOTHING`, [`provider:${provider}`]);
    await tx.manager.query(
      `INSERT INTO ledger_transactions (id, kind, reference, posted_at) SELECT id, 'payout', 'payout:' || id, $1::timestamptz FROM close_payouts`,
      [now],
    );
    await tx.manager.query(
      `INSERT INTO ledger_entries (transaction_id, account_id, currency, amount_minor)
       SELECT p.id, a.id, p.currency, p.amount FROM close_payouts p JOIN ledger_accounts a ON a.code = 'developer:' || p.developer_id AND a.currency = p.currency
       UNION ALL
       SELECT p.id, a.id, p.currency, -p.amount FROM close_payouts p JOIN ledger_accounts a ON a.code = $1 AND a.currency = p.currency`,
      [`provider:${provider}`],
    );
    // The provider is told inside the transaction only when it merely records (the manual one);
    // a provider that moves money (Stripe Connect) is called after commit (docs/billing.md).
    const references = await this.provider.record(rows.map(r => ({ payoutId: r.id, developerId: r.developer_id, currency: r.currency, amountMinor: Number(r.amount) })));
    await tx.manager.query(
      `INSERT INTO billing_payouts (id, developer_id, period_start, currency, amount_minor, provider, provider_reference, ledger_transaction_id, created_at)
       SELECT p.id, p.developer_id, $1, p.currency, p.amount, $2, r.reference, p.id, $3
         FROM close_payouts p JOIN unnest($4::uuid[], $5::text[]) AS r(id, reference) ON r.id = p.id`,
      [start, provider, now, rows.map(r => r.id), rows.map(r => references.get(r.id) ?? null)],
    );
    await tx.manager.query(
      this.events.insertManySql(EventTypes.PAYOUT_CREATED, {
        from: `billing_payouts p WHERE p.period_start = $1 AND p.id = ANY($3::uuid[])`,
        appId: 'NULL',
        version: 'NULL',
        subjectType: `'Payout'`,
        subjectId: 'p.id::text',
        audienceUserId: 'p.developer_id',
        data: `jsonb_build_object('payoutId', p.id, 'period', $2::text, 'currency', p.currency, 'amountMinor', p.amount_minor, 'provider', p.provider)`,
      }),
      [start, label, rows.map(r => r.id)],
    );
    return rows.length;
  }
}

/**
 * Everything a period charges, one row per future invoice line (parameters: $1 period start, $2
 * period end). The share in force at charge time: the developer's override, else their tier's,
 * else the default tier's; hosting is the platform's (share 0).
 */
const SHARE_SQL = `coalesce(d.share_override_bps, dt.developer_share_bps, (SELECT developer_share_bps FROM billing_developer_tiers WHERE is_default LIMIT 1))`;
const CUSTOMER_SQL = (alias: string) =>
  `CASE WHEN ${alias}.customer_organization_id IS NOT NULL THEN 'o:' || ${alias}.customer_organization_id ELSE 'u:' || ${alias}.customer_user_id END`;
export const CHARGES_SQL = `
  SELECT 'SUBSCRIPTION'::text AS kind, s.id AS source_id, s.extension_id, s.developer_id, ${CUSTOMER_SQL('s')} AS customer_key,
         s.customer_user_id, s.customer_organization_id, p.currency, 1::bigint AS quantity, p.price_minor AS amount, ${SHARE_SQL} AS share_bps,
         e.app_id || ' (' || lower(p.interval::text) || 'ly)' AS description
    FROM billing_subscriptions s
    JOIN extension_pricing p ON p.id = s.pricing_id AND p.model = 'FLAT'
    JOIN extensions e ON e.id = s.extension_id
    LEFT JOIN billing_developer_terms d ON d.developer_id = s.developer_id
    LEFT JOIN billing_developer_tiers dt ON dt.name = d.tier
   WHERE s.started_at < $2 AND (s.cancel_at IS NULL OR s.cancel_at > $1)
     AND (s.trial_ends_at IS NULL OR s.trial_ends_at < $2)
     AND (p.interval = 'MONTH'
          OR (extract(year FROM age($1::timestamptz, date_trunc('month', coalesce(s.trial_ends_at, s.started_at) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')) * 12
              + extract(month FROM age($1::timestamptz, date_trunc('month', coalesce(s.trial_ends_at, s.started_at) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')))::int % 12 = 0)
  UNION ALL
  SELECT 'USAGE', s.id, s.extension_id, s.developer_id, ${CUSTOMER_SQL('s')}, s.customer_user_id, s.customer_organization_id, p.currency, u.units,
         least(coalesce(p.cap_minor, 9223372036854775807), greatest(0, u.units - coalesce(p.included_units, 0)) * p.unit_price_minor), ${SHARE_SQL},
         e.app_id || ' (' || u.units || ' ' || p.unit_name || ')'
    FROM (SELECT subscription_id, sum(units)::bigint AS units FROM billing_usage_records WHERE period_start = $1 GROUP BY subscription_id) u
    JOIN billing_subscriptions s ON s.id = u.subscription_id
    JOIN extension_pricing p ON p.id = s.pricing_id AND p.model = 'USAGE'
    JOIN extensions e ON e.id = s.extension_id
    LEFT JOIN billing_developer_terms d ON d.developer_id = s.developer_id
    LEFT JOIN billing_developer_tiers dt ON dt.name = d.tier
   WHERE s.trial_ends_at IS NULL OR s.trial_ends_at < $2
  UNION ALL
  SELECT 'HOSTING', i.id, i.extension_id, NULL::uuid, CASE WHEN i.organization_id IS NOT NULL THEN 'o:' || i.organization_id ELSE 'u:' || i.owner_user_id END,
         CASE WHEN i.organization_id IS NULL THEN i.owner_user_id END, i.organization_id, h.currency, 1, h.monthly_cost_minor::bigint, 0,
         e.app_id || ' hosting (' || h.tier || ')'
    FROM installations i
    JOIN installation_hosting_consents h ON h.installation_id = i.id
    JOIN extensions e ON e.id = i.extension_id
   WHERE i.source <> 'STAGING' AND i.installed_at < $2 AND (i.uninstalled_at IS NULL OR i.uninstalled_at >= $1)`;
