import { startTestApp, TestApp } from '../utils/test-app';
import { buildUser } from '../utils/factories';
describe('probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(() => t.close());
  it('prints', async () => {
    const u = await buildUser(t);
    const rows: string[] = [];
    const qs: [string, Record<string, unknown>][] = [
      ['query($a: String!) { extension(appId: $a) { appId } }', { a: 'x\u0000y' }],
      ['query($a: String) { marketplace(query: $a) { totalCount } }', { a: 'x\u0000y' }],
      ['query($a: String) { marketplace(category: $a) { totalCount } }', { a: 'x\u0000y' }],
      ['query($a: ID!) { extensionVersion(id: $a) { id } }', { a: 'not-a-uuid' }],
      ['query($a: ID!) { extensionVersion(id: $a) { id } }', { a: 'x\u0000' }],
      ['mutation($a: ID!) { revokeApiToken(id: $a) { id } }', { a: 'nope' }],
      ['mutation($n: String!) { createApiToken(name: $n) { secret } }', { n: 'a\u0000b' }],
      ['query($a: String) { events(first: 1, after: $a) { totalCount } }', { a: 'garbage\u0000' }],
      ['query($a: String) { events(first: 1, after: $a) { totalCount } }', { a: '99999999999999999999999999' }],
      ['query($a: String) { marketplace(first: 1, after: $a) { totalCount } }', { a: 'garbage' }],
      ['query { marketplace(first: -5) { totalCount } }', {}],
      ['query { marketplace(first: 2147483647) { totalCount } }', {}],
    ];
    for (const [q, v] of qs) {
      const res = await t.http().post('/graphql').set('Authorization', `Bearer ${u.token}`).send({ query: q, variables: v });
      rows.push(`${q.slice(0, 60).padEnd(60)} ${JSON.stringify(v).slice(0, 30).padEnd(30)} ${res.status} ${res.text.slice(0, 140)}`);
    }
    console.log(rows.join('\n'));
  });
});
