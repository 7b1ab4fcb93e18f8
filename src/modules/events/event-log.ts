import type { EntityManager } from 'typeorm';
import { prepared } from '../../db/prepared';
import type { RequestContext } from '../../context';
import { assertInTransaction } from '../../db/transaction';
import { decodeCursor, encodeCursor, Page } from '../../shared/pagination';
import { CursorExpiredError } from '../../shared/errors';
import { PlatformEventEntity } from './event.entity';
import { addressedTo, isAddressedTo, isVisibleTo, visibleTo } from './event-visibility';
import { AUDIENCE_ONLY_FIELDS, EventPayloads, EventType, PAYLOAD_VERSIONS, PartnerEventType } from './event-types';

/** PostgreSQL channel that carries new event ids (NOTIFY is delivered only on commit). */
export const EVENTS_CHANNEL = 'plaza_events';

/** An event to record, with the payload its type carries (event-types.ts `EventPayloads`). */
export interface NewEvent<T extends EventType> {
  subjectType: string;
  subjectId: string;
  appId?: string | null;
  version?: string | null;
  /** Set for private events: only this user (and admins) may read them. */
  audienceUserId?: string | null;
  data: EventPayloads[T];
}

/** A recorded event of one type, as in-transaction handlers receive it. */
export type RecordedEvent<T extends EventType> = PlatformEventEntity & { type: T; data: EventPayloads[T] };

/**
 * Work a module does in the transaction that records an event of another module: the reacting
 * module registers it (`EventLog.on`), so the recording module never calls, or even imports, it.
 */
export type EventHandler<T extends EventType> = (tx: RequestContext, event: RecordedEvent<T>) => Promise<void>;

/**
 * The columns of a set-based append (`EventLog.insertManySql`): SQL expressions over the rows of
 * `from`, the caller's CTE or table.
 */
export interface EventRowsSql {
  from: string;
  appId: string;
  version: string;
  subjectType: string;
  subjectId: string;
  audienceUserId: string;
  /** A jsonb expression building the type's payload (docs/events.md). */
  data: string;
}

/** An event of the shared live feed, with what the visibility rule needs to decide in memory. */
export interface FeedEvent {
  event: PlatformEventEntity;
  appOwnerId: string | null;
}

/** The same decision as `readAfter`'s WHERE clause, for one event of the shared feed. */
export function matchesFilter(filter: EventFilter, { event, appOwnerId }: FeedEvent): boolean {
  if (filter.types?.length && !filter.types.includes(event.type)) return false;
  if (filter.appIds?.length && (event.appId === null || !filter.appIds.includes(event.appId))) return false;
  if (filter.readerUserId === null) return true;
  const reader = { userId: filter.readerUserId };
  return filter.audienceOnly ? isAddressedTo(event, reader) : isVisibleTo({ audienceUserId: event.audienceUserId, appOwnerId }, reader);
}

export interface EventFilter {
  types?: string[];
  appIds?: string[];
  /** null: every event (admins); otherwise what `visibleTo` lets this user read. */
  readerUserId: string | null;
  /** Only the reader's private events (not the public ones). */
  audienceOnly?: boolean;
}

const CURSOR_TAG = 'ev';

/**
 * The highest event id at or below which every event is final (committed or rolled back), from
 * the `plaza_events_safe_id()` SQL function (docs/architecture.md, "Transactions and events").
 * Readers read only up to it, in a later statement (a later snapshot) than this one.
 */
export const SAFE_ID_SQL = `SELECT plaza_events_safe_id()::text AS safe`;

/** The position of an event in the log, as an opaque cursor. */
export function eventCursor(event: Pick<PlatformEventEntity, 'id'>): string {
  return encodeCursor(CURSOR_TAG, event.id);
}

/** Who reads an event, for `eventEnvelope`'s payload rule. */
export interface EventReader {
  userId: string;
  isAdmin: boolean;
}

/**
 * The payload as `reader` may see it: whole for the event's audience and admins; without the
 * type's AUDIENCE_ONLY_FIELDS for anyone else the visibility rule admits (the developer).
 */
export function payloadFor(e: Pick<PlatformEventEntity, 'type' | 'audienceUserId' | 'data'>, reader: EventReader): Record<string, unknown> {
  const hidden = AUDIENCE_ONLY_FIELDS[e.type];
  if (!hidden || reader.isAdmin || e.audienceUserId === reader.userId) return e.data;
  const data = { ...e.data };
  for (const field of hidden) if (field in data) data[field] = null;
  return data;
}

/**
 * The envelope every way out shares (GraphQL `PlatformEvent`, webhook bodies): event id,
 * cursor, type, payload version and occurrence time around the type's documented `data`, as
 * `reader` may see it (`payloadFor`).
 */
