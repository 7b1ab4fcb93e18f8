import { prepared } from '../../db/prepared';
import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { AuthedContext, RequestContext, RuntimeContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import type { Clock } from '../../shared/clock';
import { Role } from '../../shared/auth/roles';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
} from '../../shared/errors';
import { OrganizationAccess, organizationAccess } from '../accounts/organization.policy';
import type { OrganizationsService } from '../accounts/organizations.service';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { InstallsService } from '../installs/installs.service';
import { mayChangePricing } from './availability';
import {
  BillingInterval,
  ExtensionPricingEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceLineKind,
  PricingModel,
  RefundEntity,
  SubscriptionEntity,
  SubscriptionStatus,
} from './billing.entities';
import { canSeeCustomerBilling, canSeeDeveloperBilling } from './billing.policy';
import { Accounts, post } from './ledger';
import { currencyOf, minor, monthOf, parsePeriod, refundReversal } from './money';

export interface PricingRequest {
  model: PricingModel;
  currency?: string | null;
  interval?: BillingInterval | null;
  priceMinor?: number | null;
  unitName?: string | null;
  unitPriceMinor?: number | null;
  includedUnits?: number | null;
  capMinor?: number | null;
  trialDays?: number | null;
}

export interface UsageRequest {
  installationId: string;
  units: number;
  idempotencyKey: string;
  occurredAt: Date;
}

export interface EarningsRow {
  developerId: string;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  grossMinor: number;
  developerMinor: number;
  platformFeeMinor: number;
  refundedMinor: number;
  reversedMinor: number;
  lines: InvoiceLineEntity[];
}

const MAX_UNITS = 1_000_000_000;
/** A report may be dated this far ahead of the platform clock (clock skew of the extension's backend). */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const MAX_MINOR = 1_000_000_000_00; // 1e9 major units: far beyond any price, well inside bigint

/** The extension's current pricing revision (the newest), as a one-row `SELECT id`. */
const currentPricingIdSql = (extensionIdSql: string) => `SELECT id FROM extension_pricing WHERE extension_id = ${extensionIdSql} ORDER BY revision DESC LIMIT 1`;

/**
 * Paid extensions (docs/billing.md): pricing revisions, subscriptions created by the install
 * (a consent the installs module runs for billing), usage reports, refunds and the revenue-share
 * terms, and the customer and developer read models. Writes only billing tables; reads
 * installations, extensions and organizations by SQL.
 */
