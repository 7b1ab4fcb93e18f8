import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgRole, Role, UpgradePolicy } from '../../shared/auth/roles';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  /** Granted roles beyond USER. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_api_tokens_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  name: string;

  /** sha256 of the secret, hex; the secret itself is never stored. */
  @Index('uq_api_tokens_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** The first characters of the secret, so a person can tell tokens apart. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('developer_profiles')
export class DeveloperProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_developer_profiles_user_id', { unique: true })
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Stable public author id (the allowlist for first-party authors names these). */
  @Index('uq_developer_profiles_author_id', { unique: true })
  @Column({ type: 'text' })
  authorId: string;

  @Column({ type: 'text' })
  organizationName: string;

  @Column({ type: 'text' })
  contactEmail: string;

  @Column({ type: 'timestamptz' })
  termsAcceptedAt: Date;

  /** Shown on the public profile as the support contact only when the developer says so. */
  @Column({ type: 'boolean', default: false })
  contactPublic: boolean;

  /** The verified badge, granted by an admin. */
  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: UpgradePolicy, enumName: 'upgrade_policy', default: UpgradePolicy.AUTOMATIC })
  upgradePolicy: UpgradePolicy;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('organization_members')
export class OrganizationMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Index('ix_organization_members_user_id')
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: OrgRole, enumName: 'org_role' })
  role: OrgRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A pending invitation to an organization, by email. Registered and unknown emails are invited
 * the same way (and answer the same), so inviting never tells whether an account exists; the
 * person joins when they accept, signed in with that email.
 */
@Entity('organization_invitations')
@Index('uq_organization_invitations_org_email', ['organizationId', 'email'], { unique: true })
export class OrganizationInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** Normalized (lower-cased). */
  @Index('ix_organization_invitations_email')
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'enum', enum: OrgRole, enumName: 'org_role' })
  role: OrgRole;

  /**
   * The account that held the email when the invitation was made; only it may accept. Null for
   * an email without an account: such an invitation answers and lists the same but cannot be
   * accepted (emails are not verified, so whoever signed up with the address later could), and
   * is made again once the person has an account.
   */
  @Index('ix_organization_invitations_invitee')
  @Column({ type: 'uuid', nullable: true })
  inviteeUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitee_user_id' })
  invitee?: UserEntity;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One row per login attempt; the rate limiter counts recent failures per email and address. */
@Entity('login_attempts')
@Index('ix_login_attempts_email_at', ['email', 'attemptedAt'])
@Index('ix_login_attempts_address_at', ['address', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  attemptedAt: Date;
}
