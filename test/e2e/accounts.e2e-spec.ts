import jwt from 'jsonwebtoken';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildUser, PASSWORD, uniqueEmail } from '../utils/factories';
import { expectCode } from '../utils/expect-code';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token expiresAt user { id email displayName roles } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { id roles } } }`;
const ME = `{ me { id email roles developerProfile { authorId } } }`;

describe('accounts', () => {
  let t: TestApp;
  const adminEmail = uniqueEmail('configured-admin');

  beforeAll(async () => {
    t = await startTestApp({ adminEmails: adminEmail, loginMaxFailuresPerEmail: 3, loginMaxFailuresPerAddress: 8 });
  });
  afterAll(() => t.close());

  describe('signUp', () => {
    it('creates an account, returns a working expiring token, and writes event and audit rows', async () => {
      const email = uniqueEmail();
      const res = await t.gql(SIGN_UP, { input: { email: email.toUpperCase(), password: PASSWORD, displayName: '  Ada  ' } });
      expect(res.errors).toBeUndefined();
      const { token, user, expiresAt } = res.data!.signUp;
      expect(user).toMatchObject({ email, displayName: 'Ada', roles: ['USER'] });
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = await t.gql(ME, {}, token);
      expect(me.data!.me).toMatchObject({ id: user.id, email, roles: ['USER'], developerProfile: null });
      const [row] = await t.sql(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'account.user_created' AND subject_id = $1`, [user.id])).toHaveLength(1);
      expect(await t.sql(`SELECT 1 FROM audit_entries WHERE action = 'user.sign_up' AND target_id = $1`, [user.id])).toHaveLength(1);
    });

    it('refuses a taken email (case-insensitively) with CONFLICT and writes nothing', async () => {
      const user = await buildUser(t);
      const before = await t.sql(`SELECT count(*)::int AS n FROM platform_events`);
      const res = await t.gql(SIGN_UP, { input: { email: user.email.toUpperCase(), password: PASSWORD, displayName: 'Twin' } });
      expectCode(res, 'CONFLICT');
      expect(await t.sql(`SELECT 1 FROM users WHERE email = $1`, [user.email])).toHaveLength(1);
      expect(await t.sql(`SELECT count(*)::int AS n FROM platform_events`)).toEqual(before);
    });

    it.each([
      ['email', { email: 'not-an-email', password: PASSWORD, displayName: 'X' }],
      ['password', { email: uniqueEmail(), password: 'short', displayName: 'X' }],
      ['displayName', { email: uniqueEmail(), password: PASSWORD, displayName: '   ' }],
      ['displayName', { email: uniqueEmail(), password: PASSWORD, displayName: 'x'.repeat(81) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, input) => {
      const res = await t.gql(SIGN_UP, { input });
      const error = expectCode(res, 'BAD_USER_INPUT');
      expect(error.extensions.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(await t.sql(`SELECT 1 FROM users WHERE email = $1`, [input.email])).toHaveLength(0);
    });

    it('gives ADMIN to an email listed in PLAZA_ADMIN_EMAILS', async () => {
      const res = await t.gql(SIGN_UP, { input: { email: adminEmail, password: PASSWORD, displayName: 'Boss' } });
      expect(res.data!.signUp.user.roles).toEqual(['USER', 'ADMIN']);
    });

    it('lets exactly one of two concurrent sign-ups with one email win', async () => {
      const email = uniqueEmail('race');
      const input = { email, password: PASSWORD, displayName: 'Racer' };
      const results = await Promise.all([t.gql(SIGN_UP, { input }), t.gql(SIGN_UP, { input })]);
      expect(results.filter(r => !r.errors)).toHaveLength(1);
      expect(results.filter(r => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(1);
      expect(await t.sql(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(1);
    });
  });

  describe('login', () => {
    it('returns a session for the right credentials', async () => {
      const user = await buildUser(t);
      const res = await t.gql(LOGIN, { input: { email: user.email, password: PASSWORD } });
      expect(res.data!.login.user.id).toBe(user.id);
      expect((await t.gql(ME, {}, res.data!.login.token)).data!.me.id).toBe(user.id);
    });

    it('answers a wrong password and an unknown email identically with UNAUTHENTICATED', async () => {
      const user = await buildUser(t);
      const wrongPassword = await t.gql(LOGIN, { input: { email: user.email, password: 'wrong password!' } });
      const unknownEmail = await t.gql(LOGIN, { input: { email: uniqueEmail('ghost'), password: PASSWORD } });
      const wrong = expectCode(wrongPassword, 'UNAUTHENTICATED');
      const unknown = expectCode(unknownEmail, 'UNAUTHENTICATED');
      expect(wrong.message).toBe(unknown.message);
      expect(wrongPassword.data).toBeNull();
    });

    it('rate-limits repeated failures for one email, even with the right password', async () => {
      const user = await buildUser(t);
      for (let i = 0; i < 3; i++) {
        const res = await t.gql(LOGIN, { input: { email: user.email, password: `wrong-${i}-password` } }, undefined);
        expectCode(res, 'UNAUTHENTICATED');
      }
      const blocked = await t.gql(LOGIN, { input: { email: user.email, password: PASSWORD } });
      expect(expectCode(blocked, 'RATE_LIMITED').extensions.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('rate-limits repeated failures from one address across emails', async () => {
      const fresh = await startTestApp({ loginMaxFailuresPerAddress: 4, loginMaxFailuresPerEmail: 100 });
      try {
        const user = await buildUser(fresh);
        for (let i = 0; i < 4; i++) {
          await fresh.gql(LOGIN, { input: { email: uniqueEmail('spray'), password: PASSWORD } });
        }
        const blocked = await fresh.gql(LOGIN, { input: { email: user.email, password: PASSWORD } });
        expectCode(blocked, 'RATE_LIMITED');
      } finally {
        await fresh.close();
      }
    });

    it('grants ADMIN on login to an existing account whose email is configured as admin', async () => {
      const email = uniqueEmail('late-admin');
      const promoted = await startTestApp({ adminEmails: email });
      try {
        const user = await buildUser(promoted, { email });
        // As if the account existed before its email was added to PLAZA_ADMIN_EMAILS.
        await promoted.sql(`UPDATE users SET roles = '{}' WHERE id = $1`, [user.id]);
        const res = await promoted.gql(LOGIN, { input: { email, password: PASSWORD } });
        expect(res.data!.login.user.roles).toContain('ADMIN');
        const [row] = await promoted.sql(`SELECT roles FROM users WHERE id = $1`, [user.id]);
        expect(row.roles).toEqual(['ADMIN']);
      } finally {
        await promoted.close();
      }
    });
  });

  describe('authentication', () => {
    it('treats a missing token as anonymous: me is null', async () => {
      const res = await t.gql(ME);
      expect(res.data!.me).toBeNull();
    });

    it('refuses a malformed or forged token with UNAUTHENTICATED and HTTP 401', async () => {
      const forged = await t.gql(ME, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
      expect(forged.status).toBe(401);
      expectCode(forged, 'UNAUTHENTICATED');
      const garbage = await t.gql(ME, {}, 'plz_not-a-real-token');
      expectCode(garbage, 'UNAUTHENTICATED');
    });

    it('refuses an expired session token', async () => {
      const short = await startTestApp({ sessionTtlSeconds: 60 });
      try {
        const user = await buildUser(short);
        const expired = jwt.sign({ typ: 'session' }, short.app.config.jwtSecret, {
          subject: user.id,
          issuer: 'plaza',
          expiresIn: -10,
        });
        const res = await short.gql(ME, {}, expired);
        expectCode(res, 'UNAUTHENTICATED');
      } finally {
        await short.close();
      }
    });
  });

  describe('API tokens', () => {
    const CREATE = `mutation($name: String!) { createApiToken(name: $name) { secret apiToken { id name prefix lastUsedAt revokedAt } } }`;
    const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;

    it('shows the secret once, stores only its hash, authenticates and records lastUsedAt', async () => {
      const user = await buildUser(t);
      const res = await t.gql(CREATE, { name: 'cli laptop' }, user.token);
      const { secret, apiToken } = res.data!.createApiToken;
      expect(secret).toMatch(/^plz_/);
      expect(apiToken.prefix).toBe(secret.slice(0, 12));
      expect(apiToken.lastUsedAt).toBeNull();
      const rows = await t.sql(`SELECT token_hash FROM api_tokens WHERE id = $1`, [apiToken.id]);
      expect(rows[0].token_hash).not.toContain(secret);
      expect(rows[0].token_hash).toHaveLength(64);
      const me = await t.gql(`{ me { id apiTokens { id lastUsedAt } } }`, {}, secret);
      expect(me.data!.me.id).toBe(user.id);
      const [used] = await t.sql(`SELECT last_used_at FROM api_tokens WHERE id = $1`, [apiToken.id]);
      expect(used.last_used_at).not.toBeNull();
      const listed = me.data!.me.apiTokens.find((x: { id: string }) => x.id === apiToken.id);
      expect(listed).toBeDefined();
    });

    it('revokes: the token stops working, a second revoke is INVALID_STATE', async () => {
      const user = await buildUser(t);
      const { secret, apiToken } = (await t.gql(CREATE, { name: 'ci' }, user.token)).data!.createApiToken;
      const revoked = await t.gql(REVOKE, { id: apiToken.id }, user.token);
      expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
      expectCode(await t.gql(ME, {}, secret), 'UNAUTHENTICATED');
      expectCode(await t.gql(REVOKE, { id: apiToken.id }, user.token), 'INVALID_STATE');
    });

    it("hides another user's token (NOT_FOUND) and refuses bad names and ids", async () => {
      const owner = await buildUser(t);
      const other = await buildUser(t);
      const { apiToken } = (await t.gql(CREATE, { name: 'mine' }, owner.token)).data!.createApiToken;
      expectCode(await t.gql(REVOKE, { id: apiToken.id }, other.token), 'NOT_FOUND');
      expectCode(await t.gql(REVOKE, { id: 'not-a-uuid' }, owner.token), 'NOT_FOUND');
      const blank = await t.gql(CREATE, { name: '  ' }, owner.token);
      expect(expectCode(blank, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'name' }] });
      expect(await t.sql(`SELECT 1 FROM api_tokens WHERE user_id = $1`, [owner.id])).toHaveLength(1);
      const [{ revoked_at }] = await t.sql(`SELECT revoked_at FROM api_tokens WHERE id = $1`, [apiToken.id]);
      expect(revoked_at).toBeNull();
    });

    it('needs a signed-in caller', async () => {
      expectCode(await t.gql(CREATE, { name: 'x' }), 'UNAUTHENTICATED');
    });

    it('never shows apiTokens of another user, not even to an admin (null, docs/security.md)', async () => {
      const admin = await buildAdmin(t);
      const user = await buildUser(t);
      await t.gql(CREATE, { name: 'theirs' }, user.token);
      const res = await t.gql(
        `mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id email roles apiTokens { id } } }`,
        { id: user.id },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.grantRole).toMatchObject({ id: user.id, email: user.email, roles: ['USER', 'REVIEWER'], apiTokens: null });
    });
  });

  describe('developer profiles', () => {
    const BECOME = `mutation($input: DeveloperProfileInput!) { becomeDeveloper(input: $input) { id authorId organizationName contactEmail } }`;
    const input = { organizationName: 'Acme Tools', contactEmail: 'dev@acme.test', acceptTerms: true };

    it('creates a profile with a stable author id and grants DEVELOPER', async () => {
      const user = await buildUser(t);
      const res = await t.gql(BECOME, { input }, user.token);
      expect(res.data!.becomeDeveloper.authorId).toMatch(/^au_acme-tools_[0-9a-f]{8}$/);
      const me = await t.gql(ME, {}, user.token);
      expect(me.data!.me.roles).toEqual(['USER', 'DEVELOPER']);
      expect(me.data!.me.developerProfile.authorId).toBe(res.data!.becomeDeveloper.authorId);
    });

    it('refuses unaccepted terms, a bad contact email and a second profile', async () => {
      const user = await buildUser(t);
      const terms = await t.gql(BECOME, { input: { ...input, acceptTerms: false } }, user.token);
      expect(expectCode(terms, 'BAD_USER_INPUT').extensions.fields[0].path).toBe('acceptTerms');
      const email = await t.gql(BECOME, { input: { ...input, contactEmail: 'nope' } }, user.token);
      expect(expectCode(email, 'BAD_USER_INPUT').extensions.fields[0].path).toBe('contactEmail');
      expect(await t.sql(`SELECT 1 FROM developer_profiles WHERE user_id = $1`, [user.id])).toHaveLength(0);
      await t.gql(BECOME, { input }, user.token);
      const again = await t.gql(BECOME, { input }, user.token);
      expectCode(again, 'CONFLICT');
      expect(await t.sql(`SELECT 1 FROM developer_profiles WHERE user_id = $1`, [user.id])).toHaveLength(1);
    });

    it('needs a signed-in caller', async () => {
      expectCode(await t.gql(BECOME, { input }), 'UNAUTHENTICATED');
    });
  });

  describe('grantRole', () => {
    const GRANT = `mutation($id: ID!, $role: Role!) { grantRole(userId: $id, role: $role) { id roles } }`;

    it('lets an ADMIN grant REVIEWER, idempotently, with one event', async () => {
      const admin = await buildAdmin(t);
      const user = await buildUser(t);
      const res = await t.gql(GRANT, { id: user.id, role: 'REVIEWER' }, admin.token);
      expect(res.data!.grantRole.roles).toEqual(['USER', 'REVIEWER']);
      await t.gql(GRANT, { id: user.id, role: 'REVIEWER' }, admin.token);
      expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'account.role_granted' AND subject_id = $1`, [user.id])).toHaveLength(1);
      const [audit] = await t.sql(`SELECT actor_id FROM audit_entries WHERE action = 'user.grant_role' AND target_id = $1`, [user.id]);
      expect(audit.actor_id).toBe(admin.id);
    });

    it('is FORBIDDEN to non-admins and UNAUTHENTICATED to anonymous callers', async () => {
      const user = await buildUser(t);
      const other = await buildUser(t);
      expectCode(await t.gql(GRANT, { id: other.id, role: 'ADMIN' }, user.token), 'FORBIDDEN');
      expectCode(await t.gql(GRANT, { id: other.id, role: 'ADMIN' }), 'UNAUTHENTICATED');
      const [row] = await t.sql(`SELECT roles FROM users WHERE id = $1`, [other.id]);
      expect(row.roles).toEqual([]);
    });

    it('refuses USER and DEVELOPER grants, unknown users and unknown roles', async () => {
      const admin = await buildAdmin(t);
      const user = await buildUser(t);
      expectCode(await t.gql(GRANT, { id: user.id, role: 'USER' }, admin.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(GRANT, { id: user.id, role: 'DEVELOPER' }, admin.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(GRANT, { id: '00000000-0000-4000-8000-000000000000', role: 'REVIEWER' }, admin.token), 'NOT_FOUND');
      expectCode(await t.gql(GRANT, { id: user.id, role: 'EMPEROR' }, admin.token), 'BAD_USER_INPUT');
    });
  });
});
