import { systemContext } from '../../src/context';
import { withTransaction } from '../../src/db/transaction';
import { createLoaders } from '../../src/loaders';
import { InvalidStateError } from '../../src/shared/errors';
import { ExtensionVersionEntity, VersionStatus } from '../../src/modules/versions/version.entity';
import { VersionLifecycle, versionStates } from '../../src/modules/versions/version-lifecycle';
import { buildDeveloper } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { startTestApp, TestApp } from '../utils/test-app';

const ALL = Object.values(VersionStatus);

describe('the version lifecycle (docs/architecture.md, "Version lifecycle")', () => {
  let t: TestApp;
  let versionId: string;
  // A lifecycle without the app's guards (the listing check on PUBLISHED): this walks the table.
  let lifecycle: VersionLifecycle;

  beforeAll(async () => {
    t = await startTestApp();
    const dev = await buildDeveloper(t);
    await t.gql(`mutation { claimExtension(input: { appId: "walker", displayName: "Walker", category: "productivity" }) { id } }`, {}, dev.token);
    const submitted = await submitZip(t, dev.token, 'walker', await zipOf(packageFor('walker', 'Walker')));
    versionId = (await waitForValidation(t, dev.token, submitted.data!.submitVersion.id)).id;
    lifecycle = new VersionLifecycle(t.app.services.events);
  }, 60_000); // a real submission and its validation
  afterAll(() => t.close());

  const context = () => {
    const manager = t.app.dataSource.manager;
    return systemContext(manager, t.app.logger, createLoaders(manager), t.app.container, 'lifecycle-walk');
  };

  /** Puts the real version row in `from`, then asks the lifecycle to move it to `to`. */
  async function attempt(from: VersionStatus, to: VersionStatus): Promise<{ error: unknown; status: string }> {
    await t.sql(`UPDATE extension_versions SET status = $2 WHERE id = $1`, [versionId, from]);
    let error: unknown = null;
    try {
      await withTransaction(context(), async tx => {
        const version = await tx.manager.findOneByOrFail(ExtensionVersionEntity, { id: versionId });
        await lifecycle.transition(tx, version, to, 'walking the table');
      });
    } catch (e) {
      error = e;
    }
    const [{ status }] = await t.sql(`SELECT status FROM extension_versions WHERE id = $1`, [versionId]);
    return { error, status };
  }

  it('allows exactly the moves in the table and refuses every other pair with INVALID_STATE', async () => {
    const allowed: string[] = [];
    for (const from of ALL) {
      for (const to of ALL) {
        const { error, status } = await attempt(from, to);
        if (versionStates.canTransition(from, to)) {
          expect({ from, to, error }).toEqual({ from, to, error: null });
          expect(status).toBe(to);
          allowed.push(`${from}->${to}`);
        } else {
          expect({ from, to, refused: error instanceof InvalidStateError }).toEqual({ from, to, refused: true });
          expect((error as InvalidStateError).code).toBe('INVALID_STATE');
          expect(status).toBe(from);
        }
      }
    }
    // The table itself, so a change to it is a visible change to this test.
    expect(allowed.sort()).toEqual(
      [
        'SUBMITTED->VALIDATING',
        'SUBMITTED->WITHDRAWN',
        'VALIDATING->VALIDATION_FAILED',
        'VALIDATING->PENDING_REVIEW',
        'VALIDATING->APPROVED',
        'VALIDATING->WITHDRAWN',
        'PENDING_REVIEW->IN_REVIEW',
        'PENDING_REVIEW->WITHDRAWN',
        'IN_REVIEW->APPROVED',
        'IN_REVIEW->CHANGES_REQUESTED',
        'IN_REVIEW->REJECTED',
        'IN_REVIEW->WITHDRAWN',
        'CHANGES_REQUESTED->WITHDRAWN',
        'APPROVED->PUBLISHED',
        'PUBLISHED->DEPRECATED',
        'PUBLISHED->SUSPENDED',
        'SUSPENDED->PUBLISHED',
      ].sort(),
    );
  }, 60_000); // 121 transactions: about 10 s on an idle 2-core machine

  it('never overwrites a move made since the row was read', async () => {
    await t.sql(`UPDATE extension_versions SET status = 'PENDING_REVIEW' WHERE id = $1`, [versionId]);
    const stale = await t.app.dataSource.manager.findOneByOrFail(ExtensionVersionEntity, { id: versionId });
    // Someone else withdraws it first.
    await t.sql(`UPDATE extension_versions SET status = 'WITHDRAWN' WHERE id = $1`, [versionId]);
    await expect(withTransaction(context(), tx => lifecycle.transition(tx, stale, VersionStatus.IN_REVIEW, 'claiming its review'))).rejects.toThrow(InvalidStateError);
    const moved = await withTransaction(context(), tx => lifecycle.transitionIfStill(tx, stale, VersionStatus.IN_REVIEW, 'claiming its review'));
    expect(moved).toBe(false);
    expect((await t.sql(`SELECT status FROM extension_versions WHERE id = $1`, [versionId]))[0].status).toBe('WITHDRAWN');
  });

  it('runs a guard a higher module adds, and a refusing guard leaves the row alone', async () => {
    const guarded = new VersionLifecycle(t.app.services.events);
    guarded.guard(VersionStatus.PUBLISHED, async () => {
      throw new InvalidStateError('The listing is incomplete: title');
    });
    await t.sql(`UPDATE extension_versions SET status = 'APPROVED' WHERE id = $1`, [versionId]);
    await expect(
      withTransaction(context(), async tx => guarded.transition(tx, await tx.manager.findOneByOrFail(ExtensionVersionEntity, { id: versionId }), VersionStatus.PUBLISHED, 'publishing it')),
    ).rejects.toThrow('The listing is incomplete: title');
    expect((await t.sql(`SELECT status FROM extension_versions WHERE id = $1`, [versionId]))[0].status).toBe('APPROVED');
  });
});
