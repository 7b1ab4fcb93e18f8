import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

// Billing (docs/billing.md). Every amount is an integer number of minor units (bigint: pg returns
// it as a string, read it with `minor()` from money.ts) beside an ISO 4217 currency. The ledger
// (ledger_*) is the source of truth for money; invoices and lines are the customer's documents.

export enum PricingModel {
  FREE = 'FREE',
  FLAT = 'FLAT',
  USAGE = 'USAGE',
}
registerEnumType(PricingModel, { name: 'PricingModel' });

export enum BillingInterval {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(BillingInterval, { name: 'BillingInterval' });

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  CANCELING = 'CANCELING',
  CANCELED = 'CANCELED',
}
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });

export enum InvoiceLineKind {
  SUBSCRIPTION = 'SUBSCRIPTION',
  USAGE = 'USAGE',
  HOSTING = 'HOSTING',
}
registerEnumType(InvoiceLineKind, { name: 'InvoiceLineKind' });

/** Developer tiers (app limits and the default revenue share), seeded by the migration; admins may edit rows. */
@Entity('billing_developer_tiers')
@Check('ck_billing_tier_share', `"developer_share_bps" BETWEEN 0 AND 10000`)
export class DeveloperTierEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  /** How many paid extensions a developer on this tier may have; null: unlimited. */
  @Column({ type: 'int', nullable: true })
  paidAppLimit: number | null;

  /** The developer's share of each paid line, in basis points (8000 = 80 %). */
  @Column({ type: 'int' })
  developerShareBps: number;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;
}

/** A developer's tier and the admin's per-developer override (an "enterprise agreement"). */
@Entity('billing_developer_terms')
@Check('ck_billing_terms_override', `"share_override_bps" IS NULL OR "share_override_bps" BETWEEN 0 AND 10000`)
export class DeveloperTermsEntity {
  @PrimaryColumn({ type: 'uuid' })
  developerId: string;

  @Column({ type: 'text', nullable: true })
  tier: string | null;

  @Column({ type: 'int', nullable: true })
  shareOverrideBps: number | null;

  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  setById: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One revision of an extension's price. The newest revision is the price new installs pay. */
@Entity('extension_pricing')
@Index('uq_extension_pricing_revision', ['extensionId', 'revision'], { unique: true })
@Check('ck_pricing_amounts', `coalesce("price_minor", 0) >= 0 AND coalesce("unit_price_minor", 0) >= 0 AND coalesce("included_units", 0) >= 0 AND coalesce("cap_minor", 0) >= 0 AND coalesce("trial_days", 0) >= 0`)
@Check('ck_pricing_currency', `"currency" ~ '^[A-Z]{3}$'`)
export class ExtensionPricingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'enum', enum: PricingModel, enumName: 'pricing_model' })
  model: PricingModel;

  @Column({ type: 'enum', enum: BillingInterval, enumName: 'billing_interval', nullable: true })
  interval: BillingInterval | null;

  @Column({ type: 'bigint', nullable: true })
  priceMinor: string | null;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text', nullable: true })
  unitName: string | null;

  @Column({ type: 'bigint', nullable: true })
  unitPriceMinor: string | null;

  @Column({ type: 'bigint', nullable: true })
  includedUnits: string | null;

  @Column({ type: 'bigint', nullable: true })
  capMinor: string | null;

  @Column({ type: 'int', nullable: true })
  trialDays: number | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A customer's subscription to a paid extension, one per installation. The customer is the
 * organization for an organization's installation, the user otherwise; the price in force is
 * `pricing_id` until the customer accepts a newer revision.
 */
@Entity('billing_subscriptions')
@Index('uq_billing_subscriptions_installation', ['installationId'], { unique: true })
@Index('ix_billing_subscriptions_status', ['status'])
export class SubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  installationId: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @Column({ type: 'uuid' })
  developerId: string;

  @Column({ type: 'uuid', nullable: true })
  customerUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  customerOrganizationId: string | null;

  @Column({ type: 'uuid' })
  pricingId: string;

  @Column({ type: 'enum', enum: SubscriptionStatus, enumName: 'subscription_status', default: SubscriptionStatus.ACTIVE })
  status: SubscriptionStatus;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  trialEndsAt: Date | null;

  /** When a cancellation takes effect (the end of the period it was asked in). */
  @Column({ type: 'timestamptz', nullable: true })
  cancelAt: Date | null;

  /** The newest revision offered to this subscriber, until accepted (docs/billing.md, "Price changes"). */
  @Column({ type: 'uuid', nullable: true })
  offeredPricingId: string | null;
}

/** A monthly billing period; `closed_at` set once by the close job. */
@Entity('billing_periods')
export class BillingPeriodEntity {
  @PrimaryColumn({ type: 'timestamptz' })
  periodStart: Date;

  @Column({ type: 'timestamptz' })
  periodEnd: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** Units an extension reported for an installation; one row per idempotency key. */
@Entity('billing_usage_records')
@Index('uq_billing_usage_key', ['subscriptionId', 'idempotencyKey'], { unique: true })
@Index('ix_billing_usage_period', ['periodStart', 'subscriptionId'])
@Check('ck_usage_units', `"units" > 0`)
export class UsageRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  subscriptionId: string;

