import type { RequestContext } from '../../context';
import { assertInTransaction } from '../../db/transaction';

/**
 * The double-entry ledger (docs/billing.md, "Ledger"): every charge, fee, payout and refund is
 * one balanced transaction. Debits are positive, credits negative; the database refuses a
 * transaction whose entries do not sum to zero per currency (trigger tr_ledger_entries_balanced)
 * and any change to a written entry. Balances are sums over entries, never stored.
 */
export const Accounts = {
  customer: (customerKey: string) => `customer:${customerKey}`,
  developer: (developerId: string) => `developer:${developerId}`,
  platformFees: 'platform:fees',
  platformHosting: 'platform:hosting',
  provider: (name: string) => `provider:${name}`,
} as const;

export interface Posting {
  account: string;
  amountMinor: number;
}

/**
 * Posts one transaction: creates missing accounts and inserts every entry in one statement.
 * `reference` is unique: posting the same business event twice returns the first transaction's
 * id and writes nothing (`created: false`).
 */
export async function post(
  tx: RequestContext,
  kind: string,
  reference: string,
  currency: string,
  postings: Posting[],
  at: Date,
): Promise<{ transactionId: string; created: boolean }> {
  assertInTransaction(tx, 'A ledger transaction');
  const entries = postings.filter(p => p.amountMinor !== 0);
  const inserted: { id: string }[] = await tx.manager.query(
    `INSERT INTO ledger_transactions (kind, reference, posted_at) VALUES ($1, $2, $3) ON CONFLICT (reference) DO NOTHING RETURNING id`,
    [kind, reference, at],
  );
  if (!inserted.length) {
    const [existing] = await tx.manager.query(`SELECT id FROM ledger_transactions WHERE reference = $1`, [reference]);
    return { transactionId: existing.id, created: false };
  }
  const transactionId = inserted[0].id;
  const codes = entries.map(e => e.account);
  await tx.manager.query(
    `INSERT INTO ledger_accounts (code, currency) SELECT DISTINCT unnest($1::text[]), $2 ON CONFLICT (code, currency) DO NOTHING`,
    [codes, currency],
  );
  await tx.manager.query(
    `INSERT INTO ledger_entries (transaction_id, account_id, currency, amount_minor)
     SELECT $1, a.id, $2, p.amount FROM unnest($3::text[], $4::bigint[]) AS p(code, amount)
       JOIN ledger_accounts a ON a.code = p.code AND a.currency = $2`,
    [transactionId, currency, codes, entries.map(e => String(e.amountMinor))],
  );
  return { transactionId, created: true };
}

/** Balance of an account (debits minus credits) per currency, as of `asOf` when given. */
export async function balances(ctx: RequestContext, code: string, asOf?: Date): Promise<Map<string, number>> {
  const rows: { currency: string; balance: string }[] = await ctx.manager.query(
    `SELECT a.currency, coalesce(sum(e.amount_minor), 0)::text AS balance
       FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id JOIN ledger_transactions t ON t.id = e.transaction_id
      WHERE a.code = $1 AND ($2::timestamptz IS NULL OR t.posted_at < $2)
      GROUP BY a.currency`,
    [code, asOf ?? null],
  );
  return new Map(rows.map(r => [r.currency, Number(r.balance)]));
}
