import type { EntityManager } from 'typeorm';
import { createLoaders } from './loaders';
import { createListingsLoaders } from './modules/listings/listings.loaders';
import { createAccountsLoaders } from './modules/accounts/accounts.loaders';
import { startTestApp, type TestApp } from '../test/utils/test-app';
import { buildUser } from '../test/utils/factories';

describe('per-request loader bags (built on first use)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('offers every loader of every module, each built once per bag', () => {
    const manager = t.app.dataSource.manager;
    const bag = createLoaders(manager) as unknown as Record<string, unknown>;
    const names = [...Object.keys(createListingsLoaders(manager)), ...Object.keys(createAccountsLoaders(manager))];
    for (const name of names) {
      expect(bag[name]).toBeDefined();
      expect(bag[name]).toBe(bag[name]);
    }
  });

  it("gives each bag its own loaders, querying through the bag's own manager (caches never cross requests)", async () => {
    const user = await buildUser(t);
    const bagA = createLoaders(t.app.dataSource.manager);
    expect(bagA.userById).not.toBe(createLoaders(t.app.dataSource.manager).userById);
    expect((await bagA.userById.load(user.id))?.email).toBe(user.email);
    // A bag made inside a transaction reads that transaction's writes: its manager is the transaction's.
    await t.app.dataSource.transaction(async (tx: EntityManager) => {
      await tx.query(`UPDATE users SET display_name = 'Renamed in tx' WHERE id = $1`, [user.id]);
      expect((await createLoaders(tx).userById.load(user.id))?.displayName).toBe('Renamed in tx');
      // The first bag cached the user before: its loader answers from that cache.
      expect((await bagA.userById.load(user.id))?.displayName).not.toBe('Renamed in tx');
    });
  });

  it('builds a group at once, so loaders of one module that share state stay together', () => {
    const bag = createLoaders(t.app.dataSource.manager) as unknown as Record<string, unknown>;
    void bag.listingByExtensionId;
    // The group's other loaders are now the bag's own properties; another module's are still getters.
    expect(Object.getOwnPropertyDescriptor(bag, 'marketplaceCountByCategory')?.value).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(bag, 'userById')).toBeUndefined();
  });
});
