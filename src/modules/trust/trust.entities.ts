import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

/**
 * One rescan of the published versions under one validator rule-set version (docs/trust.md,
 * "Rescans"). The cursor is the last version id done, so a run that stops (a restart, a failed
 * batch) resumes where it was; a rule set is rescanned once.
 */
@Entity('trust_rescan_runs')
export class RescanRunEntity {
  @PrimaryColumn({ type: 'text' })
  rulesetVersion: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The last version id (in id order) this run has rescanned; null before the first. */
  @Column({ type: 'uuid', nullable: true })
  cursor: string | null;

  @Column({ type: 'int', default: 0 })
  scannedCount: number;

  @Column({ type: 'int', default: 0 })
  findingCount: number;

  /** Versions whose package could not be rescanned (the error is on their scan row). */
  @Column({ type: 'int', default: 0 })
  failedCount: number;
}

/** That a version was rescanned under a rule set, and what came of it: the rescan's idempotency key. */
@Entity('version_security_scans')
export class VersionSecurityScanEntity {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @PrimaryColumn({ type: 'text' })
  rulesetVersion: string;

  @Column({ type: 'timestamptz' })
  scannedAt: Date;

  @Column({ type: 'int' })
  newFindingCount: number;

  /** Why the package could not be judged (null when it was). */
  @Column({ type: 'text', nullable: true })
  error: string | null;
}

/**
 * An issue a rescan found on a published version that its original validation report does not
 * hold (docs/trust.md, "Security findings"). Never public. One row per distinct issue per version:
 * a later rule set that finds it again only moves `lastSeenRulesetVersion`.
 */
@Entity('version_security_findings')
@Index('uq_version_security_findings', ['versionId', 'fingerprint'], { unique: true })
export class SecurityFindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  /** sha256 of rule, level, file, line and message: what makes two findings the same. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text' })
  file: string;

  @Column({ type: 'int' })
  line: number;

  @Column({ type: 'text' })
  fix: string;

  @Column({ type: 'text' })
  firstSeenRulesetVersion: string;

  @Column({ type: 'text' })
  lastSeenRulesetVersion: string;

  /** The rescan review case an ERROR opened or joined (the review module's row). */
  @Column({ type: 'uuid', nullable: true })
  reviewCaseId: string | null;

  @Column({ type: 'timestamptz' })
  foundAt: Date;
}

export enum AttestationKind {
  CYCLONEDX = 'CYCLONEDX',
  SPDX = 'SPDX',
  IN_TOTO = 'IN_TOTO',
}
registerEnumType(AttestationKind, { name: 'AttestationKind', description: 'CYCLONEDX or SPDX (an SBOM, JSON) or IN_TOTO (an in-toto statement, e.g. SLSA provenance; plain or in a DSSE envelope)' });

/**
 * A document a publisher attached to a version (docs/trust.md, "Attestations"): the raw JSON (for
 * the owner, reviewers and admins) and the summary parsed from it when it was attached (public
 * once the version is published).
 */
@Entity('version_attestations')
@Index('uq_version_attestations_document', ['versionId', 'sha256'], { unique: true })
export class VersionAttestationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_version_attestations_version')
  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @Column({ type: 'enum', enum: AttestationKind, enumName: 'attestation_kind' })
  kind: AttestationKind;

  /** sha256 of the document's bytes as sent. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'jsonb' })
  document: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  @Column({ type: 'uuid' })
  attachedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attached_by_id' })
  attachedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
