import { seededRandom } from '../../../test/utils/random';
import { formatMinor, monthOf, parsePeriod, refundReversal, splitShare } from './money';

/** Property tests of the rounding rules (docs/billing.md, "Money and rounding"): seeded, so a failure reproduces. */
describe('billing money rules', () => {
  const random = seededRandom(17);
  const int = (max: number) => Math.floor(random() * (max + 1));
  /** Amounts across magnitudes: a few cents to ten billion minor units. */
  const amount = () => int(10 ** (1 + int(10)));

  it('splits every amount into developer and platform parts that sum to the whole, the developer never over the exact share', () => {
    // Checked without an expect per case (jest's matchers dominate the time); failures are collected and shown.
    const failures: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const total = amount();
      const bps = int(10_000);
      const { developer, platform } = splitShare(total, bps);
      // floor: within one minor unit under the exact share (total × bps / 10 000), never above it.
      const exact = BigInt(total) * BigInt(bps);
      const scaled = BigInt(developer) * 10_000n;
      if (developer + platform !== total || developer < 0 || platform < 0 || scaled > exact || exact - scaled >= 10_000n) failures.push(`${total} at ${bps} bps: ${developer} + ${platform}`);
    }
    expect(failures).toEqual([]);
  });

  it('reverses exactly the developer share however a line is refunded in parts, each part splitting into its whole', () => {
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const total = 1 + amount();
      const { developer } = splitShare(total, int(10_000));
      const line = { amountMinor: total, developerAmountMinor: developer, refundedMinor: 0 };
      let reversed = 0;
      while (line.refundedMinor < total) {
        const left = total - line.refundedMinor;
        const part = random() < 0.3 ? left : 1 + int(left - 1);
        const split = refundReversal(line, part);
        if (split.developer + split.platform !== part || split.developer < 0 || split.platform < 0) failures.push(`${total}: part ${part} split ${split.developer}/${split.platform}`);
        reversed += split.developer;
        line.refundedMinor += part;
      }
      if (reversed !== developer) failures.push(`${total}: reversed ${reversed} of ${developer}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses refunds of nothing, of negative amounts and of more than is left', () => {
    const line = { amountMinor: 1000, developerAmountMinor: 800, refundedMinor: 900 };
    expect(() => refundReversal(line, 0)).toThrow(/positive/);
    expect(() => refundReversal(line, -1)).toThrow(/positive/);
    expect(() => refundReversal(line, 101)).toThrow(/At most 100/);
    expect(() => refundReversal(line, 1.5)).toThrow(/positive/);
  });

  it('refuses shares and amounts outside the rules', () => {
    expect(() => splitShare(-1, 8000)).toThrow();
    expect(() => splitShare(1.5, 8000)).toThrow();
    expect(() => splitShare(100, 10_001)).toThrow();
    expect(() => splitShare(100, -1)).toThrow();
  });

  it('formats minor units and reads periods as UTC months', () => {
    expect(formatMinor(123456, 'EUR')).toBe('1234.56 EUR');
    expect(formatMinor(-5, 'USD')).toBe('-0.05 USD');
    expect(parsePeriod('2027-12')).toEqual({ start: new Date('2027-12-01T00:00:00Z'), end: new Date('2028-01-01T00:00:00Z') });
    expect(() => parsePeriod('2027-13')).toThrow(/YYYY-MM/);
    expect(monthOf(new Date('2027-02-28T23:59:59.999Z')).end).toEqual(new Date('2027-03-01T00:00:00Z'));
  });
});
