import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DateTimeScalar } from '../../shared/scalars';
import type { AttestationSummary as ParsedSummary } from './attestation-parse';
import { AttestationKind, type RescanRunEntity, type SecurityFindingEntity, type VersionAttestationEntity } from './trust.entities';

@ObjectType({ simpleResolvers: true, description: 'An issue a rescan with a newer validator rule set found on a published version, not in its original report (owner, reviewers, admins)' })
export class SecurityFinding {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The rule id (docs/validation.md)' })
  rule: string;

  @Field({ description: 'ERROR or WARN; an ERROR opens a RESCAN review case' })
  level: string;

  @Field()
  message: string;

  @Field({ description: "Path in the package ('' for the package as a whole)" })
  file: string;

  @Field(() => Int)
  line: number;

  @Field()
  fix: string;

  @Field({ description: 'The rule set whose rescan first found it' })
  firstSeenRuleSetVersion: string;

  @Field({ description: 'The latest rule set whose rescan found it' })
  lastSeenRuleSetVersion: string;

  @Field(() => ID, { nullable: true, description: 'The RESCAN review case it opened or joined (ERRORs only)' })
  reviewCaseId: string | null;

  @Field(() => DateTimeScalar)
  foundAt: Date;

  static from(e: SecurityFindingEntity): SecurityFinding {
    return Object.assign(new SecurityFinding(), {
      id: e.id,
      rule: e.rule,
      level: e.level,
      message: e.message,
      file: e.file,
      line: e.line,
      fix: e.fix,
      firstSeenRuleSetVersion: e.firstSeenRulesetVersion,
      lastSeenRuleSetVersion: e.lastSeenRulesetVersion,
      reviewCaseId: e.reviewCaseId,
      foundAt: e.foundAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'What an attestation says, parsed when it was attached (public once the version is published)' })
export class AttestationSummary {
  @Field(() => ID)
  attestationId: string;

  @Field(() => AttestationKind)
  kind: AttestationKind;

  @Field({ description: 'e.g. "CycloneDX 1.5", "SPDX-2.3", "in-toto Statement v1"' })
  format: string;

  @Field({ description: 'sha256 of the document as attached' })
  sha256: string;

  @Field(() => Int, { nullable: true, description: 'SBOM: components (CycloneDX, nested included) or packages (SPDX)' })
  componentCount: number | null;

  @Field(() => [String], { description: 'SBOM: distinct SPDX license ids and license names, sorted (at most 100)' })
  licenses: string[];

  @Field({ description: 'More distinct licenses than `licenses` lists' })
  licensesTruncated: boolean;

  @Field(() => String, { nullable: true, description: 'SBOM: what it describes (name@version)' })
  describes: string | null;

  @Field(() => String, { nullable: true, description: 'in-toto: the predicate type (https://slsa.dev/provenance/v1 for SLSA provenance)' })
  predicateType: string | null;

  @Field(() => String, { nullable: true, description: 'SLSA provenance: the builder id' })
  builderId: string | null;

  @Field(() => String, { nullable: true, description: 'SLSA provenance: the source repository built' })
  sourceRepository: string | null;

  @Field(() => Boolean, { nullable: true, description: "in-toto: whether a subject's sha256 is this version's package sha256 (null for SBOMs)" })
  subjectMatchesPackage: boolean | null;

  @Field(() => String, { nullable: true, description: 'DSSE or SIGSTORE_BUNDLE when the statement came in an envelope' })
  envelope: string | null;

  @Field(() => Int, { description: 'Signatures the envelope carries. Plaza does not verify them (docs/trust.md)' })
  signatureCount: number;

  @Field(() => DateTimeScalar)
  attachedAt: Date;

  static from(e: VersionAttestationEntity): AttestationSummary {
    const s = e.summary as unknown as ParsedSummary & { subjectMatchesPackage: boolean | null };
    return Object.assign(new AttestationSummary(), {
      attestationId: e.id,
      kind: e.kind,
      format: s.format,
      sha256: e.sha256,
      componentCount: s.componentCount,
      licenses: s.licenses ?? [],
      licensesTruncated: s.licensesTruncated ?? false,
      describes: s.describes,
      predicateType: s.predicateType,
      builderId: s.builderId,
      sourceRepository: s.sourceRepository,
      subjectMatchesPackage: s.subjectMatchesPackage ?? null,
      envelope: s.envelope,
      signatureCount: s.signatureCount ?? 0,
      attachedAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'An attestation with its raw document (owner, reviewers, admins)' })
export class Attestation {
  @Field(() => ID)
  id: string;

  @Field(() => AttestationKind)
  kind: AttestationKind;

  @Field()
  sha256: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => GraphQLJSON, { description: 'The document as attached (parsed JSON)' })
  document: Record<string, unknown>;

  @Field(() => AttestationSummary)
  summary: AttestationSummary;

  @Field(() => DateTimeScalar)
  attachedAt: Date;

  static from(e: VersionAttestationEntity): Attestation {
    return Object.assign(new Attestation(), {
      id: e.id,
      kind: e.kind,
      sha256: e.sha256,
      sizeBytes: e.sizeBytes,
      document: e.document,
      summary: AttestationSummary.from(e),
      attachedAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'The rescan of published versions under one validator rule set (admins)' })
export class SecurityRescan {
  @Field()
  ruleSetVersion: string;

  @Field(() => DateTimeScalar)
  startedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Versions judged again' })
  scannedCount: number;

  @Field(() => Int, { description: 'New findings stored' })
  findingCount: number;

  @Field(() => Int, { description: 'Versions whose package could not be judged' })
  failedCount: number;

  static from(e: RescanRunEntity): SecurityRescan {
    return Object.assign(new SecurityRescan(), {
      ruleSetVersion: e.rulesetVersion,
      startedAt: e.startedAt,
      finishedAt: e.finishedAt,
      scannedCount: e.scannedCount,
      findingCount: e.findingCount,
      failedCount: e.failedCount,
    });
  }
}