  @Column({ type: 'bigint' })
  units: string;

  @Column({ type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** The period the units are billed in: occurredAt's while open, else the next open one. */
  @Column({ type: 'timestamptz' })
  periodStart: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

/** One customer's invoice for one period and currency, written once by the close job. */
@Entity('billing_invoices')
@Index('uq_billing_invoices_customer_period', ['customerKey', 'periodStart', 'currency'], { unique: true })
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `u:<user id>` or `o:<organization id>`: one key for the uniqueness of (customer, period, currency). */
  @Column({ type: 'text' })
  customerKey: string;

  @Column({ type: 'uuid', nullable: true })
  customerUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  customerOrganizationId: string | null;

  @Column({ type: 'timestamptz' })
  periodStart: Date;

  @Column({ type: 'timestamptz' })
  periodEnd: Date;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'bigint' })
  totalMinor: string;

  @Column({ type: 'timestamptz' })
  finalizedAt: Date;
}

@Entity('billing_invoice_lines')
@Index('uq_billing_lines_source', ['periodStart', 'kind', 'sourceId'], { unique: true })
@Index('ix_billing_lines_invoice', ['invoiceId'])
@Index('ix_billing_lines_developer', ['developerId', 'periodStart'])
@Check('ck_billing_line_split', `"developer_amount_minor" + "platform_fee_minor" = "amount_minor" AND "developer_amount_minor" >= 0 AND "platform_fee_minor" >= 0`)
@Check('ck_billing_line_refund', `"refunded_minor" BETWEEN 0 AND "amount_minor"`)
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'timestamptz' })
  periodStart: Date;

  @Column({ type: 'enum', enum: InvoiceLineKind, enumName: 'invoice_line_kind' })
  kind: InvoiceLineKind;

  /** The subscription (SUBSCRIPTION, USAGE) or installation (HOSTING) charged: unique per period and kind. */
  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'uuid', nullable: true })
  extensionId: string | null;

  /** Who earns the developer share; null for hosting (the platform's). */
  @Column({ type: 'uuid', nullable: true })
  developerId: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'bigint', default: 1 })
  quantity: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'bigint' })
  amountMinor: string;

  /** The share in force at charge time (docs/billing.md, "Revenue share"). */
  @Column({ type: 'int' })
  developerShareBps: number;

  @Column({ type: 'bigint' })
  developerAmountMinor: string;

  @Column({ type: 'bigint' })
  platformFeeMinor: string;

  @Column({ type: 'bigint', default: 0 })
  refundedMinor: string;
}

/** The ledger's accounts: one per (owner, purpose, currency). Balances are sums of entries, never stored. */
@Entity('ledger_accounts')
@Index('uq_ledger_accounts_code', ['code', 'currency'], { unique: true })
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `customer:<key>`, `developer:<id>`, `platform:fees`, `platform:hosting`, `provider:<name>`. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  currency: string;
}

/** A balanced set of entries; `reference` makes each business event post once. */
@Entity('ledger_transactions')
@Index('uq_ledger_transactions_reference', ['reference'], { unique: true })
export class LedgerTransactionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'timestamptz' })
  postedAt: Date;
}

/** Debits are positive, credits negative; a transaction's entries sum to zero per currency (a deferred trigger checks). */
@Entity('ledger_entries')
@Index('ix_ledger_entries_account', ['accountId'])
@Index('ix_ledger_entries_transaction', ['transactionId'])
@Check('ck_ledger_entry_nonzero', `"amount_minor" <> 0`)
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  transactionId: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'bigint' })
  amountMinor: string;
}

/** A developer's monthly payout: a ledger transaction moving the earned balance to the payment provider. */
@Entity('billing_payouts')
@Index('uq_billing_payouts_period', ['developerId', 'periodStart', 'currency'], { unique: true })
export class PayoutEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  developerId: string;

  @Column({ type: 'timestamptz' })
  periodStart: Date;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'text' })
  provider: string;

  @Column({ type: 'text', nullable: true })
  providerReference: string | null;

  @Column({ type: 'uuid' })
  ledgerTransactionId: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** An admin's (partial) refund of an invoice line, with the developer's share it reversed. */
@Entity('billing_refunds')
@Check('ck_billing_refund_split', `"developer_reversal_minor" + "platform_reversal_minor" = "amount_minor" AND "amount_minor" > 0`)
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceLineId: string;

  @Column({ type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'bigint' })
  developerReversalMinor: string;

  @Column({ type: 'bigint' })
  platformReversalMinor: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'uuid' })
  ledgerTransactionId: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

export const billingEntities = [
  DeveloperTierEntity,
  DeveloperTermsEntity,
  ExtensionPricingEntity,
  SubscriptionEntity,
  BillingPeriodEntity,
  UsageRecordEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  LedgerAccountEntity,
  LedgerTransactionEntity,
  LedgerEntryEntity,
  PayoutEntity,
  RefundEntity,
];
