import { graphql } from '../generated';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { ManualClock } from '../../src/shared/clock';
import { splitShare } from '../../src/modules/billing/money';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { approvedVersion, buildReviewer, must, publishApproved } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';
import { checkLedgerAfterEach, ledgerProblems } from '../utils/ledger';
import { seededRandom } from '../utils/random';

const SET_PRICING = graphql(`mutation BillingSetPricing($a: String!, $i: PricingInput!) {
  setPricing(appId: $a, input: $i) { id revision model interval priceMinor currency unitName unitPriceMinor includedUnits capMinor trialDays } }`);
const PRICING_OF = graphql(`query BillingPricingOf($a: String!) { extension(appId: $a) { pricing { id revision model priceMinor currency } } }`);
const INSTALL = graphql(`mutation BillingInstall($i: InstallInput!) { install(input: $i) { id status } }`);
const UNINSTALL = graphql(`mutation BillingUninstall($id: ID!) { uninstall(installationId: $id) { id status } }`);
const SUBSCRIPTIONS = graphql(`query BillingSubscriptions($o: ID) {
  mySubscriptions(organizationId: $o) { id installationId status cancelAt trialEndsAt pricing { id priceMinor } offeredPricing { id priceMinor } } }`);
const ACCEPT = graphql(`mutation BillingAccept($id: ID!) { acceptPriceChange(subscriptionId: $id) { id status pricing { id priceMinor } offeredPricing { id } } }`);
const TOKEN = graphql(`mutation BillingRuntimeToken($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret runtimeToken { id } } }`);
const REVOKE = graphql(`mutation BillingRevokeRuntimeToken($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }`);
const USAGE = graphql(`mutation BillingRecordUsage($i: UsageInput!) { recordUsage(input: $i) { id units period duplicate } }`);
const INVOICES = graphql(`query BillingInvoices($o: ID) {
  myInvoices(organizationId: $o) { id period currency totalMinor organizationId lines { id kind description quantity amountMinor refundedMinor currency } } }`);
const INVOICE = graphql(`query BillingInvoice($id: ID!) { invoice(id: $id) { id totalMinor lines { id amountMinor } } }`);
const EARNINGS = graphql(`query BillingEarnings($p: String) {
  developerEarnings(period: $p) { period currency grossMinor developerMinor platformFeeMinor refundedMinor reversedMinor
    lines { id kind amountMinor developerShareBps developerAmountMinor platformFeeMinor refundedMinor } } }`);
const PAYOUTS = graphql(`query BillingPayouts { payoutStatements { id period currency amountMinor provider providerReference csvPath pdfPath } }`);
const REFUND = graphql(`mutation BillingRefund($l: ID!, $a: SafeInt!, $r: String!) {
  refund(invoiceLineId: $l, amountMinor: $a, reason: $r) { id amountMinor developerReversalMinor platformReversalMinor } }`);
const OVERRIDE = graphql(`mutation BillingOverride($d: ID!, $b: SafeInt, $r: String!, $t: String) {
  setRevenueShareOverride(developerId: $d, developerShareBps: $b, reason: $r, tier: $t) { developerId tier developerShareBps overridden paidAppLimit } }`);
const PAUSE = graphql(`mutation BillingPause($a: String!) { pauseExtension(appId: $a) { appId } }`);
const RESUME = graphql(`mutation BillingResume($a: String!) { resumeExtension(appId: $a) { appId } }`);
const MARKET = graphql(`query BillingMarketplace { marketplace(first: 100) { edges { node { appId pricing { id priceMinor } } } } }`);
const SCOPES = graphql(`query BillingScopes($a: String!) { extension(appId: $a) { scopes } }`);
const MY_SHARE = graphql(`query BillingMyShare { myRevenueShare { tier developerShareBps overridden } }`);

const START = '2027-03-10T00:00:00Z';

