import { graphql } from '../generated';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { installationOf, must, publishedExtension, PublishedExtension } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';

const PAUSE = graphql(`mutation AvailabilityPause($a: String!) { pauseExtension(appId: $a) { appId availability availabilityReason } }`);
const RESUME = graphql(`mutation AvailabilityResume($a: String!) { resumeExtension(appId: $a) { appId availability } }`);
const SUSPEND = graphql(`mutation AvailabilitySuspend($a: String!, $r: String!) { suspendExtension(appId: $a, reason: $r) { appId availability availabilityReason } }`);
const REINSTATE = graphql(`mutation AvailabilityReinstate($a: String!, $r: String!) { reinstateExtension(appId: $a, reason: $r) { appId availability availabilityReason } }`);
const EXTENSION = graphql(`query AvailabilityExtension($a: String!) { extension(appId: $a) { appId availability availabilityReason } }`);
const MARKET = graphql(`query AvailabilityMarket($q: String!) { marketplace(query: $q, first: 10) { totalCount edges { node { appId } } } }`);
const CATEGORIES = graphql(`query AvailabilityCategories { categories { slug count } }`);
const INSTALL = graphql(`mutation AvailabilityInstall($i: InstallInput!) { install(input: $i) { id } }`);
const MINE = graphql(`query AvailabilityMine { myInstallations { id extensionAvailability extension { appId availability availabilityReason } } }`);
const EVENTS = graphql(`query AvailabilityEvents($a: [String!]) { events(appIds: $a, types: ["extension.paused", "extension.resumed", "extension.suspended", "extension.reinstated"], first: 50) { edges { node { type data } } } }`);

const SCOPES = ['store:read', 'task-board:read', 'task-board:write'];

