import { startTestApp, TestApp } from '../utils/test-app';
import { buildUser } from '../utils/factories';
import { collect, wsClient } from '../utils/ws-client';
import { seedPrivateWorld, World } from '../utils/world';
import { expectCode } from '../utils/expect-code';
import { graphql } from '../generated';

/** Named regressions for each private-data leak the authorization sweep found (docs/security.md). */
const EXTENSION_VERSIONS = graphql(`query PrivateExtensionVersions($a: String!) {
  extension(appId: $a) { versions { id version status gitUrl gitRef gitCommitSha requiredBump changeSummary { toolsAdded } reviewTriggers { reason } validationReport { errorCount } manifest } }
  marketplace(first: 100) { edges { node { appId versions { id status } } } } }`);
const REVIEW_CASE = graphql(`query PrivateReviewCase($id: ID!) { reviewCase(id: $id) { assignee { id displayName email } messages { body } } }`);
const INSTALL_EVENTS = graphql(`query PrivateInstallEvents { events(first: 100, types: ["installation.created"]) { edges { node { subjectId data } } } }`);

describe('private data stays private', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp({ allowLoopbackWebhooks: true });
    world = await seedPrivateWorld(t);
  }, 120_000);
  afterAll(async () => {
    await world?.receiver.close();
    await t?.close();
  });

  const canary = (what: string) => world.canaries.find(c => c.what === what)!.value;

  describe('Extension.versions', () => {
    const query = EXTENSION_VERSIONS;

    it.each(['anonymous', 'stranger'] as const)('shows %s only published and deprecated versions, without their private fields', async viewer => {
      const res = await t.gql(query, { a: world.appId }, world.tokens[viewer]);
      expect(res.errors).toBeUndefined();
      const versions = res.data!.extension!.versions;
      expect(versions.map(v => v.status).sort()).toEqual(['DEPRECATED', 'PUBLISHED']);
      for (const v of versions) {
        expect(v).toMatchObject({ gitUrl: null, gitRef: null, gitCommitSha: null, requiredBump: null, changeSummary: null, reviewTriggers: [], validationReport: null });
        expect(v.manifest).toBeTruthy();
      }
      const card = res.data!.marketplace.edges.find(e => e.node.appId === world.appId)?.node;
      expect(card?.versions.map(v => v.status).sort()).toEqual(['DEPRECATED', 'PUBLISHED']);
    });

    it('shows the owner every version with its private fields', async () => {
      const res = await t.gql(query, { a: world.appId }, world.tokens.owner);
      const versions = res.data!.extension!.versions;
      expect(versions).toHaveLength(11);
      const published = versions.find(v => v.status === 'PUBLISHED');
      expect(published).toMatchObject({ gitUrl: canary('git url'), gitCommitSha: canary('git commit sha'), reviewTriggers: [{ reason: canary('review trigger reason') }] });
    });

    it('shows an invited staging tester the version they were invited to, without private fields', async () => {
      const res = await t.gql(`query($id: ID!) { extensionVersion(id: $id) { status gitUrl validationReport { errorCount } } }`, { id: world.versionIds.APPROVED }, world.users.tester.token);
      expect(res.data!.extensionVersion).toEqual({ status: 'APPROVED', gitUrl: null, validationReport: null });
      const stranger = await t.gql(`query($id: ID!) { extensionVersion(id: $id) { id } }`, { id: world.versionIds.APPROVED }, world.tokens.stranger);
      expect(stranger.data!.extensionVersion).toBeNull();
    });
  });

  describe('Extension.owner', () => {
    it('gives no caller but the owner the login email or the private contact email', async () => {
      const query = `query($a: String!) { extension(appId: $a) { owner { id displayName email roles developerProfile { authorId organizationName verified supportContact contactEmail } } } }`;
      for (const viewer of ['anonymous', 'stranger'] as const) {
        const owner = (await t.gql(query, { a: world.appId }, world.tokens[viewer])).data!.extension.owner;
        expect(owner).toMatchObject({ displayName: 'Owner Dev', email: null, roles: null, developerProfile: { organizationName: 'Sweep Tools', verified: false, supportContact: null, contactEmail: null } });
      }
      const mine = (await t.gql(query, { a: world.appId }, world.tokens.owner)).data!.extension.owner;
      expect(mine).toMatchObject({ email: world.users.owner.email, developerProfile: { contactEmail: canary('developer contact email') } });
    });

    it('shows the support contact once the developer makes it public, and the verified badge an admin grants', async () => {
      const update = await t.gql(`mutation { updateDeveloperProfile(input: { contactPublic: true }) { contactPublic supportContact } }`, {}, world.tokens.owner);
      expect(update.data!.updateDeveloperProfile).toEqual({ contactPublic: true, supportContact: canary('developer contact email') });
      expectCode(await t.gql(`mutation($u: ID!) { setDeveloperVerified(userId: $u, verified: true) { verified } }`, { u: world.users.owner.id }, world.tokens.stranger), 'FORBIDDEN');
      expectCode(await t.gql(`mutation($u: ID!) { setDeveloperVerified(userId: $u, verified: true) { verified } }`, { u: world.users.stranger.id }, world.tokens.admin), 'NOT_FOUND');
      await t.gql(`mutation($u: ID!) { setDeveloperVerified(userId: $u, verified: true) { verified } }`, { u: world.users.owner.id }, world.tokens.admin);
      const seen = await t.gql(`query($a: String!) { extension(appId: $a) { owner { developerProfile { verified supportContact contactEmail } } } }`, { a: world.appId });
      expect(seen.data!.extension.owner.developerProfile).toEqual({ verified: true, supportContact: canary('developer contact email'), contactEmail: null });
      const bad = await t.gql(`mutation { updateDeveloperProfile(input: { contactEmail: "not an email" }) { contactEmail } }`, {}, world.tokens.owner);
      expect(expectCode(bad, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'contactEmail' }] });
      await t.gql(`mutation { updateDeveloperProfile(input: { contactPublic: false }) { contactPublic } }`, {}, world.tokens.owner);
      expectCode(await t.gql(`mutation { updateDeveloperProfile(input: { contactPublic: true }) { id } }`, {}, world.tokens.stranger), 'FORBIDDEN');
    });
  });

  describe('ReviewCase.assignee', () => {
    it('gives the developer the reviewer’s name, not their email', async () => {
      const res = await t.gql(REVIEW_CASE, { id: world.caseIds[0] }, world.tokens.owner);
      expect(res.data!.reviewCase?.assignee).toMatchObject({ id: world.users.reviewer.id, email: null });
      expect(res.data!.reviewCase?.messages.map(m => m.body)).toContain(canary('review message'));
    });
  });

  describe('events', () => {
    it('tell the developer an installation came, not whose it is; the installer reads it whole', async () => {
      const personal = canary('personal installation id');
      const forOwner = (await t.gql(INSTALL_EVENTS, {}, world.tokens.owner)).data!.events.edges.map(e => e.node);
      expect(forOwner.find(e => e.subjectId === personal)?.data).toMatchObject({ ownerUserId: null, organizationId: null });
      const forInstaller = (await t.gql(INSTALL_EVENTS, {}, world.users.installer.token)).data!.events.edges.map(e => e.node);
      expect(forInstaller.find(e => e.subjectId === personal)?.data).toMatchObject({ ownerUserId: world.users.installer.id });
    });
  });
});