export class BillingService {
  /**
   * App ids whose price consent found no price, per open transaction (its EntityManager, released
   * with it). The extension cannot gain a price before that transaction ends: a price changes only
   * while the extension is paused, and the install holds a share lock on the extension's row
   * while it checks that it is listed. Most installs are of free extensions; this saves each a read.
   */
  private readonly freeByConsent = new WeakMap<EntityManager, Set<string>>();

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    installs: InstallsService,
  ) {
    installs.addConsentCheck((tx, install) => this.priceConsent(tx, install.extension, install.request.price?.pricingId ?? null));
    // Only a marketplace install subscribes (system apps and staging installs never do), and not
    // to an extension its price consent, earlier in the same transaction, found free.
    events.on(EventTypes.INSTALLATION_CREATED, async (tx, event) => {
      if (event.data.source !== 'USER') return;
      if (event.appId && this.freeByConsent.get(tx.manager)?.has(event.appId)) return;
      await this.subscribe(tx, event.subjectId, event.audienceUserId);
    });
    events.on(EventTypes.INSTALLATION_UNINSTALLED, (tx, event) => this.cancelAtPeriodEnd(tx, event.subjectId, event.audienceUserId));
  }

  // ---- pricing ------------------------------------------------------------------------------

  /** The price new installs pay: the newest revision, or null (free, never priced). */
  async currentPricing(ctx: RequestContext, extensionId: string, lock?: 'share' | 'update'): Promise<ExtensionPricingEntity | null> {
    const rows: Record<string, unknown>[] = await ctx.manager.query(
      prepared(`${currentPricingIdSql('$1')} ${lock === 'share' ? 'FOR SHARE' : lock === 'update' ? 'FOR UPDATE' : ''}`),
      [extensionId],
    );
    return rows.length ? repo(ctx, ExtensionPricingEntity).findOneByOrFail({ id: rows[0].id as string }) : null;
  }

  /**
   * A new pricing revision (the extension's owner or an admin). A published extension must be
   * paused first; existing subscribers keep their price and get an offer of the new one.
   */
  async setPricing(ctx: AuthedContext, appId: string, input: PricingRequest): Promise<ExtensionPricingEntity> {
    const values = pricingValues(input);
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId });
    if (!extension || !canManageExtension(ctx.actor, extension)) throw new NotFoundError('Extension');
    return withTransaction(ctx, async tx => {
      // The revision row is locked FOR UPDATE: the install path's price consent locks it FOR SHARE, so
      // an install never subscribes at a revision this change is replacing.
      const current = await this.currentPricing(tx, extension.id, 'update');
      if (current && samePricing(current, values)) return current;
      if (!(await mayChangePricing(tx, extension.id))) {
        throw new InvalidStateError('Pause the extension (unlist it for new installs) before changing its price', { reason: 'NOT_PAUSED' });
      }
      if (values.model !== PricingModel.FREE) await this.assertPaidAppAllowed(tx, extension);
      const revision = (current?.revision ?? 0) + 1;
      const saved = await repo(tx, ExtensionPricingEntity).save(
        repo(tx, ExtensionPricingEntity).create({ ...values, extensionId: extension.id, revision, createdById: ctx.actor.userId }),
      );
      // Existing subscribers keep their price; each gets an offer of the new one, and the event.
      const offered = returnedRows<{ id: string }>(
        await tx.manager.query(
          `UPDATE billing_subscriptions SET offered_pricing_id = $2 WHERE extension_id = $1 AND status <> 'CANCELED' AND pricing_id <> $2 RETURNING id`,
          [extension.id, saved.id],
        ),
      );
      if (offered.length) {
        await tx.manager.query(
          this.events.insertManySql(EventTypes.SUBSCRIPTION_PRICE_CHANGE_OFFERED, {
            from: `billing_subscriptions s LEFT JOIN organizations o ON o.id = s.customer_organization_id WHERE s.id = ANY($1::uuid[])`,
            appId: '$2',
            version: 'NULL',
            subjectType: `'Subscription'`,
            subjectId: 's.id::text',
            audienceUserId: 'coalesce(s.customer_user_id, o.created_by_id)',
            data: `jsonb_build_object('subscriptionId', s.id, 'organizationId', s.customer_organization_id, 'currentPricingId', s.pricing_id, 'offeredPricingId', $3::text, 'revision', $4::int)`,
          }),
          [offered.map(o => o.id), extension.appId, saved.id, revision],
        );
        await this.events.notify(tx);
      }
      await this.audit.record(tx, {
        action: 'billing.pricing.set',
        targetType: 'Extension',
        targetId: extension.id,
        data: { appId: extension.appId, revision, model: values.model, offeredTo: offered.length },
      });
      return saved;
    });
  }

  /** The customer moves a subscription to the offered (newest) price. */
  async acceptPriceChange(ctx: AuthedContext, subscriptionId: string): Promise<SubscriptionEntity> {
    return withTransaction(ctx, async tx => {
      const subscription = isUuid(subscriptionId)
        ? await repo(tx, SubscriptionEntity).findOne({ where: { id: subscriptionId }, lock: { mode: 'for_no_key_update' } })
        : null;
      if (!subscription || !(await this.canSeeCustomer(tx, subscription))) throw new NotFoundError('Subscription');
      if (subscription.status === SubscriptionStatus.CANCELED) throw new InvalidStateError('This subscription is canceled');
      if (!subscription.offeredPricingId) throw new InvalidStateError('No price change is offered for this subscription');
      const offered = await repo(tx, ExtensionPricingEntity).findOneByOrFail({ id: subscription.offeredPricingId });
      const from = subscription.pricingId;
      subscription.pricingId = offered.id;
      subscription.offeredPricingId = null;
      const update: Partial<SubscriptionEntity> = { pricingId: offered.id, offeredPricingId: null };
      if (offered.model === PricingModel.FREE && subscription.status === SubscriptionStatus.ACTIVE) {
        // Free from now on: nothing more to bill after this period.
        Object.assign(update, { status: SubscriptionStatus.CANCELING, cancelAt: monthOf(this.clock.now()).end });
        Object.assign(subscription, update);
      }
      await repo(tx, SubscriptionEntity).update(subscription.id, update);
      await this.audit.record(tx, { action: 'billing.price_change.accept', targetType: 'Subscription', targetId: subscription.id, data: { from, to: offered.id } });
      return subscription;
    });
  }

  private async assertPaidAppAllowed(tx: RequestContext, extension: ExtensionEntity): Promise<void> {
    const [terms] = await tx.manager.query(
      `SELECT t.name, t.paid_app_limit FROM billing_developer_tiers t
        WHERE t.name = coalesce((SELECT tier FROM billing_developer_terms WHERE developer_id = $1), (SELECT name FROM billing_developer_tiers WHERE is_default LIMIT 1))`,
      [extension.ownerId],
    );
    if (!terms || terms.paid_app_limit === null) return;
    const [{ paid }] = await tx.manager.query(
      `SELECT count(*)::int AS paid FROM extensions e
         JOIN LATERAL (SELECT model FROM extension_pricing p WHERE p.extension_id = e.id ORDER BY revision DESC LIMIT 1) p ON true
        WHERE e.owner_id = $1 AND e.id <> $2 AND p.model <> 'FREE'`,
      [extension.ownerId, extension.id],
    );
    if (paid >= terms.paid_app_limit) {
      throw new ForbiddenError(`The ${terms.name} tier allows ${terms.paid_app_limit} paid extension${terms.paid_app_limit === 1 ? '' : 's'}`);
    }
  }

  // ---- subscriptions (the install path) -----------------------------------------------------

  /**
   * The install's price consent: a paid extension needs the current revision's id acknowledged.
   * Locks that revision (FOR SHARE) so a concurrent price change waits for this install.
   */
  private async priceConsent(tx: AuthedContext, extension: { id: string; appId: string }, acknowledged: string | null): Promise<Record<string, unknown> | null> {
    const current = await this.currentPricing(tx, extension.id, 'share');
    if (!current || current.model === PricingModel.FREE) {
      // Remembered for this transaction's installation.created: nothing to subscribe to, no second read.
      let free = this.freeByConsent.get(tx.manager);
      if (!free) this.freeByConsent.set(tx.manager, (free = new Set()));
      free.add(extension.appId);
      return null;
    }
    if (acknowledged === current.id) return null;
    return { missingPrice: priceSummary(current) };
  }

  /** installation.created of a marketplace install: a paid extension's installation gets its subscription in the same transaction. */
  private async subscribe(tx: RequestContext, installationId: string, audienceUserId: string | null): Promise<void> {
    // The installation with its extension's current pricing revision, in one round trip: most
    // extensions have none, and a free install then costs this one statement.
    const [installation] = await tx.manager.query(
      `SELECT i.id, i.extension_id, i.owner_user_id, i.organization_id, e.owner_id, e.app_id, p.id AS pricing_id
         FROM installations i JOIN extensions e ON e.id = i.extension_id
         LEFT JOIN LATERAL (${currentPricingIdSql('i.extension_id')}) p ON true
        WHERE i.id = $1`,
      [installationId],
    );
    if (!installation?.pricing_id) return;
    const pricing = await repo(tx, ExtensionPricingEntity).findOneByOrFail({ id: installation.pricing_id });
    if (pricing.model === PricingModel.FREE) return;
    const now = this.clock.now();
    await this.ensurePeriod(tx, now);
    const trialEndsAt = pricing.trialDays ? new Date(now.getTime() + pricing.trialDays * 86_400_000) : null;
    const [subscription] = await tx.manager.query(
      `INSERT INTO billing_subscriptions (installation_id, extension_id, developer_id, customer_user_id, customer_organization_id, pricing_id, started_at, trial_ends_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [installation.id, installation.extension_id, installation.owner_id, installation.organization_id ? null : installation.owner_user_id, installation.organization_id, pricing.id, now, trialEndsAt],
    );
    await this.events.append(tx, EventTypes.SUBSCRIPTION_CREATED, {
      subjectType: 'Subscription',
      subjectId: subscription.id,
      appId: installation.app_id,
      audienceUserId,
      data: {
        subscriptionId: subscription.id,
        installationId: installation.id,
        organizationId: installation.organization_id,
        pricingId: pricing.id,
        model: pricing.model,
        interval: pricing.interval,
        priceMinor: pricing.priceMinor === null ? null : minor(pricing.priceMinor),
        unitPriceMinor: pricing.unitPriceMinor === null ? null : minor(pricing.unitPriceMinor),
        currency: pricing.currency,
        trialEndsAt: trialEndsAt?.toISOString() ?? null,
      },
    });
  }

  /** installation.uninstalled: the subscription runs to the end of the current period, then ends. */
  private async cancelAtPeriodEnd(tx: RequestContext, installationId: string, audienceUserId: string | null): Promise<void> {
    const cancelAt = monthOf(this.clock.now()).end;
    const [row] = returnedRows<{ id: string; organization_id: string | null; extension_id: string }>(
      await tx.manager.query(
        prepared(`UPDATE billing_subscriptions SET status = 'CANCELING', cancel_at = $2 WHERE installation_id = $1 AND status = 'ACTIVE'
         RETURNING id, customer_organization_id AS organization_id, extension_id`),
        [installationId, cancelAt],
      ),
    );
    if (!row) return;
    const [{ app_id }] = await tx.manager.query(`SELECT app_id FROM extensions WHERE id = $1`, [row.extension_id]);
    await this.events.append(tx, EventTypes.SUBSCRIPTION_CANCELED, {
      subjectType: 'Subscription',
      subjectId: row.id,
      appId: app_id,
      audienceUserId,
      data: { subscriptionId: row.id, installationId, organizationId: row.organization_id, cancelAt: cancelAt.toISOString() },
    });
  }

  /** The billing period containing `at` exists (periods are created as they are first needed). */
  async ensurePeriod(tx: RequestContext, at: Date): Promise<void> {
    const { start, end } = monthOf(at);
    await tx.manager.query(`INSERT INTO billing_periods (period_start, period_end) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [start, end]);
  }

  // ---- usage --------------------------------------------------------------------------------

  /**
   * Units an extension's backend reports for one of its installations (docs/billing.md, "Usage"),
   * with a runtime token of that extension.
   * The same idempotency key counts once (a different report under a used key is CONFLICT); the
   * units land in the period of `occurredAt` while it is open, else in the next open period.
   */
  async recordUsage(ctx: RuntimeContext, input: UsageRequest): Promise<{ id: string; units: number; occurredAt: Date; periodStart: Date; duplicate: boolean }> {
    if (!Number.isSafeInteger(input.units) || input.units < 1 || input.units > MAX_UNITS) throw BadUserInputError.field('units', `units must be an integer from 1 to ${MAX_UNITS}`);
    const key = input.idempotencyKey.trim();
    if (!key || key.length > 200) throw BadUserInputError.field('idempotencyKey', 'idempotencyKey must be 1 to 200 characters');
    const now = this.clock.now();
    if (input.occurredAt.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) throw BadUserInputError.field('occurredAt', 'occurredAt is in the future');
    // A runtime token (docs/runtime.md) speaks for its own extension only.
    const extensionId = ctx.runtime.extensionId;
    if (!isUuid(input.installationId)) throw new NotFoundError('Installation');
    return withTransaction(ctx, async tx => {
      const [subscription] = await tx.manager.query(
        `SELECT s.id, s.status, p.model FROM billing_subscriptions s JOIN extension_pricing p ON p.id = s.pricing_id
          WHERE s.installation_id = $1 AND s.extension_id = $2`,
        [input.installationId, extensionId],
      );
      // Another extension's installation is NOT_FOUND: a token reaches its own extension only.
      if (!subscription) throw new NotFoundError('Installation');
      if (subscription.model !== PricingModel.USAGE) throw new InvalidStateError('This installation is not on usage-based pricing');
      if (subscription.status === SubscriptionStatus.CANCELED) throw new InvalidStateError('This subscription has ended');
      await this.ensurePeriod(tx, now);
      // FOR SHARE: the period close (FOR UPDATE) waits for reports in flight, and a report waits
      // for a close in progress, then lands in the next open period.
      const [period] = await tx.manager.query(
        `SELECT period_start FROM billing_periods WHERE closed_at IS NULL AND period_end > $1 ORDER BY period_start LIMIT 1 FOR SHARE`,
        [input.occurredAt],
      );
      const inserted: { id: string }[] = await tx.manager.query(
        `INSERT INTO billing_usage_records (subscription_id, units, idempotency_key, occurred_at, period_start) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (subscription_id, idempotency_key) DO NOTHING RETURNING id`,
        [subscription.id, input.units, key, input.occurredAt, period.period_start],
      );
      if (inserted.length) return { id: inserted[0].id, units: input.units, occurredAt: input.occurredAt, periodStart: period.period_start, duplicate: false };
      const [existing] = await tx.manager.query(
        `SELECT id, units, occurred_at, period_start FROM billing_usage_records WHERE subscription_id = $1 AND idempotency_key = $2`,
        [subscription.id, key],
      );
      if (minor(existing.units) !== input.units || new Date(existing.occurred_at).getTime() !== input.occurredAt.getTime()) {
        throw new ConflictError('This idempotency key was used for a different report');
      }
      return { id: existing.id, units: minor(existing.units), occurredAt: existing.occurred_at, periodStart: existing.period_start, duplicate: true };
    });
  }

  // ---- refunds and terms (admin) ------------------------------------------------------------

  /**
   * Refunds (part of) an invoice line (ADMIN): a ledger transaction crediting the customer and
   * reversing the developer's share proportionally (money.ts `refundReversal`).
   */
  async refund(ctx: AuthedContext, lineId: string, amountMinor: number, reasonText: string): Promise<RefundEntity> {
    if (!ctx.actor.roles.has(Role.ADMIN)) throw new ForbiddenError('Only an admin can refund');
    const reason = reasonText.trim();
    if (!reason || reason.length > 500) throw BadUserInputError.field('reason', 'reason must be 1 to 500 characters: every refund is audited with one');
    if (!isUuid(lineId)) throw new NotFoundError('Invoice line');
    return withTransaction(ctx, async tx => {
      const line = await repo(tx, InvoiceLineEntity).findOne({ where: { id: lineId }, lock: { mode: 'for_no_key_update' } });
      if (!line) throw new NotFoundError('Invoice line');
      const invoice = await repo(tx, InvoiceEntity).findOneByOrFail({ id: line.invoiceId });
      const amount = minor(line.amountMinor);
      const split = refundReversal({ amountMinor: amount, developerAmountMinor: minor(line.developerAmountMinor), refundedMinor: minor(line.refundedMinor) }, amountMinor);
      const id = randomUUID();
      const now = this.clock.now();
      const platformAccount = line.kind === InvoiceLineKind.HOSTING ? Accounts.platformHosting : Accounts.platformFees;
      const { transactionId } = await post(
        tx,
        'refund',
        `refund:${id}`,
        line.currency,
        [
          { account: Accounts.customer(invoice.customerKey), amountMinor: -amountMinor },
          ...(line.developerId ? [{ account: Accounts.developer(line.developerId), amountMinor: split.developer }] : []),
          { account: platformAccount, amountMinor: split.platform },
        ],
        now,
      );
      await tx.manager.query(`UPDATE billing_invoice_lines SET refunded_minor = refunded_minor + $2 WHERE id = $1`, [line.id, amountMinor]);
      const refund = await repo(tx, RefundEntity).save(
        repo(tx, RefundEntity).create({
          id,
          invoiceLineId: line.id,
          amountMinor: String(amountMinor),
          developerReversalMinor: String(split.developer),
          platformReversalMinor: String(split.platform),
          reason,
          createdById: ctx.actor.userId,
          ledgerTransactionId: transactionId,
          createdAt: now,
        }),
      );
      await this.audit.record(tx, {
        action: 'billing.refund',
        targetType: 'InvoiceLine',
        targetId: line.id,
        data: { invoiceId: invoice.id, amountMinor, currency: line.currency, developerReversalMinor: split.developer, reason },
      });
      return refund;
    });
  }

  /** Sets (or, with null, removes) a developer's revenue-share override (ADMIN): the "enterprise agreement". */
  async setRevenueShareOverride(ctx: AuthedContext, developerId: string, shareBps: number | null, reasonText: string, tier?: string | null) {
    if (!ctx.actor.roles.has(Role.ADMIN)) throw new ForbiddenError('Only an admin can set revenue-share terms');
    if (shareBps !== null && (!Number.isInteger(shareBps) || shareBps < 0 || shareBps > 10_000)) {
      throw BadUserInputError.field('developerShareBps', 'developerShareBps must be an integer from 0 to 10000 (basis points)');
    }
    const reason = reasonText.trim();
    if (!reason || reason.length > 500) throw BadUserInputError.field('reason', 'reason must be 1 to 500 characters');
    if (!isUuid(developerId)) throw new NotFoundError('Developer');
    return withTransaction(ctx, async tx => {
      const [developer] = await tx.manager.query(`SELECT 1 FROM developer_profiles WHERE user_id = $1`, [developerId]);
      if (!developer) throw new NotFoundError('Developer');
      if (tier) {
        const [known] = await tx.manager.query(`SELECT 1 FROM billing_developer_tiers WHERE name = $1`, [tier]);
        if (!known) throw BadUserInputError.field('tier', `Unknown tier ${tier}`);
      }
      await tx.manager.query(
        `INSERT INTO billing_developer_terms (developer_id, tier, share_override_bps, override_reason, set_by_id, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (developer_id) DO UPDATE SET tier = coalesce(EXCLUDED.tier, billing_developer_terms.tier), share_override_bps = EXCLUDED.share_override_bps,
           override_reason = EXCLUDED.override_reason, set_by_id = EXCLUDED.set_by_id, updated_at = now()`,
        [developerId, tier ?? null, shareBps, reason, ctx.actor.userId],
      );
      await this.audit.record(tx, { action: 'billing.revenue_share.set', targetType: 'User', targetId: developerId, data: { shareBps, tier: tier ?? null, reason } });
      return this.termsOf(tx, developerId);
    });
  }

  /** The tier and share in force for a developer (the override, else the tier's, else the default tier's). */
  async termsOf(ctx: RequestContext, developerId: string): Promise<{ developerId: string; tier: string; developerShareBps: number; overridden: boolean; paidAppLimit: number | null }> {
    const [row] = await ctx.manager.query(
      `SELECT t.name, t.paid_app_limit, t.developer_share_bps, d.share_override_bps
         FROM billing_developer_tiers t LEFT JOIN billing_developer_terms d ON d.developer_id = $1
        WHERE t.name = coalesce(d.tier, (SELECT name FROM billing_developer_tiers WHERE is_default LIMIT 1))`,
      [developerId],
    );
    return {
      developerId,
      tier: row.name,
      paidAppLimit: row.paid_app_limit,
      developerShareBps: row.share_override_bps ?? row.developer_share_bps,
      overridden: row.share_override_bps !== null,
    };
  }

  // ---- read models --------------------------------------------------------------------------

  /** The caller's invoices, or an organization's (its OWNER/ADMIN only), newest first. */
  async myInvoices(ctx: AuthedContext, organizationId?: string | null): Promise<InvoiceEntity[]> {
    if (organizationId) {
      const access = isUuid(organizationId) ? organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId)) : OrganizationAccess.NONE;
      if (access !== OrganizationAccess.ADMINISTER) throw new NotFoundError('Organization');
      return repo(ctx, InvoiceEntity).find({ where: { customerOrganizationId: organizationId }, order: { periodStart: 'DESC', currency: 'ASC' } });
    }
    return repo(ctx, InvoiceEntity).find({ where: { customerUserId: ctx.actor.userId }, order: { periodStart: 'DESC', currency: 'ASC' } });
  }

  async invoice(ctx: AuthedContext, id: string): Promise<InvoiceEntity> {
    const invoice = isUuid(id) ? await repo(ctx, InvoiceEntity).findOneBy({ id }) : null;
    if (!invoice || !(await this.canSeeCustomer(ctx, invoice))) throw new NotFoundError('Invoice');
    return invoice;
  }

  /** The caller's subscriptions (or an organization's), with any open price offer. */
  async mySubscriptions(ctx: AuthedContext, organizationId?: string | null): Promise<SubscriptionEntity[]> {
    if (organizationId) {
      const access = isUuid(organizationId) ? organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId)) : OrganizationAccess.NONE;
      if (access !== OrganizationAccess.ADMINISTER) throw new NotFoundError('Organization');
      return repo(ctx, SubscriptionEntity).find({ where: { customerOrganizationId: organizationId }, order: { startedAt: 'ASC' } });
    }
    return repo(ctx, SubscriptionEntity).find({ where: { customerUserId: ctx.actor.userId }, order: { startedAt: 'ASC' } });
  }

  /**
   * What the caller earned in a period (YYYY-MM; the current month when absent), per currency:
   * the paid lines of their extensions with the share in force at charge time, and refunds.
   */
  async developerEarnings(ctx: AuthedContext, period?: string | null): Promise<EarningsRow[]> {
    const { start, end } = period ? parsePeriod(period) : monthOf(this.clock.now());
    const developerId = ctx.actor.userId;
    const lines = await repo(ctx, InvoiceLineEntity).find({ where: { developerId, periodStart: start }, order: { currency: 'ASC', description: 'ASC', id: 'ASC' } });
    const reversals: { currency: string; reversed: string }[] = await ctx.manager.query(
      `SELECT l.currency, sum(r.developer_reversal_minor)::text AS reversed FROM billing_refunds r JOIN billing_invoice_lines l ON l.id = r.invoice_line_id
        WHERE l.developer_id = $1 AND r.created_at >= $2 AND r.created_at < $3 GROUP BY l.currency`,
      [developerId, start, end],
    );
    const currencies = [...new Set([...lines.map(l => l.currency), ...reversals.map(r => r.currency)])].sort();
    return currencies.map(currency => {
      const mine = lines.filter(l => l.currency === currency);
      const sum = (f: (l: InvoiceLineEntity) => string) => mine.reduce((a, l) => a + minor(f(l)), 0);
      return {
        developerId,
        periodStart: start,
        periodEnd: end,
        currency,
        grossMinor: sum(l => l.amountMinor),
        developerMinor: sum(l => l.developerAmountMinor),
        platformFeeMinor: sum(l => l.platformFeeMinor),
        refundedMinor: sum(l => l.refundedMinor),
        reversedMinor: minor(reversals.find(r => r.currency === currency)?.reversed ?? 0),
        lines: mine,
      };
    });
  }

  private async canSeeCustomer(ctx: AuthedContext, row: { customerUserId: string | null; customerOrganizationId: string | null }): Promise<boolean> {
    const role = row.customerOrganizationId ? await this.organizations.roleOf(ctx, row.customerOrganizationId, ctx.actor.userId) : null;
    return canSeeCustomerBilling(ctx.actor, row, role);
  }

  canSeeDeveloper(ctx: AuthedContext, row: { developerId: string }): boolean {
    return canSeeDeveloperBilling(ctx.actor, row);
  }
}

