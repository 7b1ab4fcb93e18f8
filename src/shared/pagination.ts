import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, Min, MaxLength } from 'class-validator';
import { BadUserInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size; the server caps it at its maximum page size' })
  @IsOptional()
  @Min(0)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item already seen' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
  cursorOf(item: T): string;
}

/** The page size actually served: the requested one, capped by the server's maximum. */
export function pageSize(first: number | undefined | null, maxPageSize: number): number {
  if (first === undefined || first === null) return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(first) || first < 0) throw BadUserInputError.field('first', 'first must be a non-negative integer');
  return Math.min(first, maxPageSize);
}

/** A Relay connection type for `Node`, named `${name}Connection` with `${name}Edge` edges. */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor: string;

    @Field(() => Node)
    node: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

/** Shapes a page of items into a connection value. */
export function toConnection<T, N>(page: Page<T>, map: (item: T) => N) {
  const edges = page.items.map(item => ({ cursor: page.cursorOf(item), node: map(item) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}

/** Opaque cursors: base64url of a small tagged string. */
export function encodeCursor(tag: string, ...parts: (string | number)[]): string {
  return Buffer.from([tag, ...parts].join(':'), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, tag: string, arity: number): string[] {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (decoded[0] !== tag || decoded.length !== arity + 1 || decoded.slice(1).some(p => !/^\d+$/.test(p))) {
    throw BadUserInputError.field('after', 'after is not a cursor this list issued');
  }
  return decoded.slice(1);
}
