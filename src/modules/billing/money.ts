import { BadUserInputError } from '../../shared/errors';

/**
 * Money rules (docs/billing.md, "Money and rounding"): integer minor units and an ISO 4217
 * currency, never floats. PostgreSQL bigint arrives as a string; `minor` reads it and refuses
 * anything that is not an exact safe integer.
 */
export const BPS = 10_000;

export function minor(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Not an exact integer amount of minor units: ${String(value)}`);
  return n;
}

/** Three upper-case letters (ISO 4217 codes are; the list itself is the payment provider's concern). */
export function currencyOf(value: string, field = 'currency'): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw BadUserInputError.field(field, `${field} must be an ISO 4217 code such as EUR or USD`);
  return code;
}

/**
 * The rounding rule of the revenue share: the developer gets floor(amount × bps / 10 000) and the
 * platform the rest, so the two parts always sum to the whole and a fraction of a cent goes to
 * the platform. The period close computes the same expression in SQL (`shareSql`); a test checks
 * that they agree on many random amounts.
 */
export function splitShare(amountMinor: number, developerShareBps: number): { developer: number; platform: number } {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new Error(`amount must be a non-negative integer, got ${amountMinor}`);
  if (!Number.isInteger(developerShareBps) || developerShareBps < 0 || developerShareBps > BPS) throw new Error(`share must be 0..${BPS} bps`);
  const developer = Number((BigInt(amountMinor) * BigInt(developerShareBps)) / BigInt(BPS));
  return { developer, platform: amountMinor - developer };
}

/** SQL for the developer part of `amount` at `bps` (bigint arithmetic, truncation = floor for amounts ≥ 0). */
export function shareSql(amount: string, bps: string): string {
  return `((${amount})::bigint * (${bps})::bigint / ${BPS})`;
}

/**
 * The developer part a refund reverses (docs/billing.md, "Refunds"): proportional to the line,
 * computed on the cumulative refunded amount so that refunding a line in parts reverses exactly
 * what refunding it at once would, and a full refund reverses the developer's whole share.
 */
export function refundReversal(
  line: { amountMinor: number; developerAmountMinor: number; refundedMinor: number },
  refundMinor: number,
): { developer: number; platform: number } {
  const { amountMinor, developerAmountMinor, refundedMinor } = line;
  if (!Number.isSafeInteger(refundMinor) || refundMinor <= 0) throw BadUserInputError.field('amountMinor', 'amountMinor must be a positive integer');
  if (refundedMinor + refundMinor > amountMinor) {
    throw BadUserInputError.field('amountMinor', `At most ${amountMinor - refundedMinor} minor units of this line are left to refund`);
  }
  const reversedBefore = cumulativeReversal(developerAmountMinor, amountMinor, refundedMinor);
  const reversedAfter = cumulativeReversal(developerAmountMinor, amountMinor, refundedMinor + refundMinor);
  const developer = reversedAfter - reversedBefore;
  return { developer, platform: refundMinor - developer };
}

function cumulativeReversal(developerAmount: number, amount: number, refunded: number): number {
  if (amount === 0) return 0;
  return Number((BigInt(developerAmount) * BigInt(refunded)) / BigInt(amount));
}

/** 1234 EUR → "12.34 EUR" (2-decimal currencies; for statements and messages only, never arithmetic). */
export function formatMinor(amountMinor: number, currency: string): string {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** The UTC calendar month containing `at`: billing periods are months (docs/billing.md, "Periods"). */
export function monthOf(at: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { start, end };
}

/** "2026-03" → the month; BAD_USER_INPUT otherwise. */
export function parsePeriod(value: string, field = 'period'): { start: Date; end: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  if (!match) throw BadUserInputError.field(field, `${field} must be a month written YYYY-MM`);
  return monthOf(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

export function periodLabel(start: Date): string {
  return `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}
