import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { OrgRole, Role, UpgradePolicy } from '../../shared/auth/roles';
import type {
  ApiTokenEntity,
  DeveloperProfileEntity,
  OrganizationEntity,
  OrganizationInvitationEntity,
  OrganizationMemberEntity,
  UserEntity,
} from './accounts.entities';
import type { RequestContext } from '../../context';
import { canSeeAccountDetails, canSeeEmail, userView, UserView } from './user.policy';

@ObjectType({ simpleResolvers: true, description: 'A Plaza account; private fields answer null to those who may not see them (docs/security.md)' })
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Yourself, admins and members of an organization you share' })
  email: string | null;

  @Field()
  displayName: string;

  @Field(() => [Role], { nullable: true, description: 'Effective roles, USER included (yourself and admins)' })
  roles: Role[] | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  /** What the caller may see of this account (user.policy.ts); the field resolvers read it. */
  view: UserView;

  static from(entity: UserEntity, effectiveRoles: Role[], view: UserView): User {
    const user = new User();
    user.id = entity.id;
    user.displayName = entity.displayName;
    user.createdAt = entity.createdAt;
    user.view = view;
    user.email = canSeeEmail(view) ? entity.email : null;
    user.roles = canSeeAccountDetails(view) ? effectiveRoles : null;
    return user;
  }

  /** Presents an account through the visibility policy. */
  static async visible(ctx: RequestContext, entity: UserEntity, effectiveRoles: Role[]): Promise<User> {
    return User.from(entity, effectiveRoles, await userView(ctx, entity.id));
  }
}

@ObjectType({ simpleResolvers: true })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header' })
  token: string;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType({ simpleResolvers: true, description: 'A long-lived token for the CLI and partner integrations' })
export class ApiToken {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the secret, to tell tokens apart' })
  prefix: string;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: ApiTokenEntity): ApiToken {
    return Object.assign(new ApiToken(), {
      id: e.id,
      name: e.name,
      prefix: e.prefix,
      lastUsedAt: e.lastUsedAt,
      revokedAt: e.revokedAt,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class CreatedApiToken {
  @Field(() => ApiToken)
  apiToken: ApiToken;

  @Field({ description: 'The secret, shown this once; only its hash is stored' })
  secret: string;
}

@ObjectType({ simpleResolvers: true, description: 'A developer: the public profile for everyone, the rest for the developer and admins' })
export class DeveloperProfile {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable public author id' })
  authorId: string;

  @Field({ description: 'The developer name shown on listings' })
  organizationName: string;

  @Field({ description: 'The verified badge, granted by an admin' })
  verified: boolean;

  @Field(() => String, { nullable: true, description: 'The contact email, only when the developer made it public' })
  supportContact: string | null;

  @Field(() => String, { nullable: true, description: 'Private contact email (the developer and admins)' })
  contactEmail: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the contact email is public (the developer and admins)' })
  contactPublic: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The developer and admins' })
  termsAcceptedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: DeveloperProfileEntity, view: UserView): DeveloperProfile {
    const full = canSeeAccountDetails(view);
    return Object.assign(new DeveloperProfile(), {
      id: e.id,
      authorId: e.authorId,
      organizationName: e.organizationName,
      verified: e.verified,
      supportContact: e.contactPublic ? e.contactEmail : null,
      contactEmail: full ? e.contactEmail : null,
      contactPublic: full ? e.contactPublic : null,
      termsAcceptedAt: full ? e.termsAcceptedAt : null,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class OrganizationMember {
  /** Resolved through the userById loader. */
  userId: string;

  @Field(() => OrgRole)
  role: OrgRole;

  @Field(() => DateTimeScalar)
  joinedAt: Date;

  static from(e: OrganizationMemberEntity): OrganizationMember {
    return Object.assign(new OrganizationMember(), { userId: e.userId, role: e.role, joinedAt: e.createdAt });
  }
}

@ObjectType({ simpleResolvers: true })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => UpgradePolicy)
  upgradePolicy: UpgradePolicy;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: OrganizationEntity): Organization {
    return Object.assign(new Organization(), {
      id: e.id,
      name: e.name,
      upgradePolicy: e.upgradePolicy,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A pending invitation to an organization' })
export class OrganizationInvitation {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field({ description: 'The organization\'s name, so the invitee knows what they join' })
  organizationName: string;

  @Field()
  email: string;

  @Field(() => OrgRole)
  role: OrgRole;

  @Field(() => DateTimeScalar)
  invitedAt: Date;

  static from(e: OrganizationInvitationEntity, organizationName: string): OrganizationInvitation {
    return Object.assign(new OrganizationInvitation(), {
      id: e.id,
      organizationId: e.organizationId,
      organizationName,
      email: e.email,
      role: e.role,
      invitedAt: e.createdAt,
    });
  }
}
