import { MigrationInterface, QueryRunner } from "typeorm";

export class Billing1796197554353 implements MigrationInterface {
    name = 'Billing1796197554353'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "billing_developer_tiers" ("name" text NOT NULL, "paid_app_limit" integer, "developer_share_bps" integer NOT NULL, "is_default" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_billing_tier_share" CHECK ("developer_share_bps" BETWEEN 0 AND 10000), CONSTRAINT "pk_billing_developer_tiers" PRIMARY KEY ("name"))`);
        await queryRunner.query(`CREATE TABLE "billing_developer_terms" ("developer_id" uuid NOT NULL, "tier" text, "share_override_bps" integer, "override_reason" text, "set_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_billing_terms_override" CHECK ("share_override_bps" IS NULL OR "share_override_bps" BETWEEN 0 AND 10000), CONSTRAINT "pk_billing_developer_terms" PRIMARY KEY ("developer_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."pricing_model" AS ENUM('FREE', 'FLAT', 'USAGE')`);
        await queryRunner.query(`CREATE TYPE "public"."billing_interval" AS ENUM('MONTH', 'YEAR')`);
        await queryRunner.query(`CREATE TABLE "extension_pricing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "extension_id" uuid NOT NULL, "revision" integer NOT NULL, "model" "public"."pricing_model" NOT NULL, "interval" "public"."billing_interval", "price_minor" bigint, "currency" text NOT NULL, "unit_name" text, "unit_price_minor" bigint, "included_units" bigint, "cap_minor" bigint, "trial_days" integer, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pricing_currency" CHECK ("currency" ~ '^[A-Z]{3}$'), CONSTRAINT "ck_pricing_amounts" CHECK (coalesce("price_minor", 0) >= 0 AND coalesce("unit_price_minor", 0) >= 0 AND coalesce("included_units", 0) >= 0 AND coalesce("cap_minor", 0) >= 0 AND coalesce("trial_days", 0) >= 0), CONSTRAINT "pk_extension_pricing" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_extension_pricing_revision" ON "extension_pricing" ("extension_id", "revision") `);
        await queryRunner.query(`CREATE TYPE "public"."subscription_status" AS ENUM('ACTIVE', 'CANCELING', 'CANCELED')`);
        await queryRunner.query(`CREATE TABLE "billing_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "installation_id" uuid NOT NULL, "extension_id" uuid NOT NULL, "developer_id" uuid NOT NULL, "customer_user_id" uuid, "customer_organization_id" uuid, "pricing_id" uuid NOT NULL, "status" "public"."subscription_status" NOT NULL DEFAULT 'ACTIVE', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "trial_ends_at" TIMESTAMP WITH TIME ZONE, "cancel_at" TIMESTAMP WITH TIME ZONE, "offered_pricing_id" uuid, CONSTRAINT "pk_billing_subscriptions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_billing_subscriptions_status" ON "billing_subscriptions" ("status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_subscriptions_installation" ON "billing_subscriptions" ("installation_id") `);
        await queryRunner.query(`CREATE TABLE "billing_periods" ("period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_billing_periods" PRIMARY KEY ("period_start"))`);
        await queryRunner.query(`CREATE TABLE "billing_usage_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subscription_id" uuid NOT NULL, "units" bigint NOT NULL, "idempotency_key" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_usage_units" CHECK ("units" > 0), CONSTRAINT "pk_billing_usage_records" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_billing_usage_period" ON "billing_usage_records" ("period_start", "subscription_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_usage_key" ON "billing_usage_records" ("subscription_id", "idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "billing_invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_key" text NOT NULL, "customer_user_id" uuid, "customer_organization_id" uuid, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "currency" text NOT NULL, "total_minor" bigint NOT NULL, "finalized_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_billing_invoices" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_invoices_customer_period" ON "billing_invoices" ("customer_key", "period_start", "currency") `);
        await queryRunner.query(`CREATE TYPE "public"."invoice_line_kind" AS ENUM('SUBSCRIPTION', 'USAGE', 'HOSTING')`);
        await queryRunner.query(`CREATE TABLE "billing_invoice_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" "public"."invoice_line_kind" NOT NULL, "source_id" uuid NOT NULL, "extension_id" uuid, "developer_id" uuid, "description" text NOT NULL, "quantity" bigint NOT NULL DEFAULT '1', "currency" text NOT NULL, "amount_minor" bigint NOT NULL, "developer_share_bps" integer NOT NULL, "developer_amount_minor" bigint NOT NULL, "platform_fee_minor" bigint NOT NULL, "refunded_minor" bigint NOT NULL DEFAULT '0', CONSTRAINT "ck_billing_line_refund" CHECK ("refunded_minor" BETWEEN 0 AND "amount_minor"), CONSTRAINT "ck_billing_line_split" CHECK ("developer_amount_minor" + "platform_fee_minor" = "amount_minor" AND "developer_amount_minor" >= 0 AND "platform_fee_minor" >= 0), CONSTRAINT "pk_billing_invoice_lines" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_billing_lines_developer" ON "billing_invoice_lines" ("developer_id", "period_start") `);
        await queryRunner.query(`CREATE INDEX "ix_billing_lines_invoice" ON "billing_invoice_lines" ("invoice_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_lines_source" ON "billing_invoice_lines" ("period_start", "kind", "source_id") `);
        await queryRunner.query(`CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "currency" text NOT NULL, CONSTRAINT "pk_ledger_accounts" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_ledger_accounts_code" ON "ledger_accounts" ("code", "currency") `);
        await queryRunner.query(`CREATE TABLE "ledger_transactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "reference" text NOT NULL, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_ledger_transactions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_ledger_transactions_reference" ON "ledger_transactions" ("reference") `);
        await queryRunner.query(`CREATE TABLE "ledger_entries" ("id" BIGSERIAL NOT NULL, "transaction_id" uuid NOT NULL, "account_id" uuid NOT NULL, "currency" text NOT NULL, "amount_minor" bigint NOT NULL, CONSTRAINT "ck_ledger_entry_nonzero" CHECK ("amount_minor" <> 0), CONSTRAINT "pk_ledger_entries" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_ledger_entries_transaction" ON "ledger_entries" ("transaction_id") `);
        await queryRunner.query(`CREATE INDEX "ix_ledger_entries_account" ON "ledger_entries" ("account_id") `);
        await queryRunner.query(`CREATE TABLE "billing_payouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "developer_id" uuid NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "currency" text NOT NULL, "amount_minor" bigint NOT NULL, "provider" text NOT NULL, "provider_reference" text, "ledger_transaction_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_billing_payouts" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_payouts_period" ON "billing_payouts" ("developer_id", "period_start", "currency") `);
        await queryRunner.query(`CREATE TABLE "billing_refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_line_id" uuid NOT NULL, "amount_minor" bigint NOT NULL, "developer_reversal_minor" bigint NOT NULL, "platform_reversal_minor" bigint NOT NULL, "reason" text NOT NULL, "created_by_id" uuid NOT NULL, "ledger_transaction_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_billing_refund_split" CHECK ("developer_reversal_minor" + "platform_reversal_minor" = "amount_minor" AND "amount_minor" > 0), CONSTRAINT "pk_billing_refunds" PRIMARY KEY ("id"))`);

        // Hand-written (docs/billing.md, "Ledger"): a transaction's entries sum to zero per
        // currency. A statement-level trigger over the inserted rows (a transition table) checks
        // every transaction the statement touched, against all of its entries: one check per
        // statement, so the period close's single INSERT of many thousand entries is checked once.
        // Writers insert a transaction's entries in one statement (Ledger.post, the close).
        await queryRunner.query(`CREATE FUNCTION ledger_assert_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE unbalanced record;
            BEGIN
              SELECT e.transaction_id, e.currency, sum(e.amount_minor) AS total INTO unbalanced
                FROM ledger_entries e WHERE e.transaction_id IN (SELECT DISTINCT transaction_id FROM inserted)
               GROUP BY e.transaction_id, e.currency HAVING sum(e.amount_minor) <> 0 LIMIT 1;
              IF FOUND THEN
                RAISE EXCEPTION 'ledger transaction % does not balance in %: off by %', unbalanced.transaction_id, unbalanced.currency, unbalanced.total
                  USING ERRCODE = '23514', CONSTRAINT = 'ck_ledger_transaction_balanced';
              END IF;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER tr_ledger_entries_balanced AFTER INSERT ON ledger_entries
            REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_assert_balanced()`);
        // Entries are never changed or removed: corrections are new transactions (a refund reverses).
        await queryRunner.query(`CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'ledger entries are append-only' USING ERRCODE = '23514'; END $$`);
        await queryRunner.query(`CREATE TRIGGER tr_ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
            FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`);
        // Developer tiers from the reference portal (explorer / indie / studio / partner: app
        // limits and shares), and the 80/20 default of the marketplace seed for developers with
        // no tier. Data, not code: admins edit the rows.
        await queryRunner.query(`INSERT INTO billing_developer_tiers (name, paid_app_limit, developer_share_bps, is_default) VALUES
            ('standard', NULL, 8000, true), ('explorer', 0, 0, false), ('indie', 5, 7000, false), ('studio', 20, 7500, false), ('partner', NULL, 8000, false)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS tr_ledger_entries_append_only ON ledger_entries`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS tr_ledger_entries_balanced ON ledger_entries`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_refuse_change()`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_assert_balanced()`);
        await queryRunner.query(`DROP TABLE "billing_refunds"`);
        await queryRunner.query(`DROP INDEX "public"."uq_billing_payouts_period"`);
        await queryRunner.query(`DROP TABLE "billing_payouts"`);
        await queryRunner.query(`DROP INDEX "public"."ix_ledger_entries_account"`);
        await queryRunner.query(`DROP INDEX "public"."ix_ledger_entries_transaction"`);
        await queryRunner.query(`DROP TABLE "ledger_entries"`);
        await queryRunner.query(`DROP INDEX "public"."uq_ledger_transactions_reference"`);
        await queryRunner.query(`DROP TABLE "ledger_transactions"`);
        await queryRunner.query(`DROP INDEX "public"."uq_ledger_accounts_code"`);
        await queryRunner.query(`DROP TABLE "ledger_accounts"`);
        await queryRunner.query(`DROP INDEX "public"."uq_billing_lines_source"`);
        await queryRunner.query(`DROP INDEX "public"."ix_billing_lines_invoice"`);
        await queryRunner.query(`DROP INDEX "public"."ix_billing_lines_developer"`);
        await queryRunner.query(`DROP TABLE "billing_invoice_lines"`);
        await queryRunner.query(`DROP TYPE "public"."invoice_line_kind"`);
        await queryRunner.query(`DROP INDEX "public"."uq_billing_invoices_customer_period"`);
        await queryRunner.query(`DROP TABLE "billing_invoices"`);
        await queryRunner.query(`DROP INDEX "public"."uq_billing_usage_key"`);
        await queryRunner.query(`DROP INDEX "public"."ix_billing_usage_period"`);
        await queryRunner.query(`DROP TABLE "billing_usage_records"`);
        await queryRunner.query(`DROP TABLE "billing_periods"`);
        await queryRunner.query(`DROP INDEX "public"."uq_billing_subscriptions_installation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_billing_subscriptions_status"`);
        await queryRunner.query(`DROP TABLE "billing_subscriptions"`);
        await queryRunner.query(`DROP TYPE "public"."subscription_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_extension_pricing_revision"`);
        await queryRunner.query(`DROP TABLE "extension_pricing"`);
        await queryRunner.query(`DROP TYPE "public"."billing_interval"`);
        await queryRunner.query(`DROP TYPE "public"."pricing_model"`);
        await queryRunner.query(`DROP TABLE "billing_developer_terms"`);
        await queryRunner.query(`DROP TABLE "billing_developer_tiers"`);
    }

}
