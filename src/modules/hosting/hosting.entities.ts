import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { UserEntity } from '../accounts/accounts.entities';
import { ReviewCaseEntity } from '../review/review.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

/**
 * A hosting tier a managed extension may run on (docs/hosting.md): its resources and what it
 * costs the customer each month. Data, not code: the migration seeds minimal, standard, compute
 * and memory; an operator may change prices or add tiers with SQL, and the validator, the
 * deployment manifests and the install consent read the table.
 */
@Entity('hosting_tiers')
@Index('uq_hosting_tiers_default', ['isDefault'], { unique: true, where: `"is_default"` })
@Check('ck_hosting_tiers_resources', `"cpu_millicores" > 0 AND "memory_mib" > 0 AND "monthly_cost_minor" >= 0`)
@Check('ck_hosting_tiers_currency', `"currency" ~ '^[A-Z]{3}$'`)
export class HostingTierEntity {
  /** `minimal`, `standard`, … (what a manifest's `hosting.tier` names). */
  @PrimaryColumn({ type: 'text' })
  name: string;

  /** CPU in thousandths of a core (Kubernetes `250m` = 250). */
  @Column({ type: 'int' })
  cpuMillicores: number;

  /** Memory in MiB (Kubernetes `512Mi` = 512). */
  @Column({ type: 'int' })
  memoryMib: number;

  /** Monthly cost in the currency's minor unit (cents): $15 = 1500. */
  @Column({ type: 'int' })
  monthlyCostMinor: number;

  /** ISO 4217 code. */
  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text', default: '' })
  useCase: string;

  /** Listing order. */
  @Column({ type: 'int', default: 0 })
  position: number;

  /** The setting: the one tier a managed manifest without `tier` runs on. */
  @Column({ type: 'boolean', default: false })
  isDefault: boolean;
}

/**
 * The hosting cost a customer agreed to for one installation (install consent, or an accepted
 * upgrade that raised the cost). A rollout moves an installation on its own only when the new
 * version costs no more than this.
 */
@Entity('installation_hosting_consents')
export class HostingConsentEntity {
  @PrimaryColumn({ type: 'uuid' })
  installationId: string;

  // By name: the installs module builds on this one (install consent), so no import back.
  @OneToOne('InstallationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'installation_id' })
  installation?: unknown;

  @Column({ type: 'text' })
  tier: string;

  @Column({ type: 'int' })
  monthlyCostMinor: number;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'uuid' })
  acknowledgedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'acknowledged_by_id' })
  acknowledgedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  acknowledgedAt: Date;
}

export enum HealthCheckStatus {
  PENDING = 'PENDING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(HealthCheckStatus, { name: 'HealthCheckStatus' });

/**
 * The review's sanity call of a hosted version's health endpoint on the staging URL its author
 * gave (docs/hosting.md "Health check in review"). A failure never rejects: it is shown on the
 * review case and added to its triggers.
 */
@Entity('hosting_health_checks')
@Index('ix_hosting_health_checks_version', ['versionId', 'createdAt'])
export class HealthCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  /** Set when the check runs (the case opened by review). */
  @Column({ type: 'uuid', nullable: true })
  reviewCaseId: string | null;

  @ManyToOne(() => ReviewCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_case_id' })
  reviewCase?: ReviewCaseEntity;

  /** The base URL the author gave. */
  @Column({ type: 'text' })
  stagingUrl: string;

  /** The URL called: the staging URL with the declared health path. */
  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'enum', enum: HealthCheckStatus, enumName: 'health_check_status', default: HealthCheckStatus.PENDING })
  status: HealthCheckStatus;

  @Column({ type: 'int', nullable: true })
  httpStatus: number | null;

  @Column({ type: 'int', nullable: true })
  latencyMs: number | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The first bytes of the last response body, as text. */
  @Column({ type: 'text', nullable: true })
  bodyExcerpt: string | null;

  /** Why the last attempt failed (timeout, refused address, redirect, status). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid' })
  requestedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
