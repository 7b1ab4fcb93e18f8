import { formatMinor } from './money';

/** A payout as the provider sees it. */
export interface PayoutInstruction {
  payoutId: string;
  developerId: string;
  currency: string;
  amountMinor: number;
}

/**
 * How money leaves the platform (docs/billing.md, "Payment providers"). The ledger records a
 * payout first; the provider settles it. `record` runs inside the close transaction and must not
 * move money: it answers each payout's reference. A provider that moves money (Stripe Connect)
 * records here and transfers from a job after commit, with the payout id as its idempotency key.
 */
export interface PaymentProvider {
  readonly name: string;
  record(payouts: PayoutInstruction[]): Promise<Map<string, string>>;
}

/** Bank-file row: what a person settling payouts by hand needs. */
export interface BankFileRow {
  payoutId: string;
  developerName: string;
  contactEmail: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
}

/**
 * The built-in provider: payouts are recorded for manual settlement (reference `MANUAL-<id>`),
 * and an admin downloads the period's bank file (CSV) to pay them from the bank.
 */
export class ManualPaymentProvider implements PaymentProvider {
  readonly name = 'manual';

  async record(payouts: PayoutInstruction[]): Promise<Map<string, string>> {
    return new Map(payouts.map(p => [p.payoutId, `MANUAL-${p.payoutId.slice(0, 8).toUpperCase()}`]));
  }

  bankFile(rows: BankFileRow[]): string {
    const header = ['payout_id', 'payee', 'contact_email', 'amount', 'currency', 'amount_minor', 'reference'];
    const body = rows.map(r => [r.payoutId, r.developerName, r.contactEmail, formatMinor(r.amountMinor, r.currency).split(' ')[0], r.currency, String(r.amountMinor), r.reference ?? '']);
    return [header, ...body].map(cells => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

/** RFC 4180 quoting, and a leading =, +, - or @ neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
