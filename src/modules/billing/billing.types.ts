import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { DateTimeScalar } from '../../shared/scalars';
import {
  BillingInterval,
  ExtensionPricingEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceLineKind,
  PayoutEntity,
  PricingModel,
  RefundEntity,
  SubscriptionEntity,
  SubscriptionStatus,
} from './billing.entities';
import type { EarningsRow } from './billing.service';
import { minor, periodLabel } from './money';

// Amounts are integer minor units (cents) as SafeInt: exact up to 2^53 - 1, never a float.
const nullableMinor = (v: string | null) => (v === null ? null : minor(v));

@ObjectType({ simpleResolvers: true, description: 'One revision of an extension\'s price (docs/billing.md). Amounts in minor units' })
export class ExtensionPricing {
  @Field(() => ID, { description: 'Acknowledge this id (InstallInput.price.pricingId) to install a paid extension' })
  id: string;

  @Field(() => Int)
  revision: number;

  @Field(() => PricingModel)
  model: PricingModel;

  @Field(() => BillingInterval, { nullable: true, description: 'FLAT: billed every month or every year' })
  interval: BillingInterval | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'FLAT: the price per interval' })
  priceMinor: number | null;

  @Field()
  currency: string;

  @Field(() => String, { nullable: true, description: 'USAGE: what a unit is (e.g. "request")' })
  unitName: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  unitPriceMinor: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'USAGE: units per period that cost nothing' })
  includedUnits: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'USAGE: the most one period costs' })
  capMinor: number | null;

  @Field(() => Int, { nullable: true })
  trialDays: number | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: ExtensionPricingEntity): ExtensionPricing {
    return Object.assign(new ExtensionPricing(), {
      ...e,
      priceMinor: nullableMinor(e.priceMinor),
      unitPriceMinor: nullableMinor(e.unitPriceMinor),
      includedUnits: nullableMinor(e.includedUnits),
      capMinor: nullableMinor(e.capMinor),
    });
  }
}

@InputType()
export class PricingInput {
  @Field(() => PricingModel)
  model: PricingModel;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code; required unless FREE' })
  @IsOptional()
  @Length(3, 3)
  currency?: string | null;

  @Field(() => BillingInterval, { nullable: true })
  @IsOptional()
  interval?: BillingInterval | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  priceMinor?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  unitName?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  unitPriceMinor?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  includedUnits?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  capMinor?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  trialDays?: number | null;
}

@ObjectType('BillingSubscription', { simpleResolvers: true, description: 'A paid installation\'s subscription (its customer and admins only)' })
export class Subscription {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  installationId: string;

  @Field(() => ID, { nullable: true })
  organizationId: string | null;

  @Field(() => SubscriptionStatus)
  status: SubscriptionStatus;