describe('production hides the schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The server runs on the test database whatever the setting says; production only insists one is set.
    t = await startTestApp({ nodeEnv: 'production', databaseUrl: 'postgres://unused@127.0.0.1/unused' });
  });
  afterAll(() => t.close());

  it('answers a misspelt field, argument or input field with no suggestion (HTTP)', async () => {
    const user = await buildUser(t);
    for (const [query, variables] of [
      ['{ marketplac { totalCount } }', {}],
      ['{ marketplace(frist: 1) { totalCount } }', {}],
      ['query($i: InstallInput!) { me { id } x: myInstallations { id } }', {}],
      ['mutation($i: InstallInput!) { install(input: $i) { id } }', { i: { appId: 'a', grantedScope: [] } }],
    ] as const) {
      const res = await t.gql(query, variables, user.token);
      expect(res.errors!.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
    }
  });

  it('refuses introspection and gives no suggestion over WebSocket either', async () => {
    const user = await buildUser(t);
    const client = wsClient(t.url, user.token);
    try {
      const misspelt = collect(client, 'subscription { releaseEvent { id } }');
      await misspelt.done;
      expect(JSON.stringify(misspelt.errors)).not.toMatch(/Did you mean/);
      expect(JSON.stringify(misspelt.errors)).toMatch(/GRAPHQL_VALIDATION_FAILED/);
      const introspection = collect(client, '{ __schema { types { name } } }');
      await introspection.done;
      expect(JSON.stringify(introspection.errors)).toMatch(/introspection/i);
    } finally {
      await client.dispose();
    }
    const http = await t.gql('{ __schema { types { name } } }', {}, user.token);
    expectCode(http, 'GRAPHQL_VALIDATION_FAILED');
  });
});