export function eventEnvelope(e: PlatformEventEntity, reader: EventReader) {
  return {
    id: e.id,
    cursor: eventCursor(e),
    type: e.type,
    payloadVersion: e.payloadVersion,
    occurredAt: e.occurredAt,
    appId: e.appId,
    version: e.version,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    data: payloadFor(e, reader),
  };
}

/**
 * The append-only event log. Every module records its state changes through `append`, inside
 * the transaction that makes the change, so an event exists exactly when its change committed.
 */
export class EventLog {
  private readonly handlers = new Map<EventType, EventHandler<EventType>[]>();

  /**
   * Registers work to do inside every transaction that records an event of `type`, after the
   * event's row is written (so the log reads cause, then effect). A handler that throws rolls the
   * whole transaction back: use it where the effect must be atomic with its cause; work that may
   * happen after commit belongs in a job the handler enqueues.
   */
  on<T extends EventType>(type: T, handler: EventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as EventHandler<EventType>);
    this.handlers.set(type, list);
  }

  /**
   * Writes one event row and queues a NOTIFY with its id, both in the caller's transaction.
   *
   * No lock is taken here: the table's statement trigger (`plaza_event_ticket`) registers the
   * transaction as an event writer with a shared advisory lock, which never waits on other
   * writers. Readers stop below the oldest writer still open (`safeId`), so a reader that has
   * seen id N never later finds a committed event below N. Services still append their events
   * as the last writes of a transaction: an open event writer holds readers back, not writers.
   */
  async append<T extends EventType>(ctx: RequestContext, type: T, event: NewEvent<T>): Promise<RecordedEvent<T>> {
    assertInTransaction(ctx, 'An event');
    const rows: Record<string, unknown>[] = await ctx.manager.query(
      APPEND_SQL,
      [
        type,
        event.appId ?? null,
        event.version ?? null,
        event.subjectType,
        event.subjectId,
        event.audienceUserId ?? null,
        ctx.actor?.userId ?? null,
        JSON.stringify(event.data),
        payloadVersionOf(type),
      ],
    );
    const recorded = rowToEntity(rows[0]) as RecordedEvent<T>;
    for (const handler of this.handlers.get(type) ?? []) await handler(ctx, recorded as RecordedEvent<EventType>);
    return recorded;
  }

  /**
   * The statement of a set-based append: one event of `type` per row of `rows.from`, for writers
   * that move many rows in one statement (rollouts). Embed it as a data-modifying CTE, then call
   * `notify`. Set-based events run no handlers: their writers are the modules that would react.
   * Like `append`, it takes no lock of its own (the table's statement trigger registers the
   * writer; docs/architecture.md, "Transactions and events").
   */
  insertManySql<T extends EventType>(type: T, rows: EventRowsSql): string {
    return `INSERT INTO platform_events (type, app_id, version, subject_type, subject_id, audience_user_id, data, payload_version)
           SELECT '${type}', ${rows.appId}, ${rows.version}, ${rows.subjectType}, ${rows.subjectId}, ${rows.audienceUserId}, ${rows.data}, ${payloadVersionOf(type)}
             FROM ${rows.from}`;
  }

  /** Wakes live tails after a set-based append (delivered on commit). */
  async notify(ctx: RequestContext): Promise<void> {
    await ctx.manager.query(`SELECT pg_notify('${EVENTS_CHANNEL}', coalesce(max(id), 0)::text) FROM platform_events`);
  }

  /**
   * The highest id at or below which every event is final: no transaction still open can commit
   * an event there. Read it before the rows, in a statement of its own (the rows' statement then
   * has a later snapshot, which sees every commit the function found finished).
   */
  async safeId(manager: EntityManager): Promise<string> {
    const [{ safe }]: { safe: string }[] = await manager.query(SAFE_ID_SQL);
    return safe;
  }

  /** The retention floor: every event at or below it was dropped ('0': none). */
  async floorId(manager: EntityManager): Promise<string> {
    const rows: { floor: string }[] = await manager.query(`SELECT floor_id::text AS floor FROM platform_event_floor WHERE id = 1`);
    return rows[0]?.floor ?? '0';
  }

  /** Refuses a cursor below the retention floor with CURSOR_EXPIRED (the subscription start check). */
  async assertCursorLive(manager: EntityManager, cursor: string | null | undefined): Promise<void> {
    if (!cursor) return;
    const [id] = decodeCursor(cursor, CURSOR_TAG, 1);
    expiredUnlessLive(id, await this.floorId(manager));
  }

  /**
   * Events after `cursor`, in log order, up to `safeId`: a page never holds an event with a
   * lower id still uncommitted, so the next page (after its last cursor) misses nothing.
   * A cursor below the retention floor is refused with CURSOR_EXPIRED; the floor is read in the
   * rows' own statement, so a retention pass that commits meanwhile cannot cut a page silently.
   * `countTotal` counts every matching event: ask only when the caller selected `totalCount`.
   */
  async readAfter(
    manager: EntityManager,
    cursor: string | null | undefined,
    first: number,
    filter: EventFilter,
    options: { countTotal?: boolean } = {},
  ): Promise<Page<PlatformEventEntity>> {
    const [id] = cursor ? decodeCursor(cursor, CURSOR_TAG, 1) : ['0'];
    const safe = await this.safeId(manager);
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.types?.length) where.push(`e.type = ANY(${param(filter.types)})`);
    if (filter.appIds?.length) where.push(`e.app_id = ANY(${param(filter.appIds)})`);
    if (filter.readerUserId) {
      const reader = { userId: `${param(filter.readerUserId)}::uuid` };
      where.push(filter.audienceOnly ? addressedTo('e', reader) : visibleTo('e', reader));
    }
    const countWhere = where.join(' AND ');
    const countParams = [...params];
    const pageWhere = [...where, `e.id > ${param(id)}::bigint`, `e.id <= ${param(safe)}::bigint`].join(' AND ');
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT f.floor_id::text AS floor_id, e.*
         FROM (SELECT 1) one
         LEFT JOIN platform_event_floor f ON f.id = 1
         LEFT JOIN LATERAL (SELECT e.* FROM platform_events e WHERE ${pageWhere} ORDER BY e.id LIMIT ${first + 1}) e ON TRUE
        ORDER BY e.id`,
      params,
    );
    if (cursor) expiredUnlessLive(id, String(rows[0]?.floor_id ?? '0'));
    const events = rows.filter(row => row.id !== null && row.id !== undefined);
    const [{ total }] = options.countTotal
      ? await manager.query(`SELECT count(*)::int AS total FROM platform_events e WHERE ${countWhere}`, countParams)
      : [{ total: 0 }];
    const items = events.slice(0, first).map(rowToEntity);
    return { items, hasNextPage: events.length > first, totalCount: total, cursorOf: eventCursor };
  }

  /**
   * Every event after `afterId` up to `safeId`, unfiltered, each with the owner of its
   * extension: the shared live feed of a process, filtered per subscriber in memory by
   * `matchesFilter`.
   */
  async readFeed(manager: EntityManager, afterId: string, limit: number): Promise<FeedEvent[]> {
    const safe = await this.safeId(manager);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT e.*, ext.owner_id AS app_owner_id
         FROM platform_events e LEFT JOIN extensions ext ON ext.app_id = e.app_id
        WHERE e.id > $1::bigint AND e.id <= $2::bigint ORDER BY e.id LIMIT ${limit}`,
      [afterId, safe],
    );
    return rows.map(row => ({ event: rowToEntity(row), appOwnerId: (row.app_owner_id as string) ?? null }));
  }

  /**
   * Where a new live tail starts: the safe id ('0' for an empty log). Every event after it is
   * still to come or still uncommitted, so the tail misses none of them.
   */
  async headId(manager: EntityManager): Promise<string> {
    return this.safeId(manager);
  }
}

