import http from 'node:http';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildUser } from '../utils/factories';
import { expectCode } from '../utils/expect-code';

describe('GraphQL over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ maxQueryDepth: 6, maxAliases: 3, maxBatch: 2, maxPageSize: 5, maxQueryCost: 60, maxBodyBytes: 4096 });
  });
  afterAll(() => t.close());

  describe('the protocol', () => {
    it('answers POST with application/graphql-response+json when the client asks for it', async () => {
      const res = await t.http().post('/graphql').set('Accept', 'application/graphql-response+json').send({ query: '{ me { id } }' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
      expect(res.body).toEqual({ data: { me: null } });
    });

    it('gives 400 for a syntax error and for a validation error under graphql-response+json', async () => {
      const parse = await t.http().post('/graphql').set('Accept', 'application/graphql-response+json').send({ query: '{ me { id ' });
      expect(parse.status).toBe(400);
      expect(parse.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      const invalid = await t.http().post('/graphql').set('Accept', 'application/graphql-response+json').send({ query: '{ nope }' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('serves queries over GET (with the CSRF preflight header) and refuses mutations over GET', async () => {
      const ok = await t.http().get('/graphql').query({ query: '{ me { id } }' }).set('apollo-require-preflight', '1');
      expect(ok.status).toBe(200);
      expect(ok.body.data).toEqual({ me: null });
      const mutation = await t
        .http()
        .get('/graphql')
        .query({ query: 'mutation { createApiToken(name: "x") { secret } }' })
        .set('apollo-require-preflight', '1');
      expect(mutation.status).toBe(405);
    });

    it('blocks a simple cross-site GET (CSRF prevention)', async () => {
      const res = await t.http().get('/graphql').query({ query: '{ me { id } }' });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/CSRF/i);
    });

    it('echoes or assigns a request id', async () => {
      const given = await t.http().post('/graphql').set('X-Request-Id', 'req-123').send({ query: '{ me { id } }' });
      expect(given.headers['x-request-id']).toBe('req-123');
      const assigned = await t.http().post('/graphql').send({ query: '{ me { id } }' });
      expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('limits', () => {
    it('refuses a query deeper than the limit with QUERY_TOO_COMPLEX', async () => {
      const user = await buildUser(t);
      const deep = `{ me { organizations { members { user { organizations { members { user { id } } } } } } } }`;
      const res = await t.gql(deep, {}, user.token);
      expect(expectCode(res, 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 6 });
      expect(res.data).toBeUndefined();
    });

    it('counts depth through fragments', async () => {
      const query = `query { me { ...A } } fragment A on User { organizations { members { user { organizations { members { user { id } } } } } } }`;
      const res = await t.gql(query);
      expect(expectCode(res, 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth' });
    });

    it('refuses too many aliases', async () => {
      const res = await t.gql(`{ a: me { id } b: me { id } c: me { id } d: me { id } }`);
      expect(expectCode(res, 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'aliases', limit: 3, actual: 4 });
    });

    it('refuses a query whose cost exceeds the limit, costing pages by their capped size', async () => {
      const admin = await buildAdmin(t);
      // A page asked at 1000 is costed at the cap (5): cheap. Wide nodes times five: too costly.
      const cheap = await t.gql(`{ auditLog(first: 1000) { edges { node { id } } } }`, {}, admin.token);
      expect(cheap.errors).toBeUndefined();
      const costly = `{ auditLog(first: 5) { edges { node { id action targetId targetType requestId createdAt data
        actor { id email displayName roles createdAt apiTokens { id name prefix createdAt } } } } } }`;
      const res = await t.gql(costly, {}, admin.token);
      const refused = expectCode(res, 'QUERY_TOO_COMPLEX');
      expect(refused.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', limit: 60 });
      // The verdict is remembered per document and variables: the same refusal again, and the
      // same document with other variables is judged on its own.
      expect(expectCode(await t.gql(costly, {}, admin.token), 'QUERY_TOO_COMPLEX').extensions).toEqual(refused.extensions);
      const sized = `query($n: Int) { auditLog(first: $n) { edges { node { id action targetId targetType requestId createdAt data actor { id email } } } } }`;
      expect((await t.gql(sized, { n: 1 }, admin.token)).errors).toBeUndefined();
      expect(expectCode(await t.gql(sized, { n: 5 }, admin.token), 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost' });
      expect((await t.gql(sized, { n: 1 }, admin.token)).errors).toBeUndefined();
    });

    it('caps page sizes whatever the variables say', async () => {
      const user = await buildUser(t);
      for (let i = 0; i < 7; i++) await t.gql(`mutation { createApiToken(name: "t${i}") { secret } }`, {}, user.token);
      const res = await t.gql(`query($n: Int) { events(first: $n) { edges { cursor } pageInfo { hasNextPage } } }`, { n: 1000 }, user.token);
      expect(res.data!.events.edges).toHaveLength(5);
      expect(res.data!.events.pageInfo.hasNextPage).toBe(true);
    });

    it('refuses a batch larger than the limit and serves one within it', async () => {
      const ok = await t.http().post('/graphql').send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
      expect(ok.status).toBe(200);
      expect(ok.body).toHaveLength(2);
      const tooMany = await t.http().post('/graphql').send([1, 2, 3].map(() => ({ query: '{ me { id } }' })));
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'batch', limit: 2 });
    });

    it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await t.http().post('/graphql').send({ query: `{ me { id } } # ${'x'.repeat(5000)}` });
      expect(res.status).toBe(413);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: 4096 });
    });

    it('refuses a streamed body (no Content-Length) once it passes the limit', async () => {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, res => {
          let text = '';
          res.on('data', chunk => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on('error', reject);
        req.write(`{"query": "{ me { id } }", "pad": "`);
        for (let i = 0; i < 5; i++) req.write('x'.repeat(1000));
        req.end('"}');
      });
      expect(status).toBe(413);
      expect(JSON.parse(body).errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: 4096 });
    });

    it('accepts a JSON body that starts with a UTF-8 byte-order mark', async () => {
      const res = await t.http().post('/graphql').set('Content-Type', 'application/json').send('\uFEFF{"query": "{ __typename }"}');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ __typename: 'Query' });
    });

    it('refuses a body that is not JSON with 400', async () => {
      const res = await t.http().post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });
  });

  describe('database round trips', () => {
    it('do not grow with page size: nested users come from one batched query', async () => {
      const big = await startTestApp();
      try {
        const admin = await buildAdmin(big);
        for (let i = 0; i < 12; i++) await buildUser(big); // each sign-up writes an audit entry by a different actor
        const query = `query($n: Int) { auditLog(first: $n) { totalCount edges { node { action actor { id email developerProfile { authorId } } } } } }`;
        const small = await big.gql(query, { n: 2 }, admin.token);
        const large = await big.gql(query, { n: 12 }, admin.token);
        expect(large.data!.auditLog.edges).toHaveLength(12);
        expect(Number(small.headers['x-plaza-db-queries'])).toBeGreaterThan(0);
        expect(large.headers['x-plaza-db-queries']).toBe(small.headers['x-plaza-db-queries']);
      } finally {
        await big.close();
      }
    });
  });

  describe('operations endpoints', () => {
    it('reports liveness and readiness', async () => {
      expect((await t.http().get('/healthz')).body).toEqual({ status: 'ok' });
      expect((await t.http().get('/readyz')).body).toEqual({ status: 'ready' });
    });

    it('is not ready while a migration is pending', async () => {
      const lagging = await startTestApp();
      try {
        await lagging.sql(`DELETE FROM typeorm_migrations`);
        const res = await lagging.http().get('/readyz');
        expect(res.status).toBe(503);
        expect(res.body.reason).toBe('migrations pending');
      } finally {
        await lagging.close();
      }
    });

    it('exposes Prometheus metrics with request counts, latencies and error codes', async () => {
      await t.gql(`{ nope }`);
      await t.gql(`mutation { createApiToken(name: "x") { secret } }`);
      const res = await t.http().get('/metrics');
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/plaza_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
      expect(res.text).toMatch(/plaza_http_request_duration_seconds_bucket/);
      expect(res.text).toMatch(/plaza_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
      expect(res.text).toMatch(/plaza_graphql_operations_total\{type="mutation",outcome="error"\} \d+/);
    });

    it('serves the explorer page and its assets without a CDN', async () => {
      const page = await t.http().get('/graphql').set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Plaza explorer');
      const scripts = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map(m => m[1]);
      expect(scripts.every(s => s.startsWith('/explorer/assets/'))).toBe(true);
      for (const asset of scripts) {
        const res = await t.http().get(asset);
        expect(res.status).toBe(200);
      }
    });
  });
});