/** The validated columns of a pricing revision; BAD_USER_INPUT names the field. */
export function pricingValues(input: PricingRequest): Omit<ExtensionPricingEntity, 'id' | 'extensionId' | 'revision' | 'createdById' | 'createdAt'> {
  const amount = (field: string, value: number | null | undefined, { required, positive }: { required: boolean; positive: boolean }) => {
    if (value === null || value === undefined) {
      if (required) throw BadUserInputError.field(field, `${field} is required for ${input.model} pricing`);
      return null;
    }
    if (!Number.isSafeInteger(value) || value < (positive ? 1 : 0) || value > MAX_MINOR) {
      throw BadUserInputError.field(field, `${field} must be an integer number of minor units${positive ? ' above zero' : ''}`);
    }
    return String(value);
  };
  const forbid = (field: string, value: unknown) => {
    if (value !== null && value !== undefined) throw BadUserInputError.field(field, `${field} does not apply to ${input.model} pricing`);
  };
  const trialDays = input.trialDays ?? null;
  if (trialDays !== null && (!Number.isInteger(trialDays) || trialDays < 0 || trialDays > 365)) throw BadUserInputError.field('trialDays', 'trialDays must be 0 to 365');
  if (input.model === PricingModel.FREE) {
    for (const field of ['interval', 'priceMinor', 'unitName', 'unitPriceMinor', 'includedUnits', 'capMinor', 'trialDays'] as const) forbid(field, input[field]);
    return { model: PricingModel.FREE, interval: null, priceMinor: null, currency: input.currency ? currencyOf(input.currency) : 'EUR', unitName: null, unitPriceMinor: null, includedUnits: null, capMinor: null, trialDays: null };
  }
  if (!input.currency) throw BadUserInputError.field('currency', `currency is required for ${input.model} pricing`);
  const currency = currencyOf(input.currency);
  if (input.model === PricingModel.FLAT) {
    for (const field of ['unitName', 'unitPriceMinor', 'includedUnits', 'capMinor'] as const) forbid(field, input[field]);
    if (!input.interval) throw BadUserInputError.field('interval', 'interval (MONTH or YEAR) is required for FLAT pricing');
    return { model: input.model, interval: input.interval, priceMinor: amount('priceMinor', input.priceMinor, { required: true, positive: true }), currency, unitName: null, unitPriceMinor: null, includedUnits: null, capMinor: null, trialDays };
  }
  forbid('interval', input.interval);
  forbid('priceMinor', input.priceMinor);
  const unitName = input.unitName?.trim() ?? '';
  if (!/^[\p{L}\p{N} _-]{1,40}$/u.test(unitName)) throw BadUserInputError.field('unitName', 'unitName must be 1 to 40 letters, digits, spaces, _ or -');
  return {
    model: PricingModel.USAGE,
    interval: null,
    priceMinor: null,
    currency,
    unitName,
    unitPriceMinor: amount('unitPriceMinor', input.unitPriceMinor, { required: true, positive: true }),
    includedUnits: amount('includedUnits', input.includedUnits, { required: false, positive: false }),
    capMinor: amount('capMinor', input.capMinor, { required: false, positive: true }),
    trialDays,
  };
}

function samePricing(a: ExtensionPricingEntity, b: ReturnType<typeof pricingValues>): boolean {
  return (['model', 'interval', 'priceMinor', 'currency', 'unitName', 'unitPriceMinor', 'includedUnits', 'capMinor', 'trialDays'] as const).every(
    k => String(a[k] ?? '') === String(b[k] ?? ''),
  );
}

/** What CONSENT_REQUIRED's `missingPrice` shows: the revision to acknowledge and its terms. */
export function priceSummary(p: ExtensionPricingEntity) {
  return {
    pricingId: p.id,
    model: p.model,
    interval: p.interval,
    priceMinor: p.priceMinor === null ? null : minor(p.priceMinor),
    unitName: p.unitName,
    unitPriceMinor: p.unitPriceMinor === null ? null : minor(p.unitPriceMinor),
    includedUnits: p.includedUnits === null ? null : minor(p.includedUnits),
    capMinor: p.capMinor === null ? null : minor(p.capMinor),
    currency: p.currency,
    trialDays: p.trialDays,
  };
}
