import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import type { WebhooksService } from './webhooks.service';
import { CreateWebhookEndpointInput, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEndpointSecret } from './webhooks.types';

@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly maxPageSize: number,
  ) {}

  @Authorized()
  @Query(() => [WebhookEndpoint], { description: 'Your webhook endpoints' })
  async webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpoint[]> {
    return (await this.webhooks.list(authed(ctx))).map(WebhookEndpoint.from);
  }

  @Authorized()
  @Mutation(() => WebhookEndpointSecret, {
    description: 'Subscribe a URL to events you may see; the signing secret is returned only here. BAD_USER_INPUT for a non-https, private, link-local or unresolvable URL or an unknown event type',
  })
  async createWebhookEndpoint(@Arg('input') input: CreateWebhookEndpointInput, @Ctx() ctx: RequestContext): Promise<WebhookEndpointSecret> {
    const { endpoint, secret } = await this.webhooks.create(authed(ctx), input);
    return Object.assign(new WebhookEndpointSecret(), { endpoint: WebhookEndpoint.from(endpoint), secret });
  }

  @Authorized()
  @Mutation(() => WebhookEndpointSecret, {
    description: 'A new secret, returned once; for `overlapSeconds` (default a day, at most 7 days) deliveries carry signatures with both',
  })
  async rotateWebhookSecret(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('overlapSeconds', () => Int, { defaultValue: 86400 }) overlapSeconds: number,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookEndpointSecret> {
    const { endpoint, secret } = await this.webhooks.rotateSecret(ctx, endpointId, overlapSeconds);
    return Object.assign(new WebhookEndpointSecret(), { endpoint: WebhookEndpoint.from(endpoint), secret });
  }

  @Authorized()
  @Mutation(() => WebhookEndpoint, { description: 'Enable (clearing its failure run) or disable an endpoint' })
  async setWebhookEndpointEnabled(@Arg('endpointId', () => ID) endpointId: string, @Arg('enabled') enabled: boolean, @Ctx() ctx: RequestContext): Promise<WebhookEndpoint> {
    return WebhookEndpoint.from(await this.webhooks.setEnabled(ctx, endpointId, enabled));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes an endpoint with its deliveries' })
  async deleteWebhookEndpoint(@Arg('endpointId', () => ID) endpointId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.webhooks.delete(ctx, endpointId);
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, { description: 'Send a delivery again now, with a fresh retry window. INVALID_STATE when its endpoint is disabled' })
  async redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: RequestContext): Promise<WebhookDelivery> {
    return WebhookDelivery.from(await this.webhooks.redeliver(ctx, deliveryId));
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'Recent deliveries, newest first' })
  async deliveries(@Root() endpoint: WebhookEndpoint, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: RequestContext): Promise<WebhookDelivery[]> {
    const rows = await ctx.loaders.recentWebhookDeliveries(Math.max(1, Math.min(first, this.maxPageSize))).load(endpoint.id);
    return rows.map(WebhookDelivery.from);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt, oldest first' })
  async attemptLog(@Root() delivery: WebhookDelivery, @Ctx() ctx: RequestContext): Promise<WebhookAttempt[]> {
    return (await ctx.loaders.webhookAttemptsByDeliveryId.load(delivery.id)).map(WebhookAttempt.from);
  }
}
