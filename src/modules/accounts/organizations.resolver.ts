import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Organization, OrganizationInvitation, OrganizationMember, User } from './accounts.types';
import type { AuthService } from './auth.service';
import type { OrganizationsService } from './organizations.service';
import { OrgRole, UpgradePolicy } from '../../shared/auth/roles';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Authorized()
  @Mutation(() => Organization, { description: 'Create an organization; you become its OWNER' })
  async createOrganization(@Arg('name') name: string, @Ctx() ctx: RequestContext): Promise<Organization> {
    return Organization.from(await this.organizations.create(authed(ctx), name));
  }

  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Invite someone by email (organization OWNER or ADMIN): a pending invitation, listed in `invitations`, until they accept with acceptOrganizationInvitation. The answer is the same whether or not the email has an account. CONFLICT when a member already has it',
  })
  async addOrganizationMember(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('email') email: string,
    @Arg('role', () => OrgRole) role: OrgRole,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return Organization.from(await this.organizations.invite(authed(ctx), organizationId, email, role));
  }

  @Authorized()
  @Mutation(() => Organization, { description: 'Join an organization your email was invited to; NOT_FOUND without an invitation' })
  async acceptOrganizationInvitation(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: RequestContext): Promise<Organization> {
    return Organization.from(await this.organizations.acceptInvitation(authed(ctx), organizationId));
  }

  @Authorized()
  @Query(() => [OrganizationInvitation], { description: 'Invitations waiting for your email' })
  async myOrganizationInvitations(@Ctx() ctx: RequestContext): Promise<OrganizationInvitation[]> {
    return (await this.organizations.invitationsFor(authed(ctx))).map(i => OrganizationInvitation.from(i.invitation, i.organizationName));
  }

  @FieldResolver(() => [OrganizationInvitation], { description: 'Pending invitations (OWNER and ADMIN; empty for other members)' })
  async invitations(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<OrganizationInvitation[]> {
    return (await this.organizations.pendingInvitations(ctx, org.id)).map(i => OrganizationInvitation.from(i, org.name));
  }

  @Authorized()
  @Mutation(() => Organization, { description: 'AUTOMATIC (default) or MANUAL upgrades for installs of this organization' })
  async setUpgradePolicy(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('policy', () => UpgradePolicy) policy: UpgradePolicy,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return Organization.from(await this.organizations.setUpgradePolicy(authed(ctx), organizationId, policy));
  }

  @FieldResolver(() => [OrganizationMember])
  async members(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<OrganizationMember[]> {
    return (await ctx.loaders.membersByOrganizationId.load(org.id)).map(OrganizationMember.from);
  }
}

@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  constructor(private readonly auth: AuthService) {}

  @FieldResolver(() => User)
  async user(@Root() member: OrganizationMember, @Ctx() ctx: RequestContext): Promise<User> {
    const user = await ctx.loaders.userById.load(member.userId);
    return User.visible(ctx, user!, this.auth.effectiveRoles(user!));
  }
}
