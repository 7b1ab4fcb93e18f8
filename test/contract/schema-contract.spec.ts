import type { GraphQLObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { buildPlazaSchema, printPlazaSchema, resolvers } from '../../src/schema';
import { PUBLIC } from '../../src/shared/auth/auth-checker';

describe('schema contract', () => {
  it('schema/schema.graphql is exactly what the code emits (run `npm run schema:emit`)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printPlazaSchema(await buildPlazaSchema())).toBe(committed);
  });

  it('declares authorization on every root Query, Mutation and Subscription field', async () => {
    await buildPlazaSchema(); // populates the metadata of every resolver
    const storage = getMetadataStorage();
    const roots = [...storage.queries, ...storage.mutations, ...storage.subscriptions].filter(r =>
      resolvers.includes(r.target),
    );
    expect(roots.length).toBeGreaterThan(5);
    const undeclared = roots
      .filter(r => !storage.authorizedFields.some(a => a.target === r.target && a.fieldName === r.methodName))
      .filter(r => !storage.authorizedResolver.some(a => a.target === r.target))
      .map(r => `${r.target.name}.${r.methodName}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps the public surface small: only these root fields are open to anonymous callers', async () => {
    await buildPlazaSchema();
    const storage = getMetadataStorage();
    const open = storage.authorizedFields
      .filter(a => a.roles.includes(PUBLIC) && resolvers.includes(a.target))
      .map(a => a.fieldName)
      .sort();
    expect(open).toEqual(['categories', 'extension', 'extensionVersion', 'hostingTiers', 'login', 'marketplace', 'me', 'signUp']);
  });

  it('keeps the root field names of the foundation', async () => {
    const schema = await buildPlazaSchema();
    const fields = (type: 'Query' | 'Mutation' | 'Subscription') =>
      Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
    expect(fields('Query')).toEqual(expect.arrayContaining(['me', 'events', 'auditLog']));
    expect(fields('Mutation')).toEqual(
      expect.arrayContaining([
        'signUp',
        'login',
        'createApiToken',
        'revokeApiToken',
        'becomeDeveloper',
        'grantRole',
        'createOrganization',
        'addOrganizationMember',
        'setUpgradePolicy',
      ]),
    );
  });
});
