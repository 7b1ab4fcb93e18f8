import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DateTimeScalar } from '../../shared/scalars';
import { ExtensionVersionEntity, VersionSource, VersionStatus } from './version.entity';
import type { RequestContext } from '../../context';
import { versionView, VersionView } from './version.policy';

@ObjectType({ simpleResolvers: true, description: 'One finding of the validator suite' })
export class ValidationIssueType {
  @Field({ description: 'The rule id from the seeds / reference (V1…V35, M0…M8.2, SKEL-GUARD-1, …)' })
  rule: string;

  @Field({ description: 'ERROR, WARN or INFO; only ERROR blocks' })
  level: string;

  @Field()
  message: string;

  @Field()
  file: string;

  @Field(() => Int)
  line: number;

  @Field()
  fix: string;

  @Field(() => String, {
    nullable: true,
    description: 'Which side the rule read: "code" (the Python sources, parsed into the code model) or "manifest" (imperal.json, the icon, the package files); null on reports stored before the field existed',
  })
  source?: string | null;
}

@ObjectType('ValidationReport', { simpleResolvers: true })
export class ValidationReportType {
  @Field(() => String, { nullable: true })
  appId: string | null;

  @Field(() => String, { nullable: true })
  version: string | null;

  @Field(() => Int)
  toolCount: number;

  @Field(() => Int)
  functionCount: number;

  @Field(() => Int)
  eventCount: number;

  @Field(() => Int)
  errorCount: number;

  @Field(() => Int)
  warningCount: number;

  @Field(() => Int)
  infoCount: number;

  @Field()
  valid: boolean;

  @Field(() => [ValidationIssueType])
  issues: ValidationIssueType[];
}

@ObjectType({ simpleResolvers: true, description: 'Why a version needs human review' })
export class ReviewTriggerType {
  @Field({ description: 'FIRST_SUBMISSION, MAJOR_BUMP, NEW_SCOPE, DESTRUCTIVE_TOOL or EGRESS_DOMAIN' })
  kind: string;

  @Field(() => String, { nullable: true })
  value: string | null;

  @Field()
  reason: string;
}

@ObjectType({ simpleResolvers: true, description: 'The manifest diff against the latest published version' })
export class ChangeSummaryType {
  @Field(() => [String])
  toolsAdded: string[];

  @Field(() => [String])
  toolsRemoved: string[];

  @Field(() => [String])
  toolsChanged: string[];

  @Field(() => [String])
  scopesAdded: string[];

  @Field(() => [String])
  scopesRemoved: string[];

  @Field(() => [String])
  egressDomainsAdded: string[];

  @Field(() => [String], { description: 'Params schema changes, each marked (breaking) where old input is refused' })
  schemaChanges: string[];

  @Field(() => [String])
  breakingChanges: string[];
}

@ObjectType({ simpleResolvers: true })
export class RenderedDocType {
  @Field()
  path: string;

  @Field()
  markdown: string;

  @Field({ description: 'Sanitized HTML (no script, handlers or inline styles)' })
  html: string;
}

@ObjectType({ simpleResolvers: true })
export class DocExampleType {
  @Field()
  path: string;

  @Field()
  yaml: string;

  @Field(() => String, { nullable: true, description: "The example's `title` key" })
  title: string | null;

