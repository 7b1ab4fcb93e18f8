import { validManifest, validPackage } from '../../../test/fixtures/packages';
import { MAX_ISSUES_PER_RULE, validatePackage } from './validate-package';

describe('validatePackage report size', () => {
  it('lists at most 100 issues per rule and counts the rest in one closing issue, keeping the counts exact', () => {
    const extra = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 0]));
    const report = validatePackage(validPackage(validManifest(extra)));
    expect(MAX_ISSUES_PER_RULE).toBe(100);
    expect(report.errorCount).toBe(60_000);
    expect(report.valid).toBe(false);
    const m3 = report.issues.filter(i => i.rule === 'M3');
    expect(m3).toHaveLength(101);
    expect(m3[0].message).toBe('[k0] Extra inputs are not permitted');
    expect(m3[100]).toMatchObject({ level: 'ERROR', message: '…and 59,900 more M3 errors like these (only the first 100 are listed)' });
    expect(JSON.stringify(report).length).toBeLessThan(100_000);
  });

  it('leaves a report under the cap untouched', () => {
    const report = validatePackage(validPackage(validManifest({ a: 1, b: 2 })));
    expect(report.issues.filter(i => i.rule === 'M3').map(i => i.message)).toEqual(['[a] Extra inputs are not permitted', '[b] Extra inputs are not permitted']);
    expect(report.errorCount).toBe(2);
  });
});