function expiredUnlessLive(id: string, floor: string): void {
  if (BigInt(id) < BigInt(floor)) {
    const oldest = eventCursor({ id: floor });
    throw new CursorExpiredError(`This cursor is older than the event log keeps; the oldest cursor still served is ${oldest}`, oldest);
  }
}

function payloadVersionOf(type: EventType): number {
  return PAYLOAD_VERSIONS[type as PartnerEventType] ?? 1;
}

/**
 * The statement of one append, kept prepared on each connection (db/prepared.ts). It names the
 * columns it returns (what rowToEntity reads) rather than `*`: a prepared statement's result
 * columns are fixed, so a column added by a later migration would otherwise fail it.
 */
const APPEND_SQL = prepared(
  `WITH inserted AS (
     INSERT INTO platform_events
       (type, app_id, version, subject_type, subject_id, audience_user_id, actor_id, data, payload_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING id, type, app_id, version, subject_type, subject_id, audience_user_id, actor_id, data, payload_version, occurred_at
   )
   SELECT inserted.*, pg_notify('${EVENTS_CHANNEL}', inserted.id::text) FROM inserted`,
);

function rowToEntity(row: Record<string, unknown>): PlatformEventEntity {
  const e = new PlatformEventEntity();
  e.id = String(row.id);
  e.type = row.type as string;
  e.appId = (row.app_id as string) ?? null;
  e.version = (row.version as string) ?? null;
  e.subjectType = row.subject_type as string;
  e.subjectId = row.subject_id as string;
  e.audienceUserId = (row.audience_user_id as string) ?? null;
  e.actorId = (row.actor_id as string) ?? null;
  e.data = row.data as Record<string, unknown>;
  e.payloadVersion = Number(row.payload_version ?? 1);
  e.occurredAt = new Date(row.occurred_at as string);
  return e;
}
