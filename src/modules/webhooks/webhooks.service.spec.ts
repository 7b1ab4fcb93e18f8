import { retryDelayMs } from './webhooks.service';

describe('webhook retry schedule', () => {
  const settings = { retryBaseMs: 30_000, retryMaxDelayMs: 6 * 3600_000 };

  it('doubles from the base delay up to the cap', () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map(n => retryDelayMs(n, settings, middle))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30, settings, middle)).toBe(6 * 3600_000);
  });

  it('jitters each delay within ±25%', () => {
    expect(retryDelayMs(3, settings, () => 0)).toBe(90_000);
    expect(retryDelayMs(3, settings, () => 0.999999)).toBeCloseTo(150_000, -1);
  });

  it('keeps retrying through at least three days with the default settings', () => {
    let elapsed = 0;
    let attempts = 1;
    while (elapsed < 3 * 86400_000) elapsed += retryDelayMs(attempts++, settings, () => 0.5);
    expect(attempts).toBeGreaterThan(15);
    expect(attempts).toBeLessThan(30);
  });
});