  @Field(() => DateTimeScalar)
  startedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  trialEndsAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'CANCELING: the end of the period the cancellation was asked in' })
  cancelAt: Date | null;

  pricingId: string;
  offeredPricingId: string | null;

  static from(e: SubscriptionEntity): Subscription {
    return Object.assign(new Subscription(), {
      id: e.id,
      installationId: e.installationId,
      organizationId: e.customerOrganizationId,
      status: e.status,
      startedAt: e.startedAt,
      trialEndsAt: e.trialEndsAt,
      cancelAt: e.cancelAt,
      pricingId: e.pricingId,
      offeredPricingId: e.offeredPricingId,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A line of a customer\'s invoice' })
export class InvoiceLine {
  @Field(() => ID)
  id: string;

  @Field(() => InvoiceLineKind)
  kind: InvoiceLineKind;

  @Field()
  description: string;

  @Field(() => GraphQLSafeInt)
  quantity: number;

  @Field(() => GraphQLSafeInt)
  amountMinor: number;

  @Field(() => GraphQLSafeInt)
  refundedMinor: number;

  @Field()
  currency: string;

  static from(e: InvoiceLineEntity): InvoiceLine {
    return Object.assign(new InvoiceLine(), {
      id: e.id,
      kind: e.kind,
      description: e.description,
      quantity: minor(e.quantity),
      amountMinor: minor(e.amountMinor),
      refundedMinor: minor(e.refundedMinor),
      currency: e.currency,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A customer\'s invoice for one period and currency (docs/billing.md); written once by the period close' })
export class Invoice {
  @Field(() => ID)
  id: string;

  @Field({ description: 'YYYY-MM' })
  period: string;

  @Field(() => DateTimeScalar)
  periodStart: Date;

  @Field(() => DateTimeScalar)
  periodEnd: Date;

  @Field(() => ID, { nullable: true })
  organizationId: string | null;

  @Field()
  currency: string;

  @Field(() => GraphQLSafeInt)
  totalMinor: number;

  @Field(() => DateTimeScalar)
  finalizedAt: Date;

  static from(e: InvoiceEntity): Invoice {
    return Object.assign(new Invoice(), {
      id: e.id,
      period: periodLabel(e.periodStart),
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      organizationId: e.customerOrganizationId,
      currency: e.currency,
      totalMinor: minor(e.totalMinor),
      finalizedAt: e.finalizedAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A paid line of one of your extensions, split by the share in force at charge time' })
export class EarningsLine {
  @Field(() => ID)
  id: string;

  @Field(() => InvoiceLineKind)
  kind: InvoiceLineKind;

  @Field()
  description: string;

  @Field(() => GraphQLSafeInt)
  amountMinor: number;

  @Field(() => Int, { description: 'Your share in basis points (8000 = 80 %)' })
  developerShareBps: number;

  @Field(() => GraphQLSafeInt)
  developerAmountMinor: number;

  @Field(() => GraphQLSafeInt)
  platformFeeMinor: number;

  @Field(() => GraphQLSafeInt)
  refundedMinor: number;

  static from(e: InvoiceLineEntity): EarningsLine {
    return Object.assign(new EarningsLine(), {
      id: e.id,
      kind: e.kind,
      description: e.description,
      amountMinor: minor(e.amountMinor),
      developerShareBps: e.developerShareBps,
      developerAmountMinor: minor(e.developerAmountMinor),
      platformFeeMinor: minor(e.platformFeeMinor),
      refundedMinor: minor(e.refundedMinor),
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'What you earned in one period and currency' })
export class DeveloperEarnings {
  @Field()
  period: string;

  @Field()
  currency: string;

  @Field(() => GraphQLSafeInt)
  grossMinor: number;

  @Field(() => GraphQLSafeInt)
  developerMinor: number;

  @Field(() => GraphQLSafeInt)
  platformFeeMinor: number;

  @Field(() => GraphQLSafeInt, { description: 'Refunded to customers from these lines' })
  refundedMinor: number;

  @Field(() => GraphQLSafeInt, { description: 'Your share reversed by refunds made in this period' })
  reversedMinor: number;

  @Field(() => [EarningsLine])
  lines: EarningsLine[];

  static from(row: EarningsRow): DeveloperEarnings {
    return Object.assign(new DeveloperEarnings(), { ...row, period: periodLabel(row.periodStart), lines: row.lines.map(EarningsLine.from) });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A monthly payout and its statement (CSV and PDF downloads, owner only)' })
export class PayoutStatement {
  @Field(() => ID)
  id: string;

  @Field()
  period: string;

  @Field()
  currency: string;

  @Field(() => GraphQLSafeInt)
  amountMinor: number;

  @Field()
  provider: string;

  @Field(() => String, { nullable: true })
  providerReference: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field({ description: 'GET with your Authorization header' })
  csvPath: string;

  @Field({ description: 'GET with your Authorization header' })
  pdfPath: string;

  static from(e: PayoutEntity): PayoutStatement {
    return Object.assign(new PayoutStatement(), {
      id: e.id,
      period: periodLabel(e.periodStart),
      currency: e.currency,
      amountMinor: minor(e.amountMinor),
      provider: e.provider,
      providerReference: e.providerReference,
      createdAt: e.createdAt,
      csvPath: `/billing/statements/${e.id}.csv`,
      pdfPath: `/billing/statements/${e.id}.pdf`,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class Refund {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  invoiceLineId: string;

  @Field(() => GraphQLSafeInt)
  amountMinor: number;

  @Field(() => GraphQLSafeInt)
  developerReversalMinor: number;

  @Field(() => GraphQLSafeInt)
  platformReversalMinor: number;

  @Field()
  reason: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: RefundEntity): Refund {
    return Object.assign(new Refund(), {
      id: e.id,
      invoiceLineId: e.invoiceLineId,
      amountMinor: minor(e.amountMinor),
      developerReversalMinor: minor(e.developerReversalMinor),
      platformReversalMinor: minor(e.platformReversalMinor),
      reason: e.reason,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A developer\'s tier and revenue share in force' })
export class RevenueShareTerms {
  @Field(() => ID)
  developerId: string;

  @Field()
  tier: string;

  @Field(() => Int)
  developerShareBps: number;

  @Field({ description: 'An admin\'s per-developer override is in force' })
  overridden: boolean;

  @Field(() => Int, { nullable: true, description: 'Paid extensions allowed; null: unlimited' })
  paidAppLimit: number | null;
}

@InputType()
export class UsageInput {
  @Field(() => ID)
  installationId: string;

  @Field(() => GraphQLSafeInt)
  units: number;

  @Field({ description: 'The same key is counted once (per installation)' })
  @Length(1, 200)
  idempotencyKey: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;
}

@ObjectType({ simpleResolvers: true })
export class UsageRecord {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLSafeInt)
  units: number;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field({ description: 'YYYY-MM: the period the units are billed in' })
  period: string;

  @Field({ description: 'This key was already recorded: nothing new was counted' })
  duplicate: boolean;
}

