import { BadUserInputError } from '../../shared/errors';
import { bayesianAverage, RATING_PRIOR_MEAN, summaryOf } from './ratings.service';
import { reviewText, starsOf } from './review-text';

describe('review text (docs/ratings.md, "Review text")', () => {
  const refused = (value: string, limit = 100) => {
    try {
      reviewText('body', value, limit);
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return (error as BadUserInputError).message;
    }
    throw new Error(`accepted ${JSON.stringify(value)}`);
  };

  it('keeps plain text, links and lone angle brackets as typed (trimmed)', () => {
    expect(reviewText('body', '  a < b, 2 > 1, <3, https://x.test/?q=<ok  ', 100)).toBe('a < b, 2 > 1, <3, https://x.test/?q=<ok');
    expect(reviewText('body', 'line\r\nbreak\ttab', 100)).toBe('line\nbreak\ttab');
    expect(reviewText('body', '   ', 100)).toBeNull();
    expect(reviewText('body', null, 100)).toBeNull();
  });

  it('refuses HTML elements, naming the tag', () => {
    expect(refused('hello <b>world</b>')).toMatch(/<b>/);
    expect(refused('<img src=x onerror=alert(1)>')).toMatch(/<img>/);
    expect(refused('<script>alert(1)</script>')).toMatch(/<script>/);
    expect(refused('<a href="https://x.test">x</a>')).toMatch(/<a>/);
  });

  it('refuses text over the limit (in characters, not bytes) and control characters', () => {
    expect(reviewText('body', 'é'.repeat(10), 10)).toBe('é'.repeat(10));
    expect(refused('é'.repeat(11), 10)).toMatch(/at most 10/);
    expect(refused('nul\u0000')).toMatch(/control/);
  });

  it('takes stars 1 to 5, integers only', () => {
    expect([1, 2, 3, 4, 5].map(starsOf)).toEqual([1, 2, 3, 4, 5]);
    for (const bad of [0, 6, -1, 2.5, NaN]) expect(() => starsOf(bad)).toThrow(BadUserInputError);
  });
});

describe('rating aggregates', () => {
  it('the Bayesian average starts at the prior mean and moves toward the observed mean', () => {
    expect(bayesianAverage(0, 0)).toBe(RATING_PRIOR_MEAN);
    expect(bayesianAverage(5, 1)).toBeLessThan(bayesianAverage(2400, 500));
  });

  it('summarises per-star counts into average, count and a 5-entry histogram', () => {
    expect(summaryOf(new Map([[5, 1], [4, 2], [1, 1]]))).toEqual({ average: 3.5, count: 4, histogram: [1, 0, 0, 2, 1] });
    expect(summaryOf(undefined)).toEqual({ average: null, count: 0, histogram: [0, 0, 0, 0, 0] });
  });
});
