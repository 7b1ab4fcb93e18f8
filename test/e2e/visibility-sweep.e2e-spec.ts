import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { eventCursor } from '../../src/modules/events/event-log';
import { collect, wsClient } from '../utils/ws-client';
import { startTestApp, TestApp } from '../utils/test-app';
import { seedPrivateWorld, Viewer, World } from '../utils/world';
import { ManualClock } from '../../src/shared/clock';

/**
 * The visibility sweep (docs/security.md): operations generated from the schema itself walk
 * every object type and field reachable from Query and Subscription, as anonymous, a stranger,
 * the owner and an admin, over a world seeded with private "canary" values. A canary that
 * reaches a caller outside its audience is a leak, whatever field carried it, so a new field
 * that leaks fails here without anyone writing a test for it.
 */
const MAX_DEPTH = 9;
/** How often one object type may appear on a path (enough for Extension → versions → extension). */
const MAX_REPEAT = 2;
const VIEWERS: Viewer[] = ['anonymous', 'stranger', 'owner', 'admin'];

interface Generated {
  root: string;
  document(pruned: Pruned): string;
  variables: Record<string, unknown>;
}

/**
 * Fields pruned from the generated selection (`Type.field`): a field that answers an error
 * (FORBIDDEN on someone else's tokens) would null its non-null parents and hide whatever else
 * they carried, so the sweep drops it and asks again.
 */
type Pruned = Set<string>;

function selectionOf(type: GraphQLObjectType, depth: number, path: string[], pruned: Pruned): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (pruned.has(`${type.name}.${field.name}`)) continue;
    const args = argumentsOf(field);
    if (args === null) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(`${field.name}${args}`);
    } else if (isObjectType(named)) {
      if (depth >= MAX_DEPTH || path.filter(p => p === named.name).length >= MAX_REPEAT) continue;
      const inner = selectionOf(named, depth + 1, [...path, named.name], pruned);
      if (inner) parts.push(`${field.name}${args} { ${inner} }`);
    } else {
      throw new Error(`The sweep does not know how to select ${named.name} (${named.constructor.name}); teach it`);
    }
  }
  return parts.join(' ');
}

/** Nested arguments: pages as large as allowed; a required argument the sweep cannot fill skips the field. */
function argumentsOf(field: GraphQLField<unknown, unknown>): string | null {
  const given: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first') given.push('first: 100');
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) return null;
  }
  return given.length ? `(${given.join(', ')})` : '';
}

/** Every root field, once per combination of the world's ids for its required arguments. */
function operations(schema: GraphQLSchema, rootType: GraphQLObjectType, world: World, firstCursor: string): Generated[] {
  const out: Generated[] = [];
  const keyword = rootType === schema.getSubscriptionType() ? 'subscription' : 'query';
  for (const field of Object.values(rootType.getFields())) {
    const named = getNamedType(field.type) as GraphQLNamedType;
    const selection = (pruned: Pruned) => (isObjectType(named) ? `{ ${selectionOf(named, 1, [named.name], pruned)} }` : '');
    let combos: Record<string, unknown>[] = [{}];
    const declared: string[] = [];
    for (const arg of field.args) {
      let values: unknown[] | undefined;
      if (arg.name === 'first') values = [100];
      else if (arg.name === 'after' && keyword === 'subscription') values = [firstCursor];
      else if (world.ids[arg.name]) values = world.ids[arg.name];
      else if (isNonNullType(arg.type) && arg.defaultValue === undefined) throw new Error(`No value for required argument ${field.name}(${arg.name}); add one to the world`);
      if (!values) continue;
      declared.push(`$${arg.name}: ${arg.type.toString()}`);
      combos = combos.flatMap(c => values!.map(v => ({ ...c, [arg.name]: v })));
    }
    const vars = declared.length ? `(${declared.join(', ')})` : '';
    const call = field.args.filter(a => declared.some(d => d.startsWith(`$${a.name}:`))).map(a => `${a.name}: $${a.name}`);
    for (const variables of combos) {
      const head = `${keyword} Sweep${vars} { ${field.name}${call.length ? `(${call.join(', ')})` : ''}`;
      out.push({ root: field.name, document: pruned => `${head} ${selection(pruned)} }`, variables });
    }
  }
  return out;
}

/** `Type.field` of the field at a response path (list indices skipped). */
function fieldAt(schema: GraphQLSchema, path: (string | number)[] | undefined): string | null {
  if (!path?.length) return null;
  let type: GraphQLNamedType = schema.getQueryType()!;
  let name = '';
  for (const [i, key] of path.entries()) {
    if (typeof key === 'number') continue;
    if (!isObjectType(type)) return null;
    const field = type.getFields()[key];
    if (!field) return null;
    name = `${type.name}.${key}`;
    if (i < path.length - 1) type = getNamedType(field.type) as GraphQLNamedType;
  }
  return name;
}

