import { startTestApp } from '../utils/test-app';

// Every test file's TestApp.close() checks the ledger's invariants (docs/billing.md, "Ledger"). The
// database itself refuses an unbalanced ledger transaction, so this test goes around its triggers
// (session_replication_role = replica) to plant one and shows that close() then fails the file.
describe('the ledger check in every test file teardown', () => {
  it('fails close() when the ledger does not balance', async () => {
    const t = await startTestApp();
    const balanced = await t.sql(`SELECT count(*)::int AS n FROM ledger_entries`);
    expect(balanced[0].n).toBe(0);
    await t.sql(`DO $$
      DECLARE tx uuid := gen_random_uuid();
      BEGIN
        SET LOCAL session_replication_role = replica;
        INSERT INTO ledger_transactions (id, kind, reference, posted_at) VALUES (tx, 'TEST', 'planted', now());
        INSERT INTO ledger_entries (transaction_id, account_id, currency, amount_minor) VALUES (tx, gen_random_uuid(), 'EUR', 100);
      END $$`);
    await expect(t.close()).rejects.toThrow(/ledger does not balance[\s\S]*off by 100 EUR/);
  });

  it('passes close() on a balanced (here empty) ledger', async () => {
    const t = await startTestApp();
    await expect(t.close()).resolves.toBeUndefined();
  });
});
