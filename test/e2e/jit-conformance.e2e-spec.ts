import { execute, getIntrospectionQuery, parse } from 'graphql';
import type { RequestContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { formatError } from '../../src/shared/errors';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';

/**
 * HTTP operations run on graphql-jit (src/http/jit-executor.ts). These operations cover the
 * features the API uses (introspection for the explorer, fragments, aliases, directives,
 * variables with defaults, custom scalars, enums, nullable and non-null errors, connections,
 * auth refusals) and must give the same data and errors as graphql-js on the same schema.
 */
describe('graphql-jit gives the same results as graphql-js', () => {
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await buildUser(t);
    admin = await buildAdmin(t);
    const dev = await buildDeveloper(t);
    const manifest = { app_id: 'x', version: '1.0.0', capabilities: ['store:read'], tools: [{ name: 'list_tasks', description: 'Lists tasks', action_type: 'read' }, { name: 'bare' }] };
    await t.sql(`INSERT INTO package_blobs (sha256, size_bytes) VALUES ($1, 1) ON CONFLICT DO NOTHING`, ['0'.repeat(64)]);
    await t.sql(
      `WITH ext AS (
         INSERT INTO extensions (app_id, display_name, category, owner_id)
         SELECT 'jit-' || g, 'Jit App ' || g, 'productivity', $1 FROM generate_series(1, 7) g RETURNING id, app_id
       ), lst AS (
         INSERT INTO listings (extension_id, title, short_description, full_description, categories, support_contact, published_at)
         SELECT id, 'Jit listing ' || app_id, 'Short text for ' || app_id, 'Full text ' || app_id, '{productivity}', 'a@b.c', now() FROM ext
       )
       INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id, published_at)
       SELECT id, '1.0.0', 'PUBLISHED', 'UPLOAD', $2, $3, $1, now() FROM ext`,
      [dev.id, '0'.repeat(64), JSON.stringify(manifest)],
    );
    await t.gql(`mutation { createApiToken(name: "jit") { secret } }`, {}, user.token);
  });
  afterAll(() => t.close());

  async function viaGraphqlJs(query: string, variables: Record<string, unknown>, token?: string) {
    const manager = t.app.dataSource.manager;
    const contextValue: RequestContext = {
      requestId: 'conformance',
      actor: token ? await t.app.services.auth.authenticate(`Bearer ${token}`) : null,
      address: '127.0.0.1',
      origin: t.url,
      logger: t.app.logger,
      manager,
      loaders: createLoaders(manager),
      container: t.app.container,
    };
    const result = await execute({ schema: t.app.schema, document: parse(query), variableValues: variables, contextValue });
    // Errors through the server's own formatter (as HTTP responses are), then through JSON as
    // a client sees them (dates as strings, no prototypes).
    const errors = result.errors?.map(e => formatError(e.toJSON(), e, undefined, { exposeInternal: false, onInternalError: () => undefined }));
    return JSON.parse(JSON.stringify({ data: result.data ?? null, errors: errors?.map(e => ({ message: e.message, path: e.path, code: e.extensions?.code })) }));
  }

  async function viaHttp(query: string, variables: Record<string, unknown>, token?: string) {
    const res = await t.gql(query, variables, token);
    return { data: res.data ?? null, errors: res.errors?.map(e => ({ message: e.message, path: e.path, code: e.extensions?.code })) };
  }

  const MARKET_CARD = `
    fragment Card on Extension { appId displayName listing { title ...Text } latestVersion { version status } tools { name description actionType } scopes }
    fragment Text on Listing { shortDescription }`;

  it.each([
    ['introspection (the explorer)', getIntrospectionQuery(), {}, undefined],
    ['fragments, aliases and directives', `query($withTools: Boolean = true, $n: Int = 3) {
        newest: marketplace(first: $n, sort: NEWEST) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Card ... @skip(if: $withTools) { category } } } }
        byName: marketplace(query: "Jit App 2", first: 2) { edges { node { appId tools @include(if: $withTools) { name } } } }
      } ${MARKET_CARD}`, { withTools: false }, undefined],
    ['categories with counts and a missing extension (null)', `{ categories { slug name count } extension(appId: "does-not-exist") { appId } }`, {}, undefined],
    ['a connection read by its owner, with custom scalars and JSON', `{ me { id email roles createdAt apiTokens { name prefix lastUsedAt } } events(first: 2, types: ["account.api_token_created"]) { totalCount edges { node { type payloadVersion occurredAt data } } } }`, {}, 'user'],
    ['an admin-only field refused for a user (error with path, null data)', `{ auditLog(first: 1) { totalCount } }`, {}, 'user'],
    ['an admin-only field for an admin', `{ auditLog(first: 2) { edges { node { action targetType } } } }`, {}, 'admin'],
    ['an anonymous caller on an authenticated field', `{ me { id } }`, {}, undefined],
    ['argument validation (class-validator) refusing input', `{ marketplace(query: "${'x'.repeat(300)}") { totalCount } }`, {}, undefined],
    ['two operations, one chosen', `query A { categories { slug } } query B { marketplace(first: 1) { totalCount } }`, {}, undefined],
  ])('%s', async (_label, query, variables, who) => {
    const token = who === 'user' ? user.token : who === 'admin' ? admin.token : undefined;
    if (query.includes('query A')) {
      const js = await execute({ schema: t.app.schema, document: parse(query), operationName: 'B', contextValue: { ...(await contextFor()), actor: null } });
      for (let run = 0; run < 2; run++) {
        const res = await t.http().post('/graphql').send({ query, operationName: 'B' });
        expect(res.body.data).toEqual(JSON.parse(JSON.stringify(js.data)));
      }
      // An operation name the document does not hold is a request error, never a 500: 400
      // under graphql-response+json, 200 under application/json (the GraphQL-over-HTTP spec).
      for (let run = 0; run < 2; run++) {
        const missing = await t.http().post('/graphql').set('Accept', 'application/graphql-response+json').send({ query, operationName: 'C' });
        expect(missing.status).toBe(400);
        expect(missing.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
        const legacy = await t.http().post('/graphql').send({ query, operationName: 'C' });
        expect(legacy.status).toBe(200);
        expect(legacy.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
      }
      return;
    }
    const js = await viaGraphqlJs(query, variables as Record<string, unknown>, token);
    // A document's first HTTP execution runs on graphql-js; from the second on it is compiled.
    expect(await viaHttp(query, variables as Record<string, unknown>, token)).toEqual(js);
    expect(await viaHttp(query, variables as Record<string, unknown>, token)).toEqual(js);
  });

  async function contextFor(): Promise<RequestContext> {
    const manager = t.app.dataSource.manager;
    return { requestId: 'conformance', actor: null, address: '127.0.0.1', origin: t.url, logger: t.app.logger, manager, loaders: createLoaders(manager), container: t.app.container };
  }

  it('leaves a field out when its variable inside an input object is omitted (graphql-jit would pass null)', async () => {
    const dev = await buildDeveloper(t);
    await t.gql(`mutation { claimExtension(input: { appId: "jit-listing", displayName: "Jit Listing", category: "productivity" }) { id } }`, {}, dev.token);
    const set = await t.gql(
      `mutation { updateListing(appId: "jit-listing", input: { title: "First title", privacyPolicyUrl: "https://example.test/privacy" }) { title privacyPolicyUrl } }`,
      {},
      dev.token,
    );
    expect(set.errors).toBeUndefined();
    const UPDATE = `mutation($title: String, $url: String) { updateListing(appId: "jit-listing", input: { title: $title, privacyPolicyUrl: $url }) { title privacyPolicyUrl } }`;
    for (const title of ['Second title', 'Third title']) {
      const res = await t.gql(UPDATE, { title }, dev.token);
      expect(res.data!.updateListing).toEqual({ title, privacyPolicyUrl: 'https://example.test/privacy' });
    }
  });
});
