import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { authed, type RequestContext, type RuntimeContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import { Runtime } from '../../shared/auth/auth-checker';
import { Extension } from '../extensions/extensions.types';
import type { BillingService } from './billing.service';
import type { Statements } from './statements';
import {
  DeveloperEarnings,
  ExtensionPricing,
  Invoice,
  InvoiceLine,
  PayoutStatement,
  PricingInput,
  Refund,
  RevenueShareTerms,
  Subscription,
  UsageInput,
  UsageRecord,
} from './billing.types';
import { periodLabel } from './money';

/** Paid extensions (docs/billing.md): pricing, subscriptions, usage, invoices, earnings, payouts, refunds. */
@Resolver()
export class BillingResolver {
  constructor(
    private readonly billing: BillingService,
    private readonly statements: Statements,
  ) {}

  @Authorized()
  @Mutation(() => ExtensionPricing, { description: 'A new price for your extension (a published one must be paused first); subscribers keep theirs until they accept' })
  async setPricing(@Arg('appId') appId: string, @Arg('input') input: PricingInput, @Ctx() ctx: RequestContext): Promise<ExtensionPricing> {
    return ExtensionPricing.from(await this.billing.setPricing(authed(ctx), appId, input));
  }

  @Authorized()
  @Mutation(() => Subscription, { description: 'Move your subscription to the price offered after a price change' })
  async acceptPriceChange(@Arg('subscriptionId', () => ID) subscriptionId: string, @Ctx() ctx: RequestContext): Promise<Subscription> {
    return Subscription.from(await this.billing.acceptPriceChange(authed(ctx), subscriptionId));
  }

  @Runtime()
  @Mutation(() => UsageRecord, { description: 'Runtime token only: units used by an installation of the token\'s extension; the same idempotencyKey counts once' })
  async recordUsage(@Arg('input') input: UsageInput, @Ctx() ctx: RequestContext): Promise<UsageRecord> {
    const row = await this.billing.recordUsage(ctx as RuntimeContext, input);
    return Object.assign(new UsageRecord(), { ...row, period: periodLabel(new Date(row.periodStart)) });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Refund, { description: 'Refund (part of) an invoice line; the developer\'s share is reversed proportionally (ADMIN)' })
  async refund(
    @Arg('invoiceLineId', () => ID) invoiceLineId: string,
    @Arg('amountMinor', () => GraphQLSafeInt) amountMinor: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Refund> {
    return Refund.from(await this.billing.refund(authed(ctx), invoiceLineId, amountMinor, reason));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RevenueShareTerms, { description: 'A developer\'s revenue-share override in basis points (null removes it) and optionally their tier (ADMIN)' })
  async setRevenueShareOverride(
    @Arg('developerId', () => ID) developerId: string,
    @Arg('developerShareBps', () => GraphQLSafeInt, { nullable: true }) developerShareBps: number | null,
    @Arg('reason') reason: string,
    @Arg('tier', () => String, { nullable: true }) tier: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RevenueShareTerms> {
    return Object.assign(new RevenueShareTerms(), await this.billing.setRevenueShareOverride(authed(ctx), developerId, developerShareBps ?? null, reason, tier));
  }

  @Authorized()
  @Query(() => RevenueShareTerms, { description: 'Your developer tier and the revenue share in force' })
  async myRevenueShare(@Ctx() ctx: RequestContext): Promise<RevenueShareTerms> {
    const c = authed(ctx);
    return Object.assign(new RevenueShareTerms(), await this.billing.termsOf(c, c.actor.userId));
  }

  @Authorized()
  @Query(() => [Invoice], { description: 'Your invoices, or an organization\'s (its owners and admins), newest first' })
  async myInvoices(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return (await this.billing.myInvoices(authed(ctx), organizationId)).map(Invoice.from);
  }

  @Authorized()
  @Query(() => Invoice, { description: 'One of your invoices (NOT_FOUND for anyone else\'s)' })
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Invoice> {
    return Invoice.from(await this.billing.invoice(authed(ctx), id));
  }

  @Authorized()
  @Query(() => [Subscription], { description: 'Your subscriptions, or an organization\'s (its owners and admins)' })
  async mySubscriptions(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null, @Ctx() ctx: RequestContext): Promise<Subscription[]> {
    return (await this.billing.mySubscriptions(authed(ctx), organizationId)).map(Subscription.from);
  }

  @Authorized()
  @Query(() => [DeveloperEarnings], { description: 'What your extensions earned in a period (YYYY-MM; the current month when absent), per currency' })
  async developerEarnings(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: RequestContext): Promise<DeveloperEarnings[]> {
    return (await this.billing.developerEarnings(authed(ctx), period)).map(DeveloperEarnings.from);
  }

  @Authorized()
  @Query(() => [PayoutStatement], { description: 'Your monthly payouts with their statements, newest first' })
  async payoutStatements(@Ctx() ctx: RequestContext): Promise<PayoutStatement[]> {
    return (await this.statements.list(authed(ctx))).map(PayoutStatement.from);
  }
}

@Resolver(() => Invoice)
export class InvoiceLinesResolver {
  @FieldResolver(() => [InvoiceLine])
  async lines(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<InvoiceLine[]> {
    // The invoice itself passed the customer policy (BillingService.invoice / myInvoices).
    return (await ctx.loaders.linesByInvoiceId.load(invoice.id)).map(InvoiceLine.from);
  }
}

@Resolver(() => Subscription)
export class SubscriptionPricingResolver {
  @FieldResolver(() => ExtensionPricing, { description: 'The price in force for this subscriber' })
  async pricing(@Root() s: Subscription, @Ctx() ctx: RequestContext): Promise<ExtensionPricing> {
    return ExtensionPricing.from((await ctx.loaders.pricingById.load(s.pricingId))!);
  }

  @FieldResolver(() => ExtensionPricing, { nullable: true, description: 'A newer price offered after a price change, until accepted' })
  async offeredPricing(@Root() s: Subscription, @Ctx() ctx: RequestContext): Promise<ExtensionPricing | null> {
    if (!s.offeredPricingId) return null;
    return ExtensionPricing.from((await ctx.loaders.pricingById.load(s.offeredPricingId))!);
  }
}

/** Extension.pricing: the price new installs pay (public, like the listing it belongs to). */
@Resolver(() => Extension)
export class ExtensionPricingResolver {
  @FieldResolver(() => ExtensionPricing, { nullable: true, description: 'The price new installs pay; null: free' })
  async pricing(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<ExtensionPricing | null> {
    const current = await ctx.loaders.currentPricingByExtensionId.load(extension.id);
    return current && ExtensionPricing.from(current);
  }
}
