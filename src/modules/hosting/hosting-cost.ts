import { In } from 'typeorm';
import type { RequestContext } from '../../context';
import type { EventLog } from '../events/event-log';
import { repo } from '../../db/transaction';
import type { MissingHostingCost } from '../../shared/errors';
import { EventTypes } from '../events/event-types';
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

/** `priceOf` for many manifests with one read of the tier table (no round trip per version). */
export async function pricer(ctx: RequestContext): Promise<(manifest: unknown) => HostingPrice | null> {
  return pricerFrom(await repo(ctx, HostingTierEntity).find());
}

/** `priceOf` over a tier table already read (a request's `hostingTierTable` loader). */
export function pricerFrom(tiers: HostingTierEntity[]): (manifest: unknown) => HostingPrice | null {
  const byName = new Map(tiers.map(t => [t.name, t]));
  const fallback = tiers.find(t => t.isDefault);
  return manifest => {
    const hosting = hostingOf(manifest, null);
    if (!hosting?.managed) return null;
    const tier = hosting.tier ? byName.get(hosting.tier) : fallback;
    return tier ? { tier: tier.name, monthlyCostMinor: tier.monthlyCostMinor, currency: tier.currency } : null;
  };
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

/** What an installation agreed to pay, or null (never acknowledged: it was not managed). */
export async function agreedPrice(ctx: RequestContext, installationId: string): Promise<HostingPrice | null> {
  const row = await repo(ctx, HostingConsentEntity).findOneBy({ installationId });
  return row && { tier: row.tier, monthlyCostMinor: row.monthlyCostMinor, currency: row.currency };
}

const money = (p: HostingPrice | null) => (p ? { amountMinor: p.monthlyCostMinor, currency: p.currency } : null);

/**
 * `hosting.tier_changed` for every active installation whose version runs on another tier
 * than `target` (docs/events.md), in one statement; a rollout calls it while it holds its
 * extension's rollout lock (docs/security.md, "Concurrency"). `needsConsent` says the new cost exceeds what the installation agreed
 * to: the rollout leaves it where it is and offers the upgrade instead. Returns the target's price.
 */
export async function announceTierChange(
  tx: RequestContext,
  events: EventLog,
  target: { id: string; version: string; manifest: unknown },
  extension: { id: string; appId: string },
  /** A condition on installations `i` that narrows the announcement (a rollout batch's range and cohort). */
  installationFilter = 'TRUE',
): Promise<{ price: HostingPrice | null; announced: number }> {
  const price = await priceOf(tx, target.manifest);
  const froms: { id: string; manifest: unknown }[] = await tx.manager.query(
    `SELECT DISTINCT v.id, v.manifest FROM installations i JOIN extension_versions v ON v.id = i.version_id
      WHERE i.extension_id = $1 AND i.status = 'ACTIVE' AND i.source <> 'STAGING' AND i.version_id <> $2 AND ${installationFilter}`,
    [extension.id, target.id],
  );
  const changed: Record<string, { fromTier: string | null; fromMonthlyCost: ReturnType<typeof money> }> = {};
  const price$ = await pricer(tx);
  for (const from of froms) {
    const before = price$(from.manifest);
    if ((before?.tier ?? null) !== (price?.tier ?? null)) changed[from.id] = { fromTier: before?.tier ?? null, fromMonthlyCost: money(before) };
  }
  if (!Object.keys(changed).length) return { price, announced: 0 };
  const [{ announced }] = await tx.manager.query(
    `WITH logged AS (
       ${events.insertManySql(EventTypes.HOSTING_TIER_CHANGED, {
         from: `installations i JOIN extension_versions v ON v.id = i.version_id
                 WHERE i.extension_id = $8 AND i.status = 'ACTIVE' AND i.source <> 'STAGING' AND i.version_id = ANY($9::uuid[])
                   AND ${installationFilter}`,
         appId: '$1',
         version: '$2',
         subjectType: `'Installation'`,
         subjectId: 'i.id::text',
         audienceUserId: 'coalesce(i.owner_user_id, i.installed_by_id)',
         data: `jsonb_build_object('installationId', i.id, 'organizationId', i.organization_id,
                                 'fromVersion', v.version, 'toVersion', $2::text,
                                 'fromTier', $3::jsonb -> v.id::text -> 'fromTier', 'toTier', to_jsonb($4::text),
                                 'fromMonthlyCost', $3::jsonb -> v.id::text -> 'fromMonthlyCost', 'toMonthlyCost', $5::jsonb,
                                 'needsConsent', $6::int IS NOT NULL AND NOT EXISTS (
                                   SELECT 1 FROM installation_hosting_consents h
                                    WHERE h.installation_id = i.id AND h.currency = $7 AND h.monthly_cost_minor >= $6))`,
       })}
       RETURNING 1
     )
     SELECT count(*)::int AS announced FROM logged`,
    [
      extension.appId,
      target.version,
      JSON.stringify(changed),
      price?.tier ?? null,
      JSON.stringify(money(price)),
      price?.monthlyCostMinor ?? null,
      price?.currency ?? null,
      extension.id,
      Object.keys(changed),
    ],
  );
  return { price, announced };
}

export interface TierNotice {
  installationId: string;
  currentVersionId: string;
  recommendedVersionId: string;
  fromTier: string | null;
  toTier: string | null;
  from: HostingPrice | null;
  to: HostingPrice | null;
  /** The new cost exceeds what the installation agreed to: moving needs the cost acknowledged. */
  needsConsent: boolean;
}

/**
 * The tier-change notices for `upgradeRecommendations`: installations whose extension has a
 * newer published version on another tier than theirs (and so did not simply move).
 */
export async function tierNotices(ctx: RequestContext, installations: { id: string; extensionId: string; versionId: string }[]): Promise<TierNotice[]> {
  if (!installations.length) return [];
  const rows: { installation_id: string; current_id: string; current_manifest: unknown; newest_id: string; newest_manifest: unknown }[] = await ctx.manager.query(
    `SELECT i.id AS installation_id, cur.id AS current_id, cur.manifest AS current_manifest, n.id AS newest_id, n.manifest AS newest_manifest
       FROM installations i
       JOIN extension_versions cur ON cur.id = i.version_id
       JOIN LATERAL (
         SELECT v.id, v.manifest FROM extension_versions v
          WHERE v.extension_id = i.extension_id AND v.status = 'PUBLISHED'
          ORDER BY v.published_at DESC NULLS LAST LIMIT 1
       ) n ON n.id <> cur.id
      WHERE i.id = ANY($1::uuid[])`,
    [installations.map(i => i.id)],
  );
  const notices: TierNotice[] = [];
  const price$ = await pricer(ctx);
  const changed = rows.filter(row => (price$(row.current_manifest)?.tier ?? null) !== (price$(row.newest_manifest)?.tier ?? null));
  if (!changed.length) return [];
  const consents = new Map(
    (await repo(ctx, HostingConsentEntity).findBy({ installationId: In(changed.map(r => r.installation_id)) })).map(c => [
      c.installationId,
      { tier: c.tier, monthlyCostMinor: c.monthlyCostMinor, currency: c.currency },
    ]),
  );
  for (const row of changed) {
    const [from, to] = [price$(row.current_manifest), price$(row.newest_manifest)];
    const agreed = consents.get(row.installation_id) ?? null;
    notices.push({
      installationId: row.installation_id,
      currentVersionId: row.current_id,
      recommendedVersionId: row.newest_id,
      fromTier: from?.tier ?? null,
      toTier: to?.tier ?? null,
      from,
      to,
      needsConsent: raisesCost(agreed, to),
    });
  }
  return notices;
}
