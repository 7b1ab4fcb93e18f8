import type { EntityManager } from 'typeorm';
import type { Loaders } from './context';
import { createAccountsLoaders } from './modules/accounts/accounts.loaders';
import { createExtensionsLoaders } from './modules/extensions/extensions.loaders';
import { createInstallsLoaders } from './modules/installs/installs.loaders';
import { createListingMediaLoaders, createListingsLoaders } from './modules/listings/listings.loaders';
import { createVersionsLoaders } from './modules/versions/versions.loaders';
import { createReviewLoaders } from './modules/review/review.loaders';
import { createWebhooksLoaders } from './modules/webhooks/webhooks.loaders';
import { createGitHooksLoaders } from './modules/packages/git-hooks.loaders';
import { createHostingLoaders } from './modules/hosting/hosting.loaders';
import { createRatingsLoaders } from './modules/ratings/ratings.loaders';
import { createTrustLoaders } from './modules/trust/trust.loaders';
import { createBillingLoaders } from './modules/billing/billing.loaders';
import { createRuntimeLoaders } from './modules/runtime/runtime.loaders';

type LoaderFactory = (manager: EntityManager) => object;

/** Every module's loader factory; each returns a group of loaders that may share state. */
const FACTORIES: LoaderFactory[] = [
  createAccountsLoaders,
  createExtensionsLoaders,
  createVersionsLoaders,
  createInstallsLoaders,
  createListingsLoaders,
  createListingMediaLoaders,
  createReviewLoaders,
  createWebhooksLoaders,
  createGitHooksLoaders,
  createHostingLoaders,
  createRatingsLoaders,
  createTrustLoaders,
  createBillingLoaders,
  createRuntimeLoaders,
];

const MANAGER = Symbol('manager');

/**
 * The bag's prototype: one getter per loader name. Reading a name builds that name's whole
 * group for this bag (its factory runs once, with the bag's manager) and stores the group's
 * loaders on the bag, so later reads are plain properties. Building all 32 loaders for every
 * request cost about 1.5% of a request's CPU plus their garbage, while a request uses a few.
 */
const lazyLoaders: object = {};
// The names each factory gives, learnt once: factories only construct loaders and must not touch
// the manager until a load (the placeholder throws if one does, at start-up rather than per request).
const untouchable = new Proxy({} as EntityManager, {
  get(_target, property) {
    throw new Error(`A loader factory used the manager (${String(property)}) while building its loaders; it may only do so inside a load`);
  },
});
for (const factory of FACTORIES) {
  const names = Object.keys(factory(untouchable));
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(lazyLoaders, name)) throw new Error(`Two loader factories define "${name}"`);
    Object.defineProperty(lazyLoaders, name, {
      enumerable: true,
      get(this: Record<string | symbol, unknown>) {
        const group = factory(this[MANAGER] as EntityManager) as Record<string, unknown>;
        for (const n of names) Object.defineProperty(this, n, { value: group[n], enumerable: true });
        return group[name];
      },
    });
  }
}

/**
 * A fresh bag of DataLoaders for one request (caches must never cross users). Subscriptions
 * build a new bag per event, since their context lives as long as the stream. Each module's
 * loaders are built when the request first uses one of them.
 */
export function createLoaders(manager: EntityManager): Loaders {
  const bag = Object.create(lazyLoaders) as Record<symbol, unknown>;
  bag[MANAGER] = manager;
  return bag as unknown as Loaders;
}
