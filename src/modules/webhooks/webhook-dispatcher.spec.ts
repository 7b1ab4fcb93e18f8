import type { RequestContext } from '../../context';
import type { Logger } from '../../shared/logger';
import type { EventStream } from '../events/event-stream';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { WebhooksService } from './webhooks.service';

/**
 * The dispatcher's scheduling, on fake timers: passes start at most every `gatherMs`, wake-ups
 * during a pass or its wait fold into one more pass, a full batch is followed at once by another,
 * and the delivery workers are woken only by a pass that created deliveries. The passes
 * themselves (SQL, the cursor, visibility) are tested against PostgreSQL in webhooks.e2e-spec.ts
 * and event-order.e2e-spec.ts.
 */
describe('WebhookDispatcher scheduling', () => {
  const GATHER_MS = 50;
  const POLL_MS = 60_000;
  const BATCH = 500;

  let commitListeners: (() => void)[];
  let passes: { resolve: (result: { consumed: number; deliveries: number }) => void }[];
  let woken: number;
  let dispatcher: WebhookDispatcher;

  const commit = () => commitListeners.forEach(listener => listener());
  /** Lets the dispatcher's promise chain run (no timer advances). */
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const finishPass = async (consumed: number, deliveries = 0) => {
    passes[passes.length - 1].resolve({ consumed, deliveries });
    await settle();
  };

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    commitListeners = [];
    passes = [];
    woken = 0;
    const webhooks = {
      dispatchBatchSize: BATCH,
      dispatchPass: () => new Promise(resolve => passes.push({ resolve })),
    } as unknown as WebhooksService;
    const stream = {
      onCommit: (listener: () => void) => {
        commitListeners.push(listener);
        return () => (commitListeners = commitListeners.filter(l => l !== listener));
      },
    } as unknown as EventStream;
    const logger = { error: jest.fn() } as unknown as Logger;
    dispatcher = new WebhookDispatcher(webhooks, stream, () => ({}) as RequestContext, logger, () => woken++, POLL_MS, GATHER_MS);
  });

  afterEach(async () => {
    const stopped = dispatcher.stop();
    passes.forEach(p => p.resolve({ consumed: 0, deliveries: 0 }));
    await settle();
    jest.advanceTimersByTime(GATHER_MS);
    await stopped;
    jest.useRealTimers();
  });

  it('folds every commit during a pass into one more pass, started a gather interval after the first', async () => {
    dispatcher.start();
    await settle();
    expect(passes).toHaveLength(1); // the start-up pass runs at once
    for (let i = 0; i < 20; i++) commit();
    jest.advanceTimersByTime(10);
    await finishPass(3);
    expect(passes).toHaveLength(1); // 10 ms after the first pass began: it waits for the rest of the interval
    jest.advanceTimersByTime(GATHER_MS - 10 - 1);
    await settle();
    expect(passes).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await settle();
    expect(passes).toHaveLength(2); // one pass for all twenty commits
    await finishPass(20);
    jest.advanceTimersByTime(GATHER_MS * 4);
    await settle();
    expect(passes).toHaveLength(2); // nothing committed since: no more passes
  });

  it('waits out the interval for a commit that comes just after a pass', async () => {
    dispatcher.start();
    await settle();
    await finishPass(1);
    jest.advanceTimersByTime(5);
    commit();
    await settle();
    expect(passes).toHaveLength(1);
    jest.advanceTimersByTime(GATHER_MS - 5);
    await settle();
    expect(passes).toHaveLength(2);
  });

  it('starts at once on a commit after a quiet spell', async () => {
    dispatcher.start();
    await settle();
    await finishPass(0);
    jest.advanceTimersByTime(GATHER_MS * 10);
    commit();
    await settle();
    expect(passes).toHaveLength(2);
  });

  it('runs the next pass at once after a full batch (more events may be waiting)', async () => {
    dispatcher.start();
    await settle();
    await finishPass(BATCH);
    expect(passes).toHaveLength(2);
    await finishPass(BATCH);
    expect(passes).toHaveLength(3);
    await finishPass(7);
    expect(passes).toHaveLength(3);
  });

  it('wakes the delivery workers only after a pass that created deliveries', async () => {
    dispatcher.start();
    await settle();
    await finishPass(40, 0);
    expect(woken).toBe(0);
    commit();
    jest.advanceTimersByTime(GATHER_MS);
    await settle();
    await finishPass(2, 3);
    expect(woken).toBe(1);
  });

  it('stops while waiting out the interval, without another pass', async () => {
    dispatcher.start();
    await settle();
    commit();
    await finishPass(1);
    const stopped = dispatcher.stop();
    await settle();
    await stopped;
    jest.advanceTimersByTime(GATHER_MS * 2);
    await settle();
    expect(passes).toHaveLength(1);
  });
});
