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
import { createRuntimeLoaders } from './modules/runtime/runtime.loaders';

/**
 * A fresh bag of DataLoaders for one request (caches must never cross users). Subscriptions
 * build a new bag per event, since their context lives as long as the stream.
 */
export function createLoaders(manager: EntityManager): Loaders {
  return {
    ...createAccountsLoaders(manager),
    ...createExtensionsLoaders(manager),
    ...createVersionsLoaders(manager),
    ...createInstallsLoaders(manager),
    ...createListingsLoaders(manager),
    ...createListingMediaLoaders(manager),
    ...createReviewLoaders(manager),
    ...createWebhooksLoaders(manager),
    ...createGitHooksLoaders(manager),
    ...createHostingLoaders(manager),
    ...createRatingsLoaders(manager),
    ...createRuntimeLoaders(manager),
  };
}