describe('visibility sweep over the whole schema', () => {
  let t: TestApp;
  let world: World;
  const seen = new Map<string, Set<Viewer>>();
  const leaks: string[] = [];

  beforeAll(async () => {
    // A ManualClock (at the real time) lets the world close a billing month for its invoice canaries.
    t = await startTestApp({ maxQueryDepth: 30, maxQueryCost: 100_000_000, allowLoopbackWebhooks: true }, { clock: new ManualClock(new Date()) });
    world = await seedPrivateWorld(t);
  }, 120_000);
  afterAll(async () => {
    await world?.receiver.close();
    await t?.close();
  });

  function inspect(viewer: Viewer, where: string, payload: unknown): void {
    const text = JSON.stringify(payload);
    for (const canary of world.canaries) {
      if (!text.includes(canary.value)) continue;
      if (!seen.has(canary.value)) seen.set(canary.value, new Set());
      seen.get(canary.value)!.add(viewer);
      if (!canary.audience.includes(viewer)) leaks.push(`${viewer} sees the ${canary.what} through ${where}`);
    }
  }

  it('answers every generated query and subscription without a leak', async () => {
    const [{ id: firstEventId }] = await t.sql(`SELECT min(id)::text AS id FROM platform_events`);
    const firstCursor = eventCursor({ id: String(BigInt(firstEventId) - 1n) });
    const schema = t.app.schema;
    const queries = operations(schema, schema.getQueryType()!, world, firstCursor);
    const subscriptions = operations(schema, schema.getSubscriptionType()!, world, firstCursor);
    expect(queries.length).toBeGreaterThan(20);
    const refusedShape: string[] = [];
    for (const viewer of VIEWERS) {
      for (const op of queries) {
        const pruned: Pruned = new Set();
        for (let round = 0; ; round++) {
          const res = await t.gql(op.document(pruned), op.variables, world.tokens[viewer]);
          inspect(viewer, `${op.root}(${JSON.stringify(op.variables)})`, { data: res.data, errors: res.errors });
          const before = pruned.size;
          for (const error of res.errors ?? []) {
            // A generated operation the server cannot run proves nothing: fail loudly instead.
            if (['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR'].includes(error.extensions?.code)) {
              refusedShape.push(`${viewer} ${op.root}: ${error.extensions?.code} ${error.message}`);
            }
            const field = fieldAt(schema, error.path);
            if (field && error.path!.length > 1) pruned.add(field);
          }
          if (pruned.size === before || round > 20) break;
        }
      }
      if (viewer === 'anonymous') continue; // subscriptions need an account
      const client = wsClient(t.url, world.tokens[viewer]);
      try {
        for (const op of subscriptions) {
          const stream = collect(client, op.document(new Set()), op.variables);
          await new Promise(r => setTimeout(r, 400));
          stream.unsubscribe();
          inspect(viewer, `subscription ${op.root}`, { results: stream.results, errors: stream.errors });
        }
      } finally {
        await client.dispose();
      }
    }
    expect(refusedShape).toEqual([]);
    expect(leaks).toEqual([]);
    // The sweep must reach the private data at all: each canary shows up for someone allowed.
    const unreached = world.canaries.filter(c => !seen.has(c.value)).map(c => c.what);
    expect(unreached).toEqual([]);
  }, 300_000);

  it('leaks nothing through webhook deliveries, including an endpoint filtered to another developer’s app', async () => {
    // Both endpoints were created after the world's events; new events reach them.
    await t.gql(`mutation($i: InstallInput!) { install(input: $i) { id } }`, { i: { appId: world.appId, grantedScopes: ['store:read', 'task-board:read', 'task-board:write'] } }, world.tokens.stranger);
    await t.gql(`mutation($o: ID!, $p: UpgradePolicy!) { setUpgradePolicy(organizationId: $o, policy: $p) { id } }`, { o: world.organizationId, p: 'MANUAL' }, world.users.orgAdmin.token);
    await t.gql(`mutation($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }`, { id: world.caseIds[0], b: world.canaries.find(c => c.what === 'review message')!.value }, world.users.reviewer.token);
    await world.receiver.waitFor(2, 20_000);
    await new Promise(r => setTimeout(r, 1500));
    const ownerHook = world.canaries.find(c => c.what === 'owner webhook url')!.value;
    const strangerHook = world.canaries.find(c => c.what === 'stranger webhook url')!.value;
    const deliveries = world.receiver.received;
    for (const d of deliveries) {
      const viewer: Viewer = d.path.includes(ownerHook) ? 'owner' : d.path.includes(strangerHook) ? 'stranger' : 'anonymous';
      inspect(viewer, `webhook delivery ${JSON.parse(d.body).type}`, JSON.parse(d.body));
    }
    expect(deliveries.some(d => d.path.includes(ownerHook))).toBe(true);
    expect(leaks).toEqual([]);
  }, 60_000);
});