describe('paid extensions (docs/billing.md)', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  let dev: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;
  let stranger: TestUser;
  let n = 0;

  type Paid = Awaited<ReturnType<typeof paidExtension>>;
  let fixtures: Record<'flat' | 'usage' | 'otherUsage' | 'payout' | 'trial' | 'override', Paid>;
  let payoutDev: TestUser;
  let enterpriseDev: TestUser;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    [dev, reviewer, admin, stranger, payoutDev, enterpriseDev] = await Promise.all([
      buildDeveloper(t, { displayName: 'Paid Dev' }),
      buildReviewer(t),
      buildAdmin(t),
      buildUser(t),
      buildDeveloper(t, { displayName: 'Payout Dev' }),
      buildDeveloper(t, { displayName: 'Enterprise Dev' }),
    ]);
    // Every extension the tests install, published through the real pipeline at once (the validation jobs run side by side).
    const [flatApp, usage, otherUsage, payout, trial, override] = await Promise.all([
      paidExtension({ ...flat, trialDays: 0 }),
      paidExtension({ model: 'USAGE', currency: 'EUR', unitName: 'request', unitPriceMinor: 3, includedUnits: 100, capMinor: 100_000 }),
      paidExtension({ model: 'USAGE', currency: 'EUR', unitName: 'request', unitPriceMinor: 1 }),
      paidExtension({ ...flat, priceMinor: 1001 }, payoutDev),
      paidExtension({ ...flat, priceMinor: 500, trialDays: 60 }, payoutDev),
      paidExtension({ ...flat, priceMinor: 333 }, enterpriseDev),
    ]);
    fixtures = { flat: flatApp, usage, otherUsage, payout, trial, override };
  }, 180_000);
  afterAll(() => t.close());
  checkLedgerAfterEach(() => t);

  const systemCtx = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container, 'test-close');
  const close = () => t.app.services.periodClose.closeDuePeriods(systemCtx());

  /** An approved version priced before its first publish (an unpublished extension may change its price), then published. */
  async function paidExtension(pricing: Record<string, unknown>, owner: TestUser = dev) {
    const approved = await approvedVersion(t, { dev: owner, reviewer, appId: `paid-app-${++n}`, displayName: `Paid App ${n}`, validationTimeoutMs: 100_000 });
    const priced = (await must(t, SET_PRICING, { a: approved.appId, i: pricing as never }, owner.token)).setPricing;
    await publishApproved(t, approved);
    scopes.set(approved.appId, (await must(t, SCOPES, { a: approved.appId })).extension!.scopes);
    return { ...approved, pricingId: priced.id };
  }
  const scopes = new Map<string, string[]>();
  const flat = { model: 'FLAT', currency: 'EUR', interval: 'MONTH', priceMinor: 999 };
  const install = (user: TestUser, appId: string, pricingId?: string, organizationId?: string) =>
    t.gql(INSTALL, { i: { appId, grantedScopes: scopes.get(appId) ?? [], ...(pricingId ? { price: { pricingId } } : {}), ...(organizationId ? { organizationId } : {}) } }, user.token);
  const rows = (sql: string, params: unknown[] = []) => t.sql(sql, params);

  it('refuses bad pricing input field by field, and strangers and anonymous callers, writing nothing', async () => {
    const approved = await approvedVersion(t, { dev, reviewer, appId: `paid-app-${++n}` });
    const cases: [Record<string, unknown>, string][] = [
      [{ model: 'FLAT', currency: 'EUR', interval: 'MONTH' }, 'priceMinor'],
      [{ model: 'FLAT', currency: 'EUR', interval: 'MONTH', priceMinor: 0 }, 'priceMinor'],
      [{ model: 'FLAT', currency: 'EUR', interval: 'MONTH', priceMinor: -5 }, 'priceMinor'],
      [{ model: 'FLAT', currency: 'EUR', priceMinor: 100 }, 'interval'],
      [{ model: 'FLAT', currency: 'E1R', interval: 'MONTH', priceMinor: 100 }, 'currency'],
      [{ model: 'FLAT', interval: 'MONTH', priceMinor: 100 }, 'currency'],
      [{ model: 'FLAT', currency: 'EUR', interval: 'MONTH', priceMinor: 100, unitName: 'call' }, 'unitName'],
      [{ model: 'USAGE', currency: 'EUR', unitPriceMinor: 5 }, 'unitName'],
      [{ model: 'USAGE', currency: 'EUR', unitName: 'call' }, 'unitPriceMinor'],
      [{ model: 'USAGE', currency: 'EUR', unitName: 'call', unitPriceMinor: 5, capMinor: 0 }, 'capMinor'],
      [{ model: 'USAGE', currency: 'EUR', unitName: '<b>', unitPriceMinor: 5 }, 'unitName'],
      [{ model: 'FREE', priceMinor: 100 }, 'priceMinor'],
      [{ model: 'FLAT', currency: 'EUR', interval: 'MONTH', priceMinor: 100, trialDays: 400 }, 'trialDays'],
    ];
    for (const [input, field] of cases) {
      const error = expectCode(await t.gql(SET_PRICING, { a: approved.appId, i: input as never }, dev.token), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([expect.objectContaining({ path: field })]);
    }
    expectCode(await t.gql(SET_PRICING, { a: approved.appId, i: flat as never }), 'UNAUTHENTICATED');
    expectCode(await t.gql(SET_PRICING, { a: approved.appId, i: flat as never }, stranger.token), 'NOT_FOUND');
    expect(await rows(`SELECT 1 FROM extension_pricing WHERE extension_id = $1`, [approved.extensionId])).toHaveLength(0);

    // Published and not paused: INVALID_STATE, nothing written.
    await publishApproved(t, approved);
    const refused = expectCode(await t.gql(SET_PRICING, { a: approved.appId, i: flat as never }, dev.token), 'INVALID_STATE');
    expect(refused.extensions.reason).toBe('NOT_PAUSED');
    expect(await rows(`SELECT 1 FROM extension_pricing WHERE extension_id = $1`, [approved.extensionId])).toHaveLength(0);
  });

  it('installs a paid extension only with the price acknowledged: CONSENT_REQUIRED with missingPrice writes nothing', async () => {
    const app = fixtures.flat;
    const user = await buildUser(t);
    const shown = (await must(t, PRICING_OF, { a: app.appId })).extension!.pricing!;
    expect(shown).toMatchObject({ id: app.pricingId, model: 'FLAT', priceMinor: 999, currency: 'EUR', revision: 1 });
    // The marketplace shows every listed extension's price, batched in one loader query.
    const listed = (await must(t, MARKET, {})).marketplace.edges.map(e => e.node);
    expect(listed.find(e => e.appId === app.appId)!.pricing).toEqual({ id: app.pricingId, priceMinor: 999 });
    expect(listed.find(e => e.appId === fixtures.payout.appId)!.pricing!.priceMinor).toBe(1001);

    const refused = expectCode(await install(user, app.appId), 'CONSENT_REQUIRED');
    expect(refused.extensions.missingPrice).toMatchObject({ pricingId: app.pricingId, model: 'FLAT', priceMinor: 999, currency: 'EUR', interval: 'MONTH' });
    expect(refused.extensions.missingScopes).toEqual([]);
    const wrong = expectCode(await install(user, app.appId, '00000000-0000-4000-8000-000000000000'), 'CONSENT_REQUIRED');
    expect(wrong.extensions.missingPrice.pricingId).toBe(app.pricingId);
    expect(await rows(`SELECT 1 FROM installations WHERE extension_id = $1`, [app.extensionId])).toHaveLength(0);
    expect(await rows(`SELECT 1 FROM billing_subscriptions WHERE extension_id = $1`, [app.extensionId])).toHaveLength(0);

    const installed = (await install(user, app.appId, app.pricingId)).data!.install;
    const subs = (await must(t, SUBSCRIPTIONS, {}, user.token)).mySubscriptions;
    expect(subs).toEqual([expect.objectContaining({ installationId: installed.id, status: 'ACTIVE', pricing: { id: app.pricingId, priceMinor: 999 }, offeredPricing: null })]);
    const events = await rows(`SELECT type, audience_user_id, data FROM platform_events WHERE app_id = $1 AND type LIKE 'subscription.%'`, [app.appId]);
    expect(events).toEqual([expect.objectContaining({ type: 'subscription.created', audience_user_id: user.id })]);
    // The developer sees that a subscription started, not whose installation it is.
    const devView = await t.gql(`query($a: [String!]) { events(first: 50, appIds: $a, types: ["subscription.created"]) { edges { node { data } } } }`, { a: [app.appId] }, dev.token);
    expect(devView.errors).toBeUndefined();
    const data = (devView.data as any).events.edges[0].node.data;
    expect(data.installationId ?? null).toBeNull();
    expect(JSON.stringify(data)).not.toContain(user.id);
    expect(data.priceMinor).toBe(999);
  });

  it('counts usage once per idempotency key, scoped to its own extension, and bills it at the period close (twice and concurrently: once)', async () => {
    clock.set(START);
    const app = fixtures.usage;
    const other = fixtures.otherUsage;
    const user = await buildUser(t);
    const installation = (await install(user, app.appId, app.pricingId)).data!.install;
    const otherInstallation = (await install(user, other.appId, other.pricingId)).data!.install;

    expectCode(await t.gql(TOKEN, { a: app.appId, n: 'backend' }, stranger.token), 'NOT_FOUND');
    clock.set('2027-03-20T00:00:00Z');
    const { secret, runtimeToken: token } = (await must(t, TOKEN, { a: app.appId, n: 'backend' }, dev.token)).createRuntimeToken;
    const report = (input: Record<string, unknown>, usageToken: string | undefined = secret) =>
      t.gql(USAGE, { i: { installationId: installation.id, units: 250, idempotencyKey: 'k-1', occurredAt: '2027-03-11T10:00:00Z', ...input } as never }, usageToken);

    // Runtime tokens only (docs/runtime.md): anonymous callers, and users, the developer included, are refused.
    expectCode(await report({}, ''), 'UNAUTHENTICATED');
    expectCode(await report({}, dev.token), 'FORBIDDEN');
    expectCode(await report({}, admin.token), 'FORBIDDEN');
    expectCode(await report({ units: 0 }), 'BAD_USER_INPUT');
    expectCode(await report({ units: -3 }), 'BAD_USER_INPUT');
    expectCode(await report({ idempotencyKey: '' }), 'BAD_USER_INPUT');
    expectCode(await report({ occurredAt: '2027-04-20T00:00:00Z' }), 'BAD_USER_INPUT');
    // A token reaches its own extension's installations only.
    expectCode(await report({ installationId: otherInstallation.id }), 'NOT_FOUND');

    const [a, b] = await Promise.all([report({}), report({})]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect([a.data!.recordUsage.duplicate, b.data!.recordUsage.duplicate].sort()).toEqual([false, true]);
    expect((await report({})).data!.recordUsage).toMatchObject({ units: 250, period: '2027-03', duplicate: true });
    expectCode(await report({ units: 251 }), 'CONFLICT');
    expect((await report({ idempotencyKey: 'k-2', units: 50 })).data!.recordUsage.duplicate).toBe(false);

    // Close March (its end has passed on the clock): twice at once, then again.
    clock.set('2027-04-01T00:05:00Z');
    const [first, second] = await Promise.all([close(), close()]);
    expect([...first, ...second].filter(c => c.periodStart.toISOString() === '2027-03-01T00:00:00.000Z')).toHaveLength(1);
    expect(await close()).toEqual([]);
    const invoices = (await must(t, INVOICES, {}, user.token)).myInvoices;
    expect(invoices).toHaveLength(1);
    // 300 units, 100 included: 200 × 3 = 600 for the usage app; 0 for the other (no usage).
    expect(invoices[0]).toMatchObject({ period: '2027-03', currency: 'EUR', totalMinor: 600 });
    expect(invoices[0].lines).toEqual([expect.objectContaining({ kind: 'USAGE', quantity: 300, amountMinor: 600 })]);
    expect(await rows(`SELECT 1 FROM billing_invoice_lines l JOIN billing_invoices i ON i.id = l.invoice_id WHERE i.customer_user_id = $1`, [user.id])).toHaveLength(1);
    expect(await rows(`SELECT 1 FROM platform_events WHERE type = 'invoice.finalized' AND subject_id = $1`, [invoices[0].id])).toHaveLength(1);

    // A late report dated in closed March lands in April; revoked tokens stop working.
    expect((await report({ idempotencyKey: 'late', occurredAt: '2027-03-31T23:00:00Z', units: 10 })).data!.recordUsage.period).toBe('2027-04');
    expect((await report({ idempotencyKey: 'april', occurredAt: '2027-04-01T00:01:00Z', units: 10 })).data!.recordUsage.period).toBe('2027-04');
    await must(t, REVOKE, { id: token.id }, dev.token);
    expectCode(await report({ idempotencyKey: 'k-3' }), 'UNAUTHENTICATED');
  });

  it('charges flat subscriptions after the trial, cancels at period end on uninstall, splits revenue 80/20 and pays the developer out', async () => {
    clock.set('2027-05-03T00:00:00Z');
    const owner = payoutDev;
    const app = fixtures.payout;
    const trial = fixtures.trial;
    const user = await buildUser(t);
    const installation = (await install(user, app.appId, app.pricingId)).data!.install;
    await install(user, trial.appId, trial.pricingId);
    clock.set('2027-05-20T00:00:00Z');
    await must(t, UNINSTALL, { id: installation.id }, user.token);
    const subs = (await must(t, SUBSCRIPTIONS, {}, user.token)).mySubscriptions;
    expect(subs.find(s => s.installationId === installation.id)).toMatchObject({ status: 'CANCELING', cancelAt: '2027-06-01T00:00:00.000Z' });
    expect(await rows(`SELECT 1 FROM platform_events WHERE type = 'subscription.canceled' AND app_id = $1`, [app.appId])).toHaveLength(1);

    clock.set('2027-06-01T01:00:00Z');
    await close();
    const may = (await must(t, INVOICES, {}, user.token)).myInvoices.find(i => i.period === '2027-05')!;
    // The canceled one is charged for May (it ran to the period's end); the trial one is not.
    expect(may.lines.map(l => [l.kind, l.amountMinor])).toEqual([['SUBSCRIPTION', 1001]]);
    expect((await must(t, SUBSCRIPTIONS, {}, user.token)).mySubscriptions.find(s => s.installationId === installation.id)!.status).toBe('CANCELED');

    // 1001 × 80 % = 800.8: the developer gets 800, the platform 201; nothing lost, nothing invented.
    const earnings = (await must(t, EARNINGS, { p: '2027-05' }, owner.token)).developerEarnings;
    expect(earnings).toEqual([expect.objectContaining({ period: '2027-05', currency: 'EUR', grossMinor: 1001, developerMinor: 800, platformFeeMinor: 201 })]);
    expect(earnings[0].lines[0]).toMatchObject({ developerShareBps: 8000, developerAmountMinor: 800, platformFeeMinor: 201 });
    const payouts = (await must(t, PAYOUTS, {}, owner.token)).payoutStatements;
    expect(payouts).toEqual([expect.objectContaining({ period: '2027-05', currency: 'EUR', amountMinor: 800, provider: 'manual' })]);
    expect(await rows(`SELECT 1 FROM platform_events WHERE type = 'payout.created' AND audience_user_id = $1`, [owner.id])).toHaveLength(1);

    // Statements: the developer downloads CSV and PDF; strangers get 404, anonymous 401.
    const csv = await t.http().get(payouts[0].csvPath).set('Authorization', `Bearer ${owner.token}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('1001');
    expect(csv.text).toMatch(/PAYOUT.*,800,EUR/);
    const pdf = await t.http().get(payouts[0].pdfPath).set('Authorization', `Bearer ${owner.token}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.http().get(payouts[0].csvPath).set('Authorization', `Bearer ${stranger.token}`)).status).toBe(404);
    expect((await t.http().get(payouts[0].pdfPath).set('Authorization', `Bearer ${dev.token}`)).status).toBe(404);
    expect((await t.http().get(payouts[0].csvPath)).status).toBe(401);
    // The manual provider's bank file: admins only.
    const bank = await t.http().get('/billing/bank-files/2027-05.csv').set('Authorization', `Bearer ${admin.token}`);
    expect(bank.status).toBe(200);
    expect(bank.text).toContain(payouts[0].id);
    expect(bank.text).toContain('8.00');
    expect((await t.http().get('/billing/bank-files/2027-05.csv').set('Authorization', `Bearer ${owner.token}`)).status).toBe(403);

    // Refund half of the line: the developer's share is reversed proportionally (800 × 500 / 1001 = 399.6: 399).
    const lineId = may.lines[0].id;
    expectCode(await t.gql(REFUND, { l: lineId, a: 500, r: 'outage' }, owner.token), 'FORBIDDEN');
    expectCode(await t.gql(REFUND, { l: lineId, a: 1002, r: 'too much' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(REFUND, { l: lineId, a: 0, r: 'zero' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(REFUND, { l: lineId, a: 10, r: '  ' }, admin.token), 'BAD_USER_INPUT');
    expect(await rows(`SELECT 1 FROM billing_refunds WHERE invoice_line_id = $1`, [lineId])).toHaveLength(0);
    const half = (await must(t, REFUND, { l: lineId, a: 500, r: 'outage' }, admin.token)).refund;
    expect(half).toMatchObject({ amountMinor: 500, developerReversalMinor: 399, platformReversalMinor: 101 });
    // The rest in two parts: the whole 800 is reversed, however the refund was split.
    const parts = [(await must(t, REFUND, { l: lineId, a: 333, r: 'rest 1' }, admin.token)).refund, (await must(t, REFUND, { l: lineId, a: 168, r: 'rest 2' }, admin.token)).refund];
    expect(399 + parts[0].developerReversalMinor + parts[1].developerReversalMinor).toBe(800);
    expectCode(await t.gql(REFUND, { l: lineId, a: 1, r: 'nothing left' }, admin.token), 'BAD_USER_INPUT');
    const refunded = (await must(t, INVOICE, { id: may.id }, user.token)).invoice;
    expect(refunded.totalMinor).toBe(1001);
    const balance = await rows(
      `SELECT sum(e.amount_minor)::int AS b FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.code = $1`,
      [`developer:${owner.id}`],
    );
    // Paid out 800, then 800 reversed: the developer owes 800 to the next payout.
    expect(balance[0].b).toBe(800);
  });

  it('applies an admin override of the revenue share to charges from then on, and records the share on each line', async () => {
    clock.set('2027-07-02T00:00:00Z');
    const owner = enterpriseDev;
    expectCode(await t.gql(OVERRIDE, { d: owner.id, b: 9000, r: 'enterprise agreement' }, owner.token), 'FORBIDDEN');
    expectCode(await t.gql(OVERRIDE, { d: owner.id, b: 10001, r: 'too much' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(OVERRIDE, { d: owner.id, b: 9000, r: 'x', t: 'no-such-tier' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(OVERRIDE, { d: stranger.id, b: 9000, r: 'not a developer' }, admin.token), 'NOT_FOUND');
    expect((await must(t, MY_SHARE, {}, owner.token)).myRevenueShare).toEqual({ tier: 'standard', developerShareBps: 8000, overridden: false });
    const app = fixtures.override;
    const user = await buildUser(t);
    await install(user, app.appId, app.pricingId);
    const terms = (await must(t, OVERRIDE, { d: owner.id, b: 9000, r: 'enterprise agreement' }, admin.token)).setRevenueShareOverride;
    expect(terms).toMatchObject({ tier: 'standard', developerShareBps: 9000, overridden: true });
    clock.set('2027-08-01T00:00:00Z');
    await close();
    const line = (await must(t, EARNINGS, { p: '2027-07' }, owner.token)).developerEarnings[0].lines[0];
    expect(line).toMatchObject({ amountMinor: 333, developerShareBps: 9000, developerAmountMinor: 299, platformFeeMinor: 34 });
    // A tier with a paid-app limit: explorer sells nothing.
    await must(t, OVERRIDE, { d: owner.id, b: null, r: 'back to the tier', t: 'explorer' }, admin.token);
    const next = await approvedVersion(t, { dev: owner, reviewer, appId: `paid-app-${++n}` });
    expectCode(await t.gql(SET_PRICING, { a: next.appId, i: flat as never }, owner.token), 'FORBIDDEN');
  });

  it('changes a published price only while paused; existing subscribers keep theirs until they accept the offer, and are notified', async () => {
    clock.set('2027-09-02T00:00:00Z');
    const app = fixtures.flat;
    const old = await buildUser(t);
    await install(old, app.appId, app.pricingId);
    const raised = { ...flat, priceMinor: 1299 };
    expectCode(await t.gql(SET_PRICING, { a: app.appId, i: raised as never }, dev.token), 'INVALID_STATE');
    await must(t, PAUSE, { a: app.appId }, dev.token);
    expectCode(await t.gql(SET_PRICING, { a: app.appId, i: raised as never }, stranger.token), 'NOT_FOUND');
    const revision = (await must(t, SET_PRICING, { a: app.appId, i: raised as never }, dev.token)).setPricing;
    expect(revision).toMatchObject({ revision: 2, priceMinor: 1299 });
    await must(t, RESUME, { a: app.appId }, dev.token);

    const mine = (await must(t, SUBSCRIPTIONS, {}, old.token)).mySubscriptions[0];
    expect(mine).toMatchObject({ status: 'ACTIVE', pricing: { id: app.pricingId, priceMinor: 999 }, offeredPricing: { id: revision.id, priceMinor: 1299 } });
    const offered = await rows(`SELECT audience_user_id, data FROM platform_events WHERE type = 'subscription.price_change_offered' AND subject_id = $1`, [mine.id]);
    expect(offered).toEqual([expect.objectContaining({ audience_user_id: old.id })]);

    // A new customer pays the new price: acknowledging the old one is not enough.
    const fresh = await buildUser(t);
    expect(expectCode(await install(fresh, app.appId, app.pricingId), 'CONSENT_REQUIRED').extensions.missingPrice.pricingId).toBe(revision.id);
    await install(fresh, app.appId, revision.id);

    clock.set('2027-10-01T00:00:00Z');
    await close();
    const charged = async (user: TestUser) => (await must(t, INVOICES, {}, user.token)).myInvoices.find(i => i.period === '2027-09')!.totalMinor;
    expect(await charged(old)).toBe(999);
    expect(await charged(fresh)).toBe(1299);

    expectCode(await t.gql(ACCEPT, { id: mine.id }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(ACCEPT, { id: mine.id }), 'UNAUTHENTICATED');
    const accepted = (await must(t, ACCEPT, { id: mine.id }, old.token)).acceptPriceChange;
    expect(accepted).toMatchObject({ status: 'ACTIVE', pricing: { id: revision.id, priceMinor: 1299 }, offeredPricing: null });
    expectCode(await t.gql(ACCEPT, { id: mine.id }, old.token), 'INVALID_STATE');
    clock.set('2027-11-01T00:00:00Z');
    await close();
    expect((await must(t, INVOICES, {}, old.token)).myInvoices.find(i => i.period === '2027-10')!.totalMinor).toBe(1299);
  });

  it('computes the revenue share in SQL exactly as in TypeScript, over many random amounts and shares', async () => {
    const random = seededRandom(20270301);
    const cases = Array.from({ length: 5000 }, () => [Math.floor(random() * 10 ** Math.ceil(random() * 12)), Math.floor(random() * 10_001)]);
    const sql = await t.sql<{ dev: string }>(
      `SELECT ((a)::bigint * (b)::bigint / 10000)::text AS dev FROM unnest($1::bigint[], $2::int[]) WITH ORDINALITY AS x(a, b, i) ORDER BY i`,
      [cases.map(c => String(c[0])), cases.map(c => c[1])],
    );
    cases.forEach(([amount, bps], i) => {
      const { developer, platform } = splitShare(amount, bps);
      expect(Number(sql[i].dev)).toBe(developer);
      expect(developer + platform).toBe(amount);
    });
  });

  it('shows invoices, subscriptions, earnings and statements to their owners only (strangers and anonymous callers)', async () => {
    const invoices = await rows(`SELECT id FROM billing_invoices LIMIT 1`);
    expect(invoices).toHaveLength(1);
    const id = invoices[0].id as string;
    expectCode(await t.gql(INVOICE, { id }), 'UNAUTHENTICATED');
    expectCode(await t.gql(INVOICE, { id }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(INVOICE, { id }, dev.token), 'NOT_FOUND');
    expect((await must(t, INVOICE, { id }, admin.token)).invoice.id).toBe(id);
    for (const doc of [INVOICES, SUBSCRIPTIONS] as const) {
      expectCode(await t.gql(doc as never, {}), 'UNAUTHENTICATED');
      const own = await t.gql(doc as never, {}, stranger.token);
      expect(own.errors).toBeUndefined();
      expect(Object.values(own.data as Record<string, unknown[]>)[0]).toEqual([]);
    }
    expectCode(await t.gql(EARNINGS, { p: '2027-05' }), 'UNAUTHENTICATED');
    expect((await must(t, EARNINGS, { p: '2027-05' }, stranger.token)).developerEarnings).toEqual([]);
    expectCode(await t.gql(EARNINGS, { p: '2027-13' }, stranger.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(PAYOUTS, {}), 'UNAUTHENTICATED');
    expect((await must(t, PAYOUTS, {}, stranger.token)).payoutStatements).toEqual([]);
    // An organization's invoices: its owners and admins only.
    expectCode(await t.gql(INVOICES, { o: '00000000-0000-4000-8000-000000000000' }, stranger.token), 'NOT_FOUND');
    expect(await ledgerProblems(t)).toEqual([]);
  });
});
