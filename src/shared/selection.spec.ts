import { buildSchema, graphql } from 'graphql';
import { selectsAny } from './selection';

describe('selectsAny', () => {
  const schema = buildSchema(`
    type Node { id: ID, listing: String, tools: [String] }
    type Edge { node: Node }
    type Connection { edges: [Edge], totalCount: Int }
    type Query { page: Connection }
  `);
  const probe = async (query: string) => {
    let seen: Record<string, boolean> = {};
    await graphql({
      schema,
      source: query,
      rootValue: {
        page: (_: unknown, _ctx: unknown, info: never) => {
          seen = { listing: selectsAny(info, ['edges', 'node'], ['listing']), tools: selectsAny(info, ['edges', 'node'], ['tools']) };
          return { edges: [] };
        },
      },
    });
    return seen;
  };

  it('finds fields below the path, directly or through fragments', async () => {
    expect(await probe('{ page { edges { node { id listing } } } }')).toEqual({ listing: true, tools: false });
    expect(await probe('{ page { edges { node { ...Card } } } } fragment Card on Node { tools }')).toEqual({ listing: false, tools: true });
    expect(await probe('{ page { edges { ... on Edge { node { ... on Node { listing } } } } } }')).toEqual({ listing: true, tools: false });
  });

  it('ignores same-named fields elsewhere in the selection', async () => {
    expect(await probe('{ page { totalCount edges { node { id } } } }')).toEqual({ listing: false, tools: false });
  });
});
