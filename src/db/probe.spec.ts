import { createTestDatabase } from '../../test/utils/test-app';
import { createLogger } from '../shared/logger';
import { DatabaseProbe } from './probe';
import { DEFAULT_DB_TIMEOUTS } from './timeouts';

/** Blocks the event loop, as a long synchronous validation in the API process does. */
function stallFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe('DatabaseProbe', () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('does not count a probe whose reply arrived while the event loop was stalled past the deadline', async () => {
    let trips = 0;
    const probe = new DatabaseProbe(db.url, DEFAULT_DB_TIMEOUTS, { intervalMs: 60_000, timeoutMs: 300, failuresToTrip: 1, onTrip: () => trips++ }, createLogger('silent'));
    try {
      expect(await probe.probe()).toBe(true); // connected
      const answer = probe.probe();
      stallFor(800); // the reply is in the socket, the deadline is overdue: both are due together
      expect(await answer).toBe(true);
      expect(trips).toBe(0);
      expect(probe.available).toBe(true);
    } finally {
      await probe.stop();
    }
  });
});
