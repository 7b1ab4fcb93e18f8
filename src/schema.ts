import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, ContainerType, NonEmptyArray, PubSub } from 'type-graphql';
import { authChecker } from './shared/auth/auth-checker';
import { DateTimeScalar } from './shared/scalars';
import { AccountsResolver } from './modules/accounts/accounts.resolver';
import { OrganizationMemberResolver, OrganizationsResolver } from './modules/accounts/organizations.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuditActorResolver } from './modules/accounts/audit-actor.resolver';
import { DeadLettersResolver } from './jobs/dead-letters.resolver';
import { EventsResolver } from './modules/events/events.resolver';
import { ExtensionsResolver } from './modules/extensions/extensions.resolver';
import { PackagesResolver } from './modules/packages/packages.resolver';
import { ExtensionVersionsResolver } from './modules/versions/extension-versions.resolver';
import { VersionsResolver } from './modules/versions/versions.resolver';
import { ReviewResolver } from './modules/review/review.resolver';
import { CategoryCountResolver, ListingsResolver } from './modules/listings/listings.resolver';
import { ListingMediaResolver } from './modules/listings/listing-media.resolver';
import { InstallsResolver } from './modules/installs/installs.resolver';
import { DeprecationsResolver } from './modules/versions/deprecations.resolver';
import { RecommendationsResolver } from './modules/installs/recommendations.resolver';
import { UpgradesResolver } from './modules/installs/upgrades.resolver';
import { RolloutsResolver } from './modules/installs/rollouts.resolver';
import { WebhookDeliveryResolver, WebhooksResolver } from './modules/webhooks/webhooks.resolver';
import { ExtensionGitSourceResolver, GitHooksResolver } from './modules/packages/git-hooks.resolver';
import { HostingResolver, HostingReviewResolver, HostingVersionResolver } from './modules/hosting/hosting.resolver';
import { RatingsResolver } from './modules/ratings/ratings.resolver';
import { TrustResolver } from './modules/trust/trust.resolver';
import { BillingResolver, ExtensionPricingResolver, InvoiceLinesResolver, SubscriptionPricingResolver } from './modules/billing/billing.resolver';
import { RuntimeResolver } from './modules/runtime/runtime.resolver';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver';

/** Every resolver class; the composition root (app.ts) builds their instances. */
export const resolvers: NonEmptyArray<Function> = [
  AccountsResolver,
  OrganizationsResolver,
  OrganizationMemberResolver,
  EventsResolver,
  AuditResolver,
  AuditActorResolver,
  ExtensionsResolver,
  PackagesResolver,
  VersionsResolver,
  ExtensionVersionsResolver,
  ReviewResolver,
  ListingsResolver,
  CategoryCountResolver,
  ListingMediaResolver,
  InstallsResolver,
  DeprecationsResolver,
  RecommendationsResolver,
  UpgradesResolver,
  RolloutsResolver,
  WebhooksResolver,
  WebhookDeliveryResolver,
  DeadLettersResolver,
  GitHooksResolver,
  ExtensionGitSourceResolver,
  HostingResolver,
  HostingVersionResolver,
  HostingReviewResolver,
  RatingsResolver,
  TrustResolver,
  BillingResolver,
  InvoiceLinesResolver,
  SubscriptionPricingResolver,
  ExtensionPricingResolver,
  RuntimeResolver,
  AnalyticsResolver,
];

/**
 * Subscriptions here tail the durable event log (EventStream) through `subscribe`; topic-based
 * in-memory pubsub would lose events across processes, so none is offered.
 */
const noTopicPubSub: PubSub = {
  publish() {
    throw new Error('Topic pubsub is not used: write to the event log instead');
  },
  subscribe() {
    throw new Error('Topic pubsub is not used: subscribe with an EventStream tail');
  },
};

/** Builds the executable schema. `container` supplies resolver instances at run time. */
export async function buildPlazaSchema(container?: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    // type-graphql 2 turned input validation off by default: every input type is validated.
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    container,
    pubSub: noTopicPubSub,
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so diffs show real changes only. */
export function printPlazaSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
