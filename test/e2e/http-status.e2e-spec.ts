import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createTestDatabase, startTestApp, TestApp, testConfig } from '../utils/test-app';
import { buildAdmin, buildUser, TestUser } from '../utils/factories';

// Every refusal a client can cause, on both POST paths (the node:http fast path and the
// Express route) and under both response media types: the status the GraphQL-over-HTTP spec
// asks for, never a 5xx (docs/http.md has the same table).
const JSON_TYPE = 'application/json';
const GQL_TYPE = 'application/graphql-response+json';

type Path = 'fast' | 'express';
interface Case {
  name: string;
  send: (path: Path, accept: string) => request.Test;
  /** Expected status under application/json and under application/graphql-response+json. */
  status: { json: number; gql: number };
  code?: string;
  data?: 'absent' | 'present';
}

describe('HTTP status of GraphQL responses', () => {
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ maxQueryDepth: 6, maxAliases: 3, maxBatch: 2, maxPageSize: 5, maxQueryCost: 60, maxBodyBytes: 4096 });
    user = await buildUser(t);
    admin = await buildAdmin(t);
  });
  afterAll(() => t.close());

  /** A JSON POST; `express` routes it through the Express route (a Content-Encoding skips the fast path). */
  const post = (path: Path, accept: string, body: unknown, token?: string) => {
    const req = t.http().post('/graphql').set('Content-Type', 'application/json').set('Accept', accept);
    if (path === 'express') req.set('Content-Encoding', 'identity');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(typeof body === 'string' ? body : (body as object));
  };
  const get = (accept: string, query: string) => t.http().get('/graphql').query({ query }).set('apollo-require-preflight', '1').set('Accept', accept);

  const REQUEST_ERROR = { json: 200, gql: 400 };
  const EXECUTED = { json: 200, gql: 200 };
  const cases: Case[] = [
    // Refused before execution: the spec's 200 under application/json, 400 under graphql-response+json.
    { name: 'depth limit', send: (p, a) => post(p, a, { query: '{ me { organizations { members { user { organizations { members { user { id } } } } } } } }' }, user.token), status: REQUEST_ERROR, code: 'QUERY_TOO_COMPLEX' },
    { name: 'alias limit', send: (p, a) => post(p, a, { query: '{ a: me { id } b: me { id } c: me { id } d: me { id } }' }), status: REQUEST_ERROR, code: 'QUERY_TOO_COMPLEX' },
    { name: 'cost limit', send: (p, a) => post(p, a, { query: '{ auditLog(first: 5) { edges { node { id action targetId targetType requestId createdAt data actor { id email displayName roles createdAt apiTokens { id name prefix createdAt } } } } } }' }, admin.token), status: REQUEST_ERROR, code: 'QUERY_TOO_COMPLEX' },
    { name: 'parse error', send: (p, a) => post(p, a, { query: '{ me { id ' }), status: REQUEST_ERROR, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'validation error', send: (p, a) => post(p, a, { query: '{ nope }' }), status: REQUEST_ERROR, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'variable coercion', send: (p, a) => post(p, a, { query: 'query($n: Int) { marketplace(first: $n) { totalCount } }', variables: { n: 'x' } }), status: REQUEST_ERROR, code: 'BAD_USER_INPUT' },
    { name: 'missing non-null variable', send: (p, a) => post(p, a, { query: 'mutation($n: String!) { createApiToken(name: $n) { secret } }' }, user.token), status: REQUEST_ERROR, code: 'BAD_USER_INPUT' },
    { name: 'variables nested 1,500 deep (past the limit of 64)', send: (p, a) => post(p, a, `{"query": "query($v: String) { marketplace(query: $v) { totalCount } }", "variables": {"v": ${'['.repeat(1500)}${']'.repeat(1500)}}}`), status: REQUEST_ERROR, code: 'QUERY_TOO_COMPLEX' },
    { name: 'NUL (U+0000) in a variable', send: (p, a) => post(p, a, { query: 'query($q: String) { marketplace(query: $q) { totalCount } }', variables: { q: 'a\u0000b' } }), status: REQUEST_ERROR, code: 'BAD_USER_INPUT' },
    { name: 'NUL (U+0000) in a string literal', send: (p, a) => post(p, a, { query: '{ extension(appId: "a\\u0000b") { appId } }' }), status: REQUEST_ERROR, code: 'BAD_USER_INPUT' },
    { name: 'unknown operation name', send: (p, a) => post(p, a, { query: 'query A { categories { slug } }', operationName: 'B' }), status: REQUEST_ERROR, code: 'OPERATION_RESOLUTION_FAILURE' },
    { name: 'operation name missing for two operations', send: (p, a) => post(p, a, { query: 'query A { categories { slug } } query B { categories { name } }' }), status: REQUEST_ERROR, code: 'OPERATION_RESOLUTION_FAILURE' },
    // Executed: the body has data, so 200 whatever the field errors say.
    { name: 'UNAUTHENTICATED (anonymous on a protected field)', send: (p, a) => post(p, a, { query: 'mutation { createApiToken(name: "x") { secret } }' }), status: EXECUTED, code: 'UNAUTHENTICATED', data: 'present' },
    { name: 'FORBIDDEN (role missing)', send: (p, a) => post(p, a, { query: '{ reviewQueue(first: 1) { totalCount } }' }, user.token), status: EXECUTED, code: 'FORBIDDEN', data: 'present' },
    { name: 'NOT_FOUND', send: (p, a) => post(p, a, { query: 'mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") { id } }' }, user.token), status: EXECUTED, code: 'NOT_FOUND', data: 'present' },
    { name: 'BAD_USER_INPUT (a service rule)', send: (p, a) => post(p, a, { query: 'mutation { createApiToken(name: "  ") { secret } }' }, user.token), status: EXECUTED, code: 'BAD_USER_INPUT', data: 'present' },
    { name: 'BAD_USER_INPUT (argument validation)', send: (p, a) => post(p, a, { query: `{ marketplace(query: "${'x'.repeat(300)}") { totalCount } }` }), status: EXECUTED, code: 'BAD_USER_INPUT', data: 'present' },
    // Not a well-formed GraphQL-over-HTTP request, or refused by the HTTP layer.
    { name: 'no query', send: (p, a) => post(p, a, { variables: {} }), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'variables not an object', send: (p, a) => post(p, a, { query: '{ me { id } }', variables: 'x' }), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'body JSON but not an object', send: (p, a) => post(p, a, 'null'), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'query not a string', send: (p, a) => post(p, a, { query: 5 }), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'batch entry not an object', send: (p, a) => post(p, a, [{ query: '{ me { id } }' }, 5]), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'persisted query hash not matching its text', send: (p, a) => post(p, a, { query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'persisted query version unsupported', send: (p, a) => post(p, a, { query: '{ me { id } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'persisted query not known yet (the APQ protocol answers 200)', send: (p, a) => post(p, a, { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }), status: { json: 200, gql: 200 }, code: 'PERSISTED_QUERY_NOT_FOUND' },
    { name: 'body not JSON', send: (p, a) => post(p, a, '{"query": '), status: { json: 400, gql: 400 }, code: 'BAD_REQUEST' },
    { name: 'batch over the limit', send: (p, a) => post(p, a, [1, 2, 3].map(() => ({ query: '{ me { id } }' }))), status: { json: 400, gql: 400 }, code: 'QUERY_TOO_COMPLEX' },
    { name: 'body over the limit', send: (p, a) => post(p, a, { query: `{ me { id } } # ${'x'.repeat(5000)}` }), status: { json: 413, gql: 413 }, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'invalid bearer token', send: (p, a) => post(p, a, { query: '{ categories { slug } }' }, 'not-a-token'), status: { json: 401, gql: 401 }, code: 'UNAUTHENTICATED' },
    { name: 'unsupported charset', send: (p, a) => t.http().post('/graphql').set('Content-Type', 'application/json; charset=latin1-x').set('Accept', a).set('Content-Encoding', p === 'express' ? 'identity' : '').send('{}'), status: { json: 415, gql: 415 }, code: 'BAD_REQUEST' },
    { name: 'unsupported Content-Encoding', send: (_p, a) => t.http().post('/graphql').set('Content-Type', 'application/json').set('Content-Encoding', 'bogus').set('Accept', a).send('{}'), status: { json: 415, gql: 415 }, code: 'BAD_REQUEST' },
  ];

  for (const path of ['fast', 'express'] as const) {
    for (const [label, accept] of [['json', JSON_TYPE], ['gql', GQL_TYPE]] as const) {
      it.each(cases.map(c => [c.name, c] as const))(`%s: ${path} path, Accept ${accept}`, async (_name, c) => {
        const res = await c.send(path, accept);
        expect({ status: res.status, code: res.body?.errors?.[0]?.extensions?.code }).toEqual({ status: c.status[label], code: c.code });
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toContain(accept);
        if (c.data === 'present') expect(res.body).toHaveProperty('data');
        else expect(res.body).not.toHaveProperty('data');
      });
    }
  }

  it('answers an icon path that cannot be an app id (a NUL byte included) 404, not 500', async () => {
    for (const appId of ['%00', 'a%00b', 'UPPER', '-x-']) {
      const res = await t.http().get(`/marketplace/apps/${appId}/icon.svg`);
      expect({ appId, status: res.status }).toEqual({ appId, status: 404 });
    }
  });

  it('refuses methods other than GET and POST with 405', async () => {
    for (const method of ['put', 'delete', 'patch'] as const) {
      const res = await t.http()[method]('/graphql').set('Content-Type', 'application/json').send({ query: '{ me { id } }' });
      expect({ method, status: res.status, allow: res.headers.allow }).toEqual({ method, status: 405, allow: 'GET, POST' });
    }
  });

  it('refuses a mutation over GET with 405 and an Allow header, under both media types', async () => {
    for (const accept of [JSON_TYPE, GQL_TYPE]) {
      const res = await get(accept, 'mutation { createApiToken(name: "x") { secret } }');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
  });

  it('answers GET request errors like POST ones: 200 under application/json, 400 under graphql-response+json', async () => {
    for (const query of ['{ me ', '{ nope }', '{ a: me { id } b: me { id } c: me { id } d: me { id } }']) {
      expect((await get(JSON_TYPE, query)).status).toBe(200);
      expect((await get(GQL_TYPE, query)).status).toBe(400);
    }
  });

  it('answers a batch with the highest status of its operations', async () => {
    const batch = [{ query: '{ categories { slug } }' }, { query: '{ a: me { id } b: me { id } c: me { id } d: me { id } }' }];
    const json = await post('fast', JSON_TYPE, batch);
    expect(json.status).toBe(200);
    expect(json.body[0].data.categories).toBeDefined();
    expect(json.body[1].errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect((await post('express', GQL_TYPE, batch)).status).toBe(400);
    expect((await post('fast', GQL_TYPE, batch.slice(0, 1))).status).toBe(200);
  });

  it('treats an empty or absent bearer token as anonymous, on HTTP and in every spelling', async () => {
    for (const authorization of ['Bearer ', 'Bearer', 'bearer   ', '']) {
      const res = await t.http().post('/graphql').set('Content-Type', 'application/json').set('Authorization', authorization).send({ query: '{ me { id } marketplace(first: 1) { totalCount } }' });
      expect({ authorization, status: res.status, errors: res.body.errors }).toEqual({ authorization, status: 200, errors: undefined });
      expect(res.body.data).toEqual({ me: null, marketplace: { totalCount: expect.any(Number) } });
    }
    // A token that is present but wrong still fails, as before.
    expect((await t.http().post('/graphql').set('Authorization', 'Bearer x').send({ query: '{ me { id } }' })).status).toBe(401);
  });
});

describe('HTTP status of a server failure', () => {
  it('answers 500 with the request id, and logs the error under the same id', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
    const db = await createTestDatabase();
    const app = await createApp({ config: testConfig(), databaseUrl: db.url, logger });
    try {
      const url = await app.listen(0, '127.0.0.1');
      // The event log refuses every row: signUp's last write fails inside the server.
      await app.dataSource.query(`ALTER TABLE platform_events ADD CONSTRAINT no_events CHECK (false) NOT VALID`);
      for (const accept of [JSON_TYPE, GQL_TYPE]) {
        const res = await request(url).post('/graphql').set('Accept', accept).send({
          query: 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }',
          variables: { i: { email: `fail-${accept.length}@example.com`, password: 'a long passphrase', displayName: 'F' } },
        });
        expect(res.status).toBe(500);
        const requestId = res.headers['x-request-id'];
        expect(res.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
        const logged = lines.map(line => JSON.parse(line)).filter(entry => entry.requestId === requestId && entry.msg === 'internal error');
        expect(logged).toHaveLength(1);
        expect(JSON.stringify(logged[0].err)).toMatch(/no_events/);
      }
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
