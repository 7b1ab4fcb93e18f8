import { EventTypes } from './event-types';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Extensions, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import { selectsAny } from '../../shared/selection';
import { authed, type RequestContext } from '../../context';
import { pageSize, toConnection } from '../../shared/pagination';
import { Role } from '../../shared/auth/roles';
import type { Actor } from '../../context';
import type { EventFilter, EventLog } from './event-log';
import type { EventStream } from './event-stream';
import type { PlatformEventEntity } from './event.entity';
import { EventConnection, EventsArgs, PlatformEvent } from './events.types';

/**
 * Whether a subscriber's credentials still hold (the accounts module answers; a live tail ends
 * when its token is revoked or its session expires).
 */
export interface SessionValidity {
  isStillValid(actor: Actor): Promise<boolean>;
}

@Resolver()
export class EventsResolver {
  constructor(
    private readonly log: EventLog,
    private readonly stream: EventStream,
    private readonly sessions: SessionValidity,
    private readonly maxPageSize: number,
  ) {}

  @Authorized()
  @Extensions({ connection: true })
  @Query(() => EventConnection, {
    description: 'Replay of the event log in order: public events, plus your private ones (all for admins)',
  })
  async events(@Args() args: EventsArgs, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<EventConnection> {
    const ctx = authed(context);
    const page = await this.log.readAfter(
      ctx.manager,
      args.after,
      pageSize(args.first, this.maxPageSize),
      {
        types: args.types,
        appIds: args.appIds,
        readerUserId: ctx.actor.roles.has(Role.ADMIN) ? null : ctx.actor.userId,
      },
      // A count over the whole log: only for the callers who ask for it (docs/events.md).
      { countTotal: selectsAny(info, [], ['totalCount']) },
    );
    return toConnection(page, e => PlatformEvent.from(e, ctx));
  }

  @Authorized()
  @Subscription(() => PlatformEvent, {
    description: 'Live events about your own account (token created or revoked, roles, organizations)',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return ctx.container.get(EventsResolver).tailFor(ctx, { audienceOnly: true });
    },
  })
  accountEvents(@Root() event: PlatformEventEntity, @Ctx() ctx: RequestContext): PlatformEvent {
    return PlatformEvent.from(event, authed(ctx));
  }

  @Authorized()
  @Subscription(() => PlatformEvent, {
    description:
      'Deprecation and sunset announcements (version.deprecated, version.sunset), optionally for some apps; with `after`, the ones missed since that cursor come first',
    subscribe: ({ context, args }) => {
      const ctx = context as RequestContext;
      const a = args as { appIds?: string[]; after?: string };
      return ctx.container.get(EventsResolver).tailFor(ctx, { types: [EventTypes.VERSION_DEPRECATED, EventTypes.VERSION_SUNSET], appIds: a.appIds }, a.after);
    },
  })
  deprecationNotices(
    @Root() event: PlatformEventEntity,
    @Arg('appIds', () => [String], { nullable: true }) _appIds?: string[],
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Ctx() ctx?: RequestContext,
  ): PlatformEvent {
    return PlatformEvent.from(event, authed(ctx!));
  }

  @Authorized()
  @Subscription(() => PlatformEvent, {
    description:
      'The event log live: first every event after `after` (your last cursor), then new ones as they commit, with no gap and no duplicate across the switch',
    subscribe: ({ context, args }) => {
      const ctx = context as RequestContext;
      const a = args as { appIds?: string[]; types?: string[]; after?: string };
      return ctx.container.get(EventsResolver).tailFor(ctx, { types: a.types, appIds: a.appIds }, a.after, { adminSeesAll: true });
    },
  })
  releaseEvents(
    @Root() event: PlatformEventEntity,
    @Arg('appIds', () => [String], { nullable: true }) _appIds?: string[],
    @Arg('types', () => [String], { nullable: true }) _types?: string[],
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Ctx() ctx?: RequestContext,
  ): PlatformEvent {
    return PlatformEvent.from(event, authed(ctx!));
  }

  @Authorized()
  @Subscription(() => PlatformEvent, {
    description:
      'Upgrade offers made to your installations (upgrade_offer.created events; data.installationId, data.newScopes); with `after`, the ones missed since that cursor come first',
    subscribe: ({ context, args }) => {
      const ctx = context as RequestContext;
      return ctx.container.get(EventsResolver).tailFor(ctx, { types: [EventTypes.UPGRADE_OFFER_CREATED], audienceOnly: true }, (args as { after?: string }).after);
    },
  })
  myUpgradeOffers(
    @Root() event: PlatformEventEntity,
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Ctx() ctx?: RequestContext,
  ): PlatformEvent {
    return PlatformEvent.from(event, authed(ctx!));
  }

  /**
   * A live tail of the log for the subscribing caller under the visibility rule: events after
   * `after` first, then new ones (CURSOR_EXPIRED when `after` is older than the log keeps). `adminSeesAll` lets an admin read every event (otherwise an
   * admin reads as any user does).
   */
  async tailFor(
    ctx: RequestContext,
    filter: Omit<EventFilter, 'readerUserId'>,
    after?: string | null,
    { adminSeesAll = false } = {},
  ): Promise<AsyncIterableIterator<PlatformEventEntity>> {
    const { actor } = authed(ctx);
    // An expired cursor is refused as the subscription starts (CURSOR_EXPIRED), like a malformed one.
    await this.log.assertCursorLive(ctx.manager, after);
    return this.stream.tail({
      filter: { ...filter, readerUserId: adminSeesAll && actor.roles.has(Role.ADMIN) ? null : actor.userId },
      after: after ?? null,
      isStillAllowed: () => this.sessions.isStillValid(actor),
    });
  }
}
