import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Organization, OrganizationMember, User } from './accounts.types';
import type { AuthService } from './auth.service';
import type { OrganizationsService } from './organizations.service';
import { OrgRole, UpgradePolicy } from './roles';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Authorized()
  @Mutation(() => Organization, { description: 'Create an organization; you become its OWNER' })
  async createOrganization(@Arg('name') name: string, @Ctx() ctx: RequestContext): Promise<Organization> {
    return Organization.from(await this.organizations.create(ctx, name));
  }

  @Authorized()
  @Mutation(() => Organization, { description: 'Add an existing user by email (organization OWNER or ADMIN)' })
  async addOrganizationMember(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('email') email: string,
    @Arg('role', () => OrgRole) role: OrgRole,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return Organization.from(await this.organizations.addMember(ctx, organizationId, email, role));
  }

  @Authorized()
  @Mutation(() => Organization, { description: 'AUTOMATIC (default) or MANUAL upgrades for installs of this organization' })
  async setUpgradePolicy(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('policy', () => UpgradePolicy) policy: UpgradePolicy,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return Organization.from(await this.organizations.setUpgradePolicy(ctx, organizationId, policy));
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
    return User.from(user!, this.auth.effectiveRoles(user!));
  }
}
