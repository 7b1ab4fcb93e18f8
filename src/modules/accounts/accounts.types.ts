import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { OrgRole, Role, UpgradePolicy } from './roles';
import type {
  ApiTokenEntity,
  DeveloperProfileEntity,
  OrganizationEntity,
  OrganizationMemberEntity,
  UserEntity,
} from './accounts.entities';

@ObjectType({ simpleResolvers: true, description: 'A Plaza account' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Role], { description: 'Effective roles, USER included' })
  roles: Role[];

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(entity: UserEntity, effectiveRoles: Role[]): User {
    return Object.assign(new User(), {
      id: entity.id,
      email: entity.email,
      displayName: entity.displayName,
      roles: effectiveRoles,
      createdAt: entity.createdAt,
    });
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

@ObjectType({ simpleResolvers: true })
export class DeveloperProfile {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable public author id' })
  authorId: string;

  @Field()
  organizationName: string;

  @Field()
  contactEmail: string;

  @Field(() => DateTimeScalar)
  termsAcceptedAt: Date;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: DeveloperProfileEntity): DeveloperProfile {
    return Object.assign(new DeveloperProfile(), {
      id: e.id,
      authorId: e.authorId,
      organizationName: e.organizationName,
      contactEmail: e.contactEmail,
      termsAcceptedAt: e.termsAcceptedAt,
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
