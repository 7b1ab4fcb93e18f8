import type { RequestContext } from '../../context';
import { repo } from '../../db/transaction';
import type { MissingHostingCost } from '../../shared/errors';
import { hostingOf } from '../validation/hosting/hosting-rules';
import { HostingConsentEntity, HostingTierEntity } from './hosting.entities';

/**
 * What a managed version costs the customer, and the customer's acknowledgement of it
 * (docs/hosting.md "Cost and consent"). Plain functions over the caller's transaction, so the
 * installs module can call them inside its own install and upgrade transactions.
 */

export interface HostingPrice {
  tier: string;
  monthlyCostMinor: number;
  currency: string;
}

export interface CostAcknowledgement {
  tier: string;
  monthlyCostMinor: number;
  currency: string;
}

/** The tier and monthly cost of a managed version; null when it is not managed (or its tier is gone). */
export async function priceOf(ctx: RequestContext, manifest: unknown): Promise<HostingPrice | null> {
  const hosting = hostingOf(manifest, null);
  if (!hosting?.managed) return null;
  const tier = await repo(ctx, HostingTierEntity).findOneBy(hosting.tier ? { name: hosting.tier } : { isDefault: true });
  return tier ? { tier: tier.name, monthlyCostMinor: tier.monthlyCostMinor, currency: tier.currency } : null;
}

/** The price the caller must still acknowledge: null when nothing is due or `ack` matches it exactly. */
export function unacknowledged(price: HostingPrice | null, ack: CostAcknowledgement | null | undefined): MissingHostingCost | null {
  if (!price) return null;
  if (ack && ack.tier === price.tier && ack.monthlyCostMinor === price.monthlyCostMinor && ack.currency === price.currency) return null;
  return { ...price };
}

/** Records (or replaces) what the customer agreed to pay for an installation, in the caller's transaction. */
export async function recordCostConsent(tx: RequestContext, installationId: string, price: HostingPrice, userId: string): Promise<void> {
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(HostingConsentEntity)
    .values({ installationId, tier: price.tier, monthlyCostMinor: price.monthlyCostMinor, currency: price.currency, acknowledgedById: userId })
    .orUpdate(['tier', 'monthly_cost_minor', 'currency', 'acknowledged_by_id', 'acknowledged_at'], ['installation_id'])
    .execute();
}

/**
 * Does moving from `from` to `to` raise the cost above what was agreed? A version that becomes
 * managed, a dearer tier, or another currency all do; the same or a cheaper tier does not.
 */
export function raisesCost(agreed: HostingPrice | null, next: HostingPrice | null): boolean {
  if (!next) return false;
  if (!agreed) return true;
  return agreed.currency !== next.currency || next.monthlyCostMinor > agreed.monthlyCostMinor;
}
