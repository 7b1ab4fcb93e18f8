import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

let counter = 0;
/** A unique email per call, so tests never depend on what another test left behind. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${++counter}-${randomBytes(3).toString('hex')}@example.test`;
}

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export async function buildUser(t: TestApp, overrides: { email?: string; displayName?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? uniqueEmail();
  const res = await t.gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email } } }`,
    { input: { email, password: PASSWORD, displayName: overrides.displayName ?? 'Test User' } },
  );
  if (res.errors) throw new Error(`signUp failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data!.signUp.user.id, email, token: res.data!.signUp.token };
}

/** A user holding ADMIN (granted directly in the database, as `plaza admin create` would). */
export async function buildAdmin(t: TestApp): Promise<TestUser> {
  const user = await buildUser(t, { displayName: 'Admin' });
  await t.sql(`UPDATE users SET roles = array_append(roles, 'ADMIN') WHERE id = $1`, [user.id]);
  return user;
}

export async function buildDeveloper(t: TestApp, overrides: { email?: string; displayName?: string } = {}): Promise<TestUser & { authorId: string }> {
  const user = await buildUser(t, { displayName: 'Dev', ...overrides });
  const res = await t.gql(
    `mutation { becomeDeveloper(input: { organizationName: "Acme Tools", contactEmail: "dev@acme.test", acceptTerms: true }) { authorId } }`,
    {},
    user.token,
  );
  if (res.errors) throw new Error(`becomeDeveloper failed: ${JSON.stringify(res.errors)}`);
  return { ...user, authorId: res.data!.becomeDeveloper.authorId };
}
