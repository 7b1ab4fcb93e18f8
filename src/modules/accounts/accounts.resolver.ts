import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { ForbiddenError } from '../../shared/errors';
import { Public } from '../../shared/auth/auth-checker';
import { DeveloperProfileInput, LoginInput, SignUpInput } from './accounts.inputs';
import type { UserEntity } from './accounts.entities';
import type { AccountsService } from './accounts.service';
import { ApiToken, AuthPayload, CreatedApiToken, DeveloperProfile, Organization, User } from './accounts.types';
import type { AuthService, Session } from './auth.service';
import type { OrganizationsService } from './organizations.service';
import { Role } from './roles';

@Resolver(() => User)
export class AccountsResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly organizationsService: OrganizationsService,
  ) {}

  private user(entity: UserEntity): User {
    return User.from(entity, this.auth.effectiveRoles(entity));
  }

  private payload(session: Session): AuthPayload {
    return Object.assign(new AuthPayload(), { token: session.token, expiresAt: session.expiresAt, user: this.user(session.user) });
  }

  @Public()
  @Query(() => User, { nullable: true, description: 'The caller; null when anonymous' })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    if (!ctx.actor) return null;
    const user = await ctx.loaders.userById.load(ctx.actor.userId);
    return user && this.user(user);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Create an account; CONFLICT when the email is taken' })
  async signUp(@Arg('input') input: SignUpInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.payload(await this.auth.signUp(ctx, input));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'UNAUTHENTICATED on wrong credentials; RATE_LIMITED after repeated failures' })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.payload(await this.auth.login(ctx, input.email, input.password));
  }

  @Authorized()
  @Mutation(() => CreatedApiToken, { description: 'A new API token; the secret is shown only in this answer' })
  async createApiToken(@Arg('name') name: string, @Ctx() ctx: RequestContext): Promise<CreatedApiToken> {
    const { entity, secret } = await this.auth.createApiToken(ctx, name);
    return Object.assign(new CreatedApiToken(), { apiToken: ApiToken.from(entity), secret });
  }

  @Authorized()
  @Mutation(() => ApiToken)
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return ApiToken.from(await this.auth.revokeApiToken(ctx, id));
  }

  @Authorized()
  @Mutation(() => DeveloperProfile, { description: 'Register as a developer; the author id is stable forever' })
  async becomeDeveloper(@Arg('input') input: DeveloperProfileInput, @Ctx() ctx: RequestContext): Promise<DeveloperProfile> {
    return DeveloperProfile.from(await this.accounts.becomeDeveloper(ctx, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Grant REVIEWER or ADMIN (ADMIN only)' })
  async grantRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.user(await this.accounts.grantRole(ctx, userId, role));
  }

  @FieldResolver(() => DeveloperProfile, { nullable: true })
  async developerProfile(@Root() user: User, @Ctx() ctx: RequestContext): Promise<DeveloperProfile | null> {
    const profile = await ctx.loaders.developerProfileByUserId.load(user.id);
    return profile && DeveloperProfile.from(profile);
  }

  @FieldResolver(() => [ApiToken], { description: 'Your API tokens (only on yourself)' })
  async apiTokens(@Root() user: User, @Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    this.assertSelf(user, ctx);
    return (await this.auth.listApiTokens(ctx, user.id)).map(ApiToken.from);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations you belong to (only on yourself)' })
  async organizations(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    this.assertSelf(user, ctx);
    return (await this.organizationsService.listForUser(ctx, user.id)).map(Organization.from);
  }

  private assertSelf(user: User, ctx: RequestContext): void {
    if (ctx.actor?.userId !== user.id) throw new ForbiddenError('Only visible on your own account');
  }
}
