import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Public } from '../../shared/auth/auth-checker';
import { DeveloperProfileInput, LoginInput, SignUpInput, UpdateDeveloperProfileInput } from './accounts.inputs';
import type { UserEntity } from './accounts.entities';
import type { AccountsService } from './accounts.service';
import { ApiToken, AuthPayload, CreatedApiToken, DeveloperProfile, Organization, User } from './accounts.types';
import type { AuthService, Session } from './auth.service';
import type { OrganizationsService } from './organizations.service';
import { Role } from '../../shared/auth/roles';
import { canSeeAccountDetails, canSeeApiTokens, UserView } from './user.policy';

@Resolver(() => User)
export class AccountsResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly organizationsService: OrganizationsService,
  ) {}

  private user(ctx: RequestContext, entity: UserEntity): Promise<User> {
    return User.visible(ctx, entity, this.auth.effectiveRoles(entity));
  }

  private payload(session: Session): AuthPayload {
    // The session's own account: the caller is that user.
    return Object.assign(new AuthPayload(), { token: session.token, expiresAt: session.expiresAt, user: User.from(session.user, this.auth.effectiveRoles(session.user), UserView.SELF) });
  }

  @Public()
  @Query(() => User, { nullable: true, description: 'The caller; null when anonymous' })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    if (!ctx.actor) return null;
    const user = await ctx.loaders.userById.load(ctx.actor.userId);
    return user && this.user(ctx, user);
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
    const { entity, secret } = await this.auth.createApiToken(authed(ctx), name);
    return Object.assign(new CreatedApiToken(), { apiToken: ApiToken.from(entity), secret });
  }

  @Authorized()
  @Mutation(() => ApiToken)
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return ApiToken.from(await this.auth.revokeApiToken(authed(ctx), id));
  }

  @Authorized()
  @Mutation(() => DeveloperProfile, { description: 'Register as a developer; the author id is stable forever' })
  async becomeDeveloper(@Arg('input') input: DeveloperProfileInput, @Ctx() ctx: RequestContext): Promise<DeveloperProfile> {
    return DeveloperProfile.from(await this.accounts.becomeDeveloper(authed(ctx), input), UserView.SELF);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => DeveloperProfile, { description: 'Edit your developer profile (contactPublic shows the contact email as your public support contact)' })
  async updateDeveloperProfile(@Arg('input') input: UpdateDeveloperProfileInput, @Ctx() ctx: RequestContext): Promise<DeveloperProfile> {
    return DeveloperProfile.from(await this.accounts.updateDeveloperProfile(authed(ctx), input), UserView.SELF);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeveloperProfile, { description: 'Grant or remove the verified badge (ADMIN only); NOT_FOUND for an account without a developer profile' })
  async setDeveloperVerified(
    @Arg('userId', () => ID) userId: string,
    @Arg('verified') verified: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<DeveloperProfile> {
    return DeveloperProfile.from(await this.accounts.setDeveloperVerified(ctx, userId, verified), UserView.ADMIN);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Grant REVIEWER or ADMIN (ADMIN only)' })
  async grantRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.user(ctx, await this.accounts.grantRole(ctx, userId, role));
  }

  @FieldResolver(() => DeveloperProfile, { nullable: true })
  async developerProfile(@Root() user: User, @Ctx() ctx: RequestContext): Promise<DeveloperProfile | null> {
    const profile = await ctx.loaders.developerProfileByUserId.load(user.id);
    return profile && DeveloperProfile.from(profile, user.view);
  }

  @FieldResolver(() => [ApiToken], { nullable: true, description: 'Your API tokens (null on anyone else)' })
  async apiTokens(@Root() user: User, @Ctx() ctx: RequestContext): Promise<ApiToken[] | null> {
    if (!canSeeApiTokens(user.view)) return null;
    return (await this.auth.listApiTokens(ctx, user.id)).map(ApiToken.from);
  }

  @FieldResolver(() => [Organization], { nullable: true, description: 'Organizations the account belongs to (yourself and admins; null for others)' })
  async organizations(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Organization[] | null> {
    if (!canSeeAccountDetails(user.view)) return null;
    return (await this.organizationsService.listForUser(ctx, user.id)).map(Organization.from);
  }
}
