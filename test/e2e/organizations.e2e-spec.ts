import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildUser } from '../utils/factories';

const CREATE = `mutation($name: String!) { createOrganization(name: $name) { id name upgradePolicy members { role user { id } } } }`;
const ADD = `mutation($org: ID!, $email: String!, $role: OrgRole!) {
  addOrganizationMember(organizationId: $org, email: $email, role: $role) { id members { role user { id email } } } }`;
const POLICY = `mutation($org: ID!, $policy: UpgradePolicy!) { setUpgradePolicy(organizationId: $org, policy: $policy) { id upgradePolicy } }`;

describe('organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function orgOf(ownerToken: string) {
    const res = await t.gql(CREATE, { name: 'Blue Ocean Ltd' }, ownerToken);
    return res.data!.createOrganization;
  }

  it('creates an organization with the caller as OWNER and AUTOMATIC upgrades', async () => {
    const owner = await buildUser(t);
    const org = await orgOf(owner.token);
    expect(org).toMatchObject({ name: 'Blue Ocean Ltd', upgradePolicy: 'AUTOMATIC', members: [{ role: 'OWNER', user: { id: owner.id } }] });
    const me = await t.gql(`{ me { organizations { id } } }`, {}, owner.token);
    expect(me.data!.me.organizations).toEqual([{ id: org.id }]);
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'organization.created' AND subject_id = $1`, [org.id])).toHaveLength(1);
  });

  it('refuses a bad name and anonymous callers, writing nothing', async () => {
    const owner = await buildUser(t);
    const res = await t.gql(CREATE, { name: ' x ' }, owner.token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'name' }] });
    expect((await t.gql(CREATE, { name: 'Anon Org' })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.sql(`SELECT 1 FROM organizations WHERE created_by_id = $1`, [owner.id])).toHaveLength(0);
  });

  it('lets an OWNER add members; a duplicate is CONFLICT; an unknown email is NOT_FOUND', async () => {
    const owner = await buildUser(t);
    const member = await buildUser(t);
    const org = await orgOf(owner.token);
    const added = await t.gql(ADD, { org: org.id, email: member.email.toUpperCase(), role: 'MEMBER' }, owner.token);
    expect(added.data!.addOrganizationMember.members).toHaveLength(2);
    expect((await t.gql(ADD, { org: org.id, email: member.email, role: 'ADMIN' }, owner.token)).errors![0].extensions.code).toBe('CONFLICT');
    expect((await t.gql(ADD, { org: org.id, email: 'nobody@example.test', role: 'MEMBER' }, owner.token)).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(ADD, { org: org.id, email: 'not an email', role: 'MEMBER' }, owner.token)).errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const rows = await t.sql(`SELECT role FROM organization_members WHERE organization_id = $1 ORDER BY created_at`, [org.id]);
    expect(rows.map(r => r.role)).toEqual(['OWNER', 'MEMBER']);
  });

  it('enforces organization roles: MEMBER is FORBIDDEN, an outsider sees NOT_FOUND, only an OWNER adds an OWNER', async () => {
    const owner = await buildUser(t);
    const orgAdmin = await buildUser(t);
    const member = await buildUser(t);
    const outsider = await buildUser(t);
    const candidate = await buildUser(t);
    const org = await orgOf(owner.token);
    await t.gql(ADD, { org: org.id, email: orgAdmin.email, role: 'ADMIN' }, owner.token);
    await t.gql(ADD, { org: org.id, email: member.email, role: 'MEMBER' }, owner.token);

    expect((await t.gql(ADD, { org: org.id, email: candidate.email, role: 'MEMBER' }, member.token)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(ADD, { org: org.id, email: candidate.email, role: 'MEMBER' }, outsider.token)).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(ADD, { org: org.id, email: candidate.email, role: 'OWNER' }, orgAdmin.token)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(POLICY, { org: org.id, policy: 'MANUAL' }, member.token)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(ADD, { org: org.id, email: candidate.email, role: 'MEMBER' }, orgAdmin.token)).errors).toBeUndefined();
    expect((await t.gql(ADD, { org: 'nope', email: candidate.email, role: 'MEMBER' }, owner.token)).errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('sets the upgrade policy (OWNER, org ADMIN or platform ADMIN) and records the change once', async () => {
    const owner = await buildUser(t);
    const admin = await buildAdmin(t);
    const org = await orgOf(owner.token);
    expect((await t.gql(POLICY, { org: org.id, policy: 'MANUAL' }, owner.token)).data!.setUpgradePolicy.upgradePolicy).toBe('MANUAL');
    await t.gql(POLICY, { org: org.id, policy: 'MANUAL' }, owner.token);
    expect((await t.gql(POLICY, { org: org.id, policy: 'AUTOMATIC' }, admin.token)).data!.setUpgradePolicy.upgradePolicy).toBe('AUTOMATIC');
    const events = await t.sql(`SELECT data FROM platform_events WHERE type = 'organization.upgrade_policy_changed' AND subject_id = $1 ORDER BY id`, [org.id]);
    expect(events.map(e => e.data)).toEqual([{ from: 'AUTOMATIC', to: 'MANUAL' }, { from: 'MANUAL', to: 'AUTOMATIC' }]);
    expect((await t.gql(POLICY, { org: org.id, policy: 'SOMETIMES' }, owner.token)).errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
