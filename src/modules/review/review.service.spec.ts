import { addBusinessDays, reviewStates } from './review.service';
import { ReviewState } from './review.entities';

describe('review SLA and state machine', () => {
  it('counts business days, skipping weekends', () => {
    const friday = new Date('2026-11-20T10:00:00Z');
    expect(addBusinessDays(friday, 2).toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(addBusinessDays(friday, 5).toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(addBusinessDays(new Date('2026-11-23T10:00:00Z'), 2).toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('allows only the listed transitions', () => {
    expect(reviewStates.canTransition(ReviewState.OPEN, ReviewState.IN_REVIEW)).toBe(true);
    expect(reviewStates.canTransition(ReviewState.OPEN, ReviewState.APPROVED)).toBe(false);
    expect(() => reviewStates.assertTransition(ReviewState.APPROVED, ReviewState.REJECTED)).toThrow(/cannot go from APPROVED to REJECTED/);
  });
});