describe('extension availability: pause, resume, suspend, reinstate (docs/runtime.md)', () => {
  let t: TestApp;
  let ext: PublishedExtension;
  let installer: TestUser;
  let stranger: TestUser & { authorId: string };
  let plainUser: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    ext = await publishedExtension(t, { appId: 'availability-app', displayName: 'Availability Board' });
    installer = await buildUser(t);
    stranger = await buildDeveloper(t);
    plainUser = await buildUser(t);
    admin = await buildAdmin(t);
    await installationOf(t, installer, ext, { grantedScopes: SCOPES });
  }, 120_000);
  afterAll(() => t?.close());

  const onMarketplace = async () => (await must(t, MARKET, { q: ext.appId })).marketplace.edges.map(e => e.node.appId).includes(ext.appId);
  const availabilityRow = async () => (await t.sql(`SELECT availability, availability_reason FROM extensions WHERE app_id = $1`, [ext.appId]))[0];

  it('only the owner pauses and resumes; others get NOT_FOUND, FORBIDDEN or UNAUTHENTICATED and nothing changes', async () => {
    expectCode(await t.gql(PAUSE, { a: ext.appId }), 'UNAUTHENTICATED');
    expectCode(await t.gql(PAUSE, { a: ext.appId }, plainUser.token), 'FORBIDDEN');
    expectCode(await t.gql(PAUSE, { a: ext.appId }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(PAUSE, { a: 'no-such-app' }, ext.dev.token), 'NOT_FOUND');
    expectCode(await t.gql(RESUME, { a: ext.appId }, ext.dev.token), 'INVALID_STATE'); // LISTED: nothing to resume
    expect(await availabilityRow()).toEqual({ availability: 'LISTED', availability_reason: null });
  });

  it('paused: off the marketplace and search, no new installs, existing installations flagged and working', async () => {
    expect(await onMarketplace()).toBe(true);
    const before = (await must(t, CATEGORIES, {})).categories.find(c => c.slug === 'productivity')!.count;
    expect((await must(t, PAUSE, { a: ext.appId }, ext.dev.token)).pauseExtension).toEqual({ appId: ext.appId, availability: 'PAUSED', availabilityReason: null });
    expectCode(await t.gql(PAUSE, { a: ext.appId }, ext.dev.token), 'INVALID_STATE');

    expect(await onMarketplace()).toBe(false);
    expect((await must(t, CATEGORIES, {})).categories.find(c => c.slug === 'productivity')!.count).toBe(before - 1);
    expect((await must(t, EXTENSION, { a: ext.appId })).extension).toBeNull();
    expect((await must(t, EXTENSION, { a: ext.appId }, stranger.token)).extension).toBeNull();
    expect((await must(t, EXTENSION, { a: ext.appId }, ext.dev.token)).extension).toMatchObject({ availability: 'PAUSED' });

    const refused = expectCode(await t.gql(INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, plainUser.token), 'EXTENSION_UNAVAILABLE');
    expect(refused.extensions.availability).toBe('PAUSED');
    expect(await t.sql(`SELECT 1 FROM installations i JOIN users u ON u.id = i.owner_user_id WHERE u.id = $1`, [plainUser.id])).toHaveLength(0);

    const mine = await must(t, MINE, {}, installer.token);
    expect(mine.myInstallations).toEqual([expect.objectContaining({ extensionAvailability: 'PAUSED', extension: { appId: ext.appId, availability: 'PAUSED', availabilityReason: null } })]);
    // The billing module's question.
    const [{ id }] = await t.sql(`SELECT id FROM extensions WHERE app_id = $1`, [ext.appId]);
    expect(await t.app.services.extensions.isPaused({ manager: t.app.dataSource.manager } as never, id)).toBe(true);

    expect((await must(t, RESUME, { a: ext.appId }, ext.dev.token)).resumeExtension.availability).toBe('LISTED');
    expect(await onMarketplace()).toBe(true);
    expect(await t.app.services.extensions.isPaused({ manager: t.app.dataSource.manager } as never, id)).toBe(false);
    await must(t, INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, plainUser.token);
  });

  it('suspend and reinstate are for admins, need a reason, are audited, and the owner cannot lift a suspension', async () => {
    expectCode(await t.gql(SUSPEND, { a: ext.appId, r: 'misleading description' }), 'UNAUTHENTICATED');
    expectCode(await t.gql(SUSPEND, { a: ext.appId, r: 'misleading description' }, ext.dev.token), 'FORBIDDEN');
    expectCode(await t.gql(SUSPEND, { a: ext.appId, r: 'misleading description' }, stranger.token), 'FORBIDDEN');
    expectCode(await t.gql(SUSPEND, { a: ext.appId, r: '   ' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(SUSPEND, { a: ext.appId, r: 'x'.repeat(1001) }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(SUSPEND, { a: 'no-such-app', r: 'x' }, admin.token), 'NOT_FOUND');
    expectCode(await t.gql(REINSTATE, { a: ext.appId, r: 'nothing to lift' }, admin.token), 'INVALID_STATE');
    expect(await availabilityRow()).toEqual({ availability: 'LISTED', availability_reason: null });

    const suspended = await must(t, SUSPEND, { a: ext.appId, r: 'misleading description' }, admin.token);
    expect(suspended.suspendExtension).toEqual({ appId: ext.appId, availability: 'SUSPENDED', availabilityReason: 'misleading description' });
    expect(await onMarketplace()).toBe(false);
    expectCode(await t.gql(INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, stranger.token), 'EXTENSION_UNAVAILABLE');
    expectCode(await t.gql(RESUME, { a: ext.appId }, ext.dev.token), 'INVALID_STATE');
    expectCode(await t.gql(PAUSE, { a: ext.appId }, ext.dev.token), 'INVALID_STATE');
    expect((await must(t, EXTENSION, { a: ext.appId }, ext.dev.token)).extension?.availabilityReason).toBe('misleading description');
    // A stranger and an anonymous caller do not find a suspended extension at all, let alone its reason.
    expect((await must(t, EXTENSION, { a: ext.appId }, stranger.token)).extension).toBeNull();
    expect((await must(t, EXTENSION, { a: ext.appId })).extension).toBeNull();
    // The installer sees the flag, not the reason.
    expect((await must(t, MINE, {}, installer.token)).myInstallations[0]).toMatchObject({ extensionAvailability: 'SUSPENDED', extension: { availabilityReason: null } });

    expectCode(await t.gql(REINSTATE, { a: ext.appId, r: 'fixed' }, ext.dev.token), 'FORBIDDEN');
    expectCode(await t.gql(REINSTATE, { a: ext.appId, r: '' }, admin.token), 'BAD_USER_INPUT');
    expect((await must(t, REINSTATE, { a: ext.appId, r: 'description corrected' }, admin.token)).reinstateExtension.availability).toBe('LISTED');
    expect(await onMarketplace()).toBe(true);

    const audit = await t.sql(`SELECT action, data->>'reason' AS reason, data->>'from' AS "from", data->>'to' AS "to" FROM audit_entries WHERE target_id = (SELECT id::text FROM extensions WHERE app_id = $1) AND action LIKE 'extension.%' AND action <> 'extension.claim' ORDER BY id`, [ext.appId]);
    expect(audit.map(a => `${a.action} ${a.from}->${a.to} ${a.reason}`)).toEqual([
      'extension.pause LISTED->PAUSED null',
      'extension.resume PAUSED->LISTED null',
      'extension.suspend LISTED->SUSPENDED misleading description',
      'extension.reinstate SUSPENDED->LISTED description corrected',
    ]);
  });

  it('each move is an event for the owner (and so for webhooks), never for strangers', async () => {
    const owner = await must(t, EVENTS, { a: [ext.appId] }, ext.dev.token);
    expect(owner.events.edges.map(e => `${e.node.type} ${(e.node.data as { to: string }).to}`)).toEqual([
      'extension.paused PAUSED',
      'extension.resumed LISTED',
      'extension.suspended SUSPENDED',
      'extension.reinstated LISTED',
    ]);
    expect(owner.events.edges[2].node.data).toMatchObject({ from: 'LISTED', reason: 'misleading description', automatic: false });
    expect((await must(t, EVENTS, { a: [ext.appId] }, stranger.token)).events.edges).toEqual([]);
    expect((await must(t, EVENTS, { a: [ext.appId] }, installer.token)).events.edges).toEqual([]);
    expectCode(await t.gql(EVENTS, { a: [ext.appId] }), 'UNAUTHENTICATED');
  });
});