  @Field(() => String, { nullable: true, description: "The example's `description` key" })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'The YAML highlighted as sanitized HTML (hljs-* classes); null for docs synced before highlighting' })
  html: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Documentation discovered in the package (docs/README.md or README.md, CHANGELOG.md, getting started, docs/examples/*.yaml)' })
export class ExtensionDocsType {
  @Field(() => RenderedDocType, { nullable: true })
  overview: RenderedDocType | null;

  @Field(() => RenderedDocType, { nullable: true })
  changelog: RenderedDocType | null;

  @Field(() => RenderedDocType, { nullable: true })
  gettingStarted: RenderedDocType | null;

  @Field(() => [DocExampleType])
  examples: DocExampleType[];
}

@ObjectType({ simpleResolvers: true })
export class ExtensionVersion {
  @Field(() => ID)
  id: string;

  extensionId: string;

  @Field(() => String, { nullable: true, description: 'From the manifest; null when it could not be read' })
  version: string | null;

  @Field(() => VersionStatus)
  status: VersionStatus;

  @Field(() => VersionSource)
  source: VersionSource;

  @Field({ description: 'sha256 of the stored package' })
  packageSha256: string;

  @Field(() => String, { nullable: true, description: 'Repository of a git submission (owner, reviewers, admins; null for others)' })
  gitUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Branch, tag or sha asked for (owner, reviewers, admins; null for others)' })
  gitRef: string | null;

  @Field(() => String, { nullable: true, description: 'Full commit sha fetched (owner, reviewers, admins; null for others)' })
  gitCommitSha: string | null;

  @Field(() => String, { nullable: true, description: 'PATCH, MINOR or MAJOR from the latest published version' })
  declaredBump: string | null;

  @Field(() => String, { nullable: true, description: 'The bump the manifest diff requires (owner, reviewers, admins; null for others)' })
  requiredBump: string | null;

  @Field(() => ChangeSummaryType, { nullable: true, description: 'The manifest diff (owner, reviewers, admins; null for others)' })
  changeSummary: ChangeSummaryType | null;

  @Field(() => [ReviewTriggerType], { description: 'Why review was needed (owner, reviewers, admins; empty for others)' })
  reviewTriggers: ReviewTriggerType[];

  @Field(() => ExtensionDocsType, { nullable: true })
  docs: ExtensionDocsType | null;

  @Field(() => ValidationReportType, { nullable: true, description: 'null until validation has run (owner, reviewers, admins; null for others)' })
  validationReport: ValidationReportType | null;

  @Field(() => GraphQLJSON, { nullable: true })
  manifest: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The validator rule-set version that judged its validation report (owner, reviewers, admins; null for others and for reports from before rule-set versions)' })
  ruleSetVersion: string | null;

  @Field(() => DateTimeScalar)
  submittedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  validatedAt: Date | null;

  /**
   * The GraphQL view of a version as `view` allows (version.policy.ts): PUBLIC leaves the git
   * source, validation report, review triggers, change summary and required bump out.
   */
  static from(e: ExtensionVersionEntity, view: VersionView.PUBLIC | VersionView.FULL): ExtensionVersion {
    // Assigned field by field (no intermediate literal): every marketplace card builds one.
    const out = new ExtensionVersion();
    out.id = e.id;
    out.extensionId = e.extensionId;
    out.version = e.version;
    out.status = e.status;
    out.source = e.source;
    out.packageSha256 = e.packageSha256;
    out.declaredBump = e.declaredBump;
    out.docs = (e.docs as unknown as ExtensionDocsType) ?? null;
    out.manifest = e.manifest;
    out.submittedAt = e.submittedAt;
    out.validatedAt = e.validatedAt;
    if (view !== VersionView.FULL) {
      out.gitUrl = null;
      out.gitRef = null;
      out.gitCommitSha = null;
      out.validationReport = null;
      out.ruleSetVersion = null;
      out.requiredBump = null;
      out.changeSummary = null;
      out.reviewTriggers = [];
      return out;
    }
    out.gitUrl = e.gitUrl;
    out.gitRef = e.gitRef;
    out.gitCommitSha = e.gitCommitSha;
    out.validationReport = (e.report as unknown as ValidationReportType) ?? null;
    out.ruleSetVersion = e.rulesetVersion;
    out.requiredBump = e.requiredBump;
    out.changeSummary = e.changeSummary
      ? {
          ...(e.changeSummary as unknown as ChangeSummaryType),
          schemaChanges: ((e.changeSummary.schemaChanges as { tool: string; change: string; breaking: boolean }[]) ?? []).map(
            c => `${c.tool}: ${c.change}${c.breaking ? ' (breaking)' : ''}`,
          ),
        }
      : null;
    out.reviewTriggers = e.reviewTriggers ?? [];
    return out;
  }

  /** Presents a version through the visibility policy; null when the caller may not see it. */
  static async visible(ctx: RequestContext, e: ExtensionVersionEntity | null | undefined, ownerId?: string): Promise<ExtensionVersion | null> {
    if (!e) return null;
    const view = await versionView(ctx, e, ownerId);
    return view === VersionView.NONE ? null : ExtensionVersion.from(e, view);
  }
}

@InputType()
export class GitSourceInput {
  @Field({ description: 'https:// URL of the repository' })
  @Length(1, 500)
  url: string;

  @Field({ description: 'Branch, tag or commit sha' })
  @Length(1, 200)
  ref: string;

  @Field(() => String, { nullable: true, description: 'Access token for a private repository; stored encrypted, never logged' })
  @IsOptional()
  @MaxLength(500)
  token?: string | null;
}

@InputType()
export class SubmitVersionInput {
  @Field()
  @Length(1, 64)
  appId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  uploadId?: string | null;

  @Field(() => GitSourceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GitSourceInput)
  git?: GitSourceInput | null;
}

/**
 * A staged rollout (docs/marketplace.md, "Staged rollouts"): only `percent` of the eligible
 * installations move at first, chosen by a stable hash of the installation id; with a step, the
 * share widens by `stepPercent` every `stepEveryHours` while the health gate holds.
 */
@InputType()
export class RolloutInput {
  @Field(() => Int, { description: '1 to 100' })
  percent: number;

  @Field(() => Int, { nullable: true, description: '1 to 100; with stepEveryHours' })
  stepPercent?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 8760 (a year); with stepPercent' })
  stepEveryHours?: number | null;
}
