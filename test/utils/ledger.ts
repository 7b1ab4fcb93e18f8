import type { TestApp } from './test-app';

/**
 * The billing invariants every billing test ends with (docs/billing.md, "Ledger"): each ledger
 * transaction balances per currency and has at least two entries; each invoice's total is the sum
 * of its lines and of its ledger debit; each line splits into developer and platform parts that
 * sum to it; refunds never exceed their line. Returns the problems found (empty: all hold).
 */
export async function ledgerProblems(t: Pick<TestApp, 'sql'>): Promise<string[]> {
  const problems: string[] = [];
  const unbalanced = await t.sql<{ transaction_id: string; currency: string; off: string }>(
    `SELECT transaction_id, currency, sum(amount_minor)::text AS off FROM ledger_entries GROUP BY 1, 2 HAVING sum(amount_minor) <> 0`,
  );
  problems.push(...unbalanced.map(r => `transaction ${r.transaction_id} is off by ${r.off} ${r.currency}`));
  const thin = await t.sql<{ id: string }>(
    `SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id GROUP BY t.id HAVING count(e.id) < 2`,
  );
  problems.push(...thin.map(r => `transaction ${r.id} has fewer than two entries`));
  const totals = await t.sql<{ id: string }>(
    `SELECT i.id FROM billing_invoices i LEFT JOIN billing_invoice_lines l ON l.invoice_id = i.id
      GROUP BY i.id, i.total_minor HAVING coalesce(sum(l.amount_minor), 0) <> i.total_minor`,
  );
  problems.push(...totals.map(r => `invoice ${r.id}: lines do not sum to the total`));
  const posted = await t.sql<{ id: string }>(
    `SELECT i.id FROM billing_invoices i
       LEFT JOIN ledger_transactions t ON t.reference = 'invoice:' || i.id
       LEFT JOIN ledger_entries e ON e.transaction_id = t.id AND e.amount_minor > 0
      GROUP BY i.id, i.total_minor HAVING coalesce(sum(e.amount_minor), 0) <> i.total_minor`,
  );
  problems.push(...posted.map(r => `invoice ${r.id}: the ledger debit differs from the total`));
  const split = await t.sql<{ id: string }>(
    `SELECT id FROM billing_invoice_lines WHERE developer_amount_minor + platform_fee_minor <> amount_minor OR refunded_minor > amount_minor`,
  );
  problems.push(...split.map(r => `line ${r.id} does not split or refund correctly`));
  const refunds = await t.sql<{ id: string }>(
    `SELECT l.id FROM billing_invoice_lines l LEFT JOIN billing_refunds r ON r.invoice_line_id = l.id
      GROUP BY l.id, l.refunded_minor HAVING coalesce(sum(r.amount_minor), 0) <> l.refunded_minor`,
  );
  problems.push(...refunds.map(r => `line ${r.id}: refunds do not sum to refunded_minor`));
  const whole = await t.sql<{ currency: string; total: string }>(`SELECT currency, sum(amount_minor)::text AS total FROM ledger_entries GROUP BY currency HAVING sum(amount_minor) <> 0`);
  problems.push(...whole.map(r => `the ledger as a whole is off by ${r.total} ${r.currency}`));
  return problems;
}

/** Registers the invariants as an afterEach of the calling describe block (every billing spec uses it). */
export function checkLedgerAfterEach(app: () => TestApp | undefined): void {
  afterEach(async () => {
    const t = app();
    if (t) expect(await ledgerProblems(t)).toEqual([]);
  });
}
