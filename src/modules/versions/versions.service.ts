import { EventTypes, InternalEventTypes } from '../events/event-types';
import semver from 'semver';
import { In } from 'typeorm';
import type { PlazaConfig } from '../../config';
import { authed, type AuthedContext, type RequestContext } from '../../context';
import { isUniqueViolation, isUuid, repo, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { BadUserInputError, ConflictError, InvalidStateError, NotFoundError, PackageRejectedError } from '../../shared/errors';
import { Role } from '../../shared/auth/roles';
import type { SecretBox } from '../../shared/secret-box';
import { DeveloperProfileEntity, UserEntity } from '../accounts/accounts.entities';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity, PackageFormatKind, PlatformScopeEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import type { CheckedPackage } from '../packages/archive';
import { packDirectory, readPackageDirectory } from '../packages/package-dir';
import type { GitSource, GitSourceRequest } from '../packages/git-source';
import { UploadStatus } from '../packages/packages.entities';
import type { PackagesService } from '../packages/packages.service';
import { readManifestObject } from '../validation/manifest-layer';
import { ValidateOptions, validatePackage, ValidationReport } from '../validation/validate-package';
import { RULESET_VERSION } from '../validation/ruleset';
import { issue } from '../validation/types';
import { isTransientDatabaseError } from '../../shared/transient-errors';
import { detectFormat, PackageFormat } from '../validation/kiket/format';
import { kiketManifestOf, kiketVersionOf, kiketYamlRefusals } from '../validation/kiket/stored-manifest';
import { DEAD_STATUSES, ExtensionVersionEntity, VersionSource, VersionStatus } from './version.entity';
import { assessVersion } from './version-rules';
import { discoverDocs } from '../packages/docs';
import { NOW, VersionLifecycle } from './version-lifecycle';
import type { GitHooksService } from '../packages/git-hooks';

/** A package's validation: a throw is retried a few times (a database blip), then final. */
export const validateVersionQueue = defineQueue<{ versionId: string }>('validate-version', { expireInSeconds: 30, retryLimit: 3, retryDelaySeconds: 2, retryBackoff: true });

/** What the developer may still withdraw: anything not yet approved or final. */
const WITHDRAWABLE = [
  VersionStatus.SUBMITTED,
  VersionStatus.VALIDATING,
  VersionStatus.PENDING_REVIEW,
  VersionStatus.IN_REVIEW,
  VersionStatus.CHANGES_REQUESTED,
];

const NOT_FOR_JSONB = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * JSON for a jsonb column. PostgreSQL refuses `\u0000` and unpaired surrogates in jsonb, and a
 * package's README or a quoted source line may carry them; they become U+FFFD instead of
 * failing the write. (The manifest itself is refused earlier with JSON-CHAR.)
 */
function jsonbText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(NOT_FOR_JSONB, '\uFFFD') : v));
}

/** Error class and first message line, short and without a stack: it is shown to the author. */
function describeError(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const line = e.message.split('\n')[0].replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return `${e.name}: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}

export interface SubmitInput {
  appId: string;
  uploadId?: string | null;
  git?: GitSourceRequest | null;
}

/** The manifest's version when it can be read (validation reports every other problem). */
function manifestVersion(checked: CheckedPackage, format: PackageFormat | null): string | null {
  if (format === 'KIKET') return kiketVersionOf(checked.files);
  const version = readManifestObject(checked.files)?.version;
  return typeof version === 'string' && semver.valid(version) ? version : null;
}

/** What a submission records of its package (format and version), once hostile YAML is refused. */
function submissionFacts(checked: CheckedPackage): { format: PackageFormat | null; version: string | null } {
  refuseHostileYaml(checked);
  const format = detectFormat(checked.files).format;
  return { format, version: manifestVersion(checked, format) };
}

/** A Kiket manifest that breaks a YAML limit is refused before anything is recorded (docs/validation.md). */
function refuseHostileYaml(checked: CheckedPackage): void {
  const reasons = kiketYamlRefusals(checked.files);
  if (reasons.length) throw new PackageRejectedError('The Kiket manifest was refused', reasons);
}

/** A staged rollout as the publisher asked for it (docs/marketplace.md, "Staged rollouts"). */
export interface StagedRolloutRequest {
  percent: number;
  stepPercent?: number | null;
  stepEveryHours?: number | null;
}

export type PublishHook = (tx: RequestContext, version: ExtensionVersionEntity, options: { rollout: Required<StagedRolloutRequest> | null }) => Promise<void>;

/** BAD_USER_INPUT unless the share and its schedule are sane; both step fields or neither. */
export function checkStagedRollout(r: StagedRolloutRequest): Required<StagedRolloutRequest> {
  const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
  if (!int(r.percent) || r.percent < 1 || r.percent > 100) throw BadUserInputError.field('rollout.percent', 'percent must be an integer from 1 to 100');
  const step = r.stepPercent ?? null;
  const every = r.stepEveryHours ?? null;
  if ((step === null) !== (every === null)) throw BadUserInputError.field('rollout.stepPercent', 'stepPercent and stepEveryHours go together');
  if (step !== null && (!int(step) || step < 1 || step > 100)) throw BadUserInputError.field('rollout.stepPercent', 'stepPercent must be an integer from 1 to 100');
  if (every !== null && (!int(every) || every < 1 || every > 8760)) throw BadUserInputError.field('rollout.stepEveryHours', 'stepEveryHours must be an integer from 1 to 8760');
  return { percent: r.percent, stepPercent: step, stepEveryHours: every };
}

/**
 * Submissions and their validation. `submit` takes the package in synchronously (a refused
 * archive or git source leaves no row and no blob), records the version as SUBMITTED and
 * enqueues validation in the same transaction; the durable job moves it to VALIDATION_FAILED,
 * PENDING_REVIEW (when a review trigger fired) or APPROVED, with the report.
 */
export class VersionsService {
  private readonly publishHooks: PublishHook[] = [];

  /**
   * Work a higher module does in the publish transaction with what the publisher asked for (the
   * installs module records a staged rollout's share), before version.published is recorded.
   */
  onPublish(hook: PublishHook): void {
    this.publishHooks.push(hook);
  }

  constructor(
    private readonly config: PlazaConfig,
    private readonly extensions: ExtensionsService,
    private readonly packages: PackagesService,
    private readonly git: GitSource,
    private readonly jobs: JobQueue,
    private readonly secrets: SecretBox,
    private readonly lifecycle: VersionLifecycle,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    private readonly gitHooks: GitHooksService,
  ) {
    jobs.handle(validateVersionQueue, (ctx, data, attempt) => this.validate(ctx, data.versionId, { finalAttempt: attempt.final }));
  }

  async submit(ctx: RequestContext, input: SubmitInput): Promise<ExtensionVersionEntity> {
    const hasUpload = !!input.uploadId;
    const hasGit = !!input.git;
    if (hasUpload === hasGit) {
      throw new BadUserInputError('Give exactly one source', [{ path: hasUpload ? 'git' : 'uploadId', message: 'submit either uploadId or git, not both or neither' }]);
    }
    const extension = await this.extensions.getOwned(ctx, input.appId);
    if (input.uploadId) return this.submitUpload(ctx, extension, input.uploadId);
    return this.submitGit(ctx, extension, input.git!);
  }

  private async submitUpload(ctx: RequestContext, extension: ExtensionEntity, uploadId: string): Promise<ExtensionVersionEntity> {
    const upload = await this.packages.getOwnUpload(authed(ctx), uploadId);
    if (upload.status !== UploadStatus.RECEIVED || !upload.sha256) {
      throw new InvalidStateError(upload.status === UploadStatus.PENDING ? 'No package has been sent to this upload yet' : `This upload is ${upload.status.toLowerCase()}`);
    }
    const facts = submissionFacts(await this.packages.openBlob(upload.sha256));
    return this.record(authed(ctx), extension, {
      source: VersionSource.UPLOAD,
      packageSha256: upload.sha256,
      ...facts,
      uploadId: upload.id,
    });
  }

  private async submitGit(ctx: RequestContext, extension: ExtensionEntity, source: GitSourceRequest): Promise<ExtensionVersionEntity> {
    this.git.assertAllowed(source);
    // Without a token, a submission from the tracked repository reuses the stored one (README "Publish a Kiket extension").
    const storedToken = source.token ? null : await this.gitHooks.storedTokenFor(ctx, extension.id, source.url);
    const token = source.token ?? (storedToken ? this.secrets.open(storedToken) : null);
    const checkout = await this.git.checkout({ ...source, token });
    try {
      const facts = submissionFacts(await readPackageDirectory(checkout.dir));
      const bytes = await packDirectory(checkout.dir);
      const blob = await this.packages.storeBytes(bytes);
      return await this.record(authed(ctx), extension, {
        source: VersionSource.GIT,
        packageSha256: blob.sha256,
        ...facts,
        git: { url: source.url, ref: source.ref, commitSha: checkout.commitSha, tokenSealed: source.token ? this.secrets.seal(source.token) : storedToken, tokenGiven: !!source.token },
        blob,
      });
    } finally {
      await checkout.cleanup();
    }
  }

  private async record(
    ctx: AuthedContext,
    extension: ExtensionEntity,
    data: {
      source: VersionSource;
      packageSha256: string;
      version: string | null;
      /** Null when the package carries both manifests or neither (validation reports FORMAT-1/2). */
      format: PackageFormat | null;
      uploadId?: string;
      git?: { url: string; ref: string; commitSha: string; tokenSealed: string | null; tokenGiven: boolean };
      blob?: { sha256: string; size: number; tempPath: string };
    },
  ): Promise<ExtensionVersionEntity> {
    try {
      return await withTransaction(ctx, async tx => {
        // One submission at a time per extension: the live-number check below cannot race.
        const locked = await repo(tx, ExtensionEntity).findOneOrFail({ where: { id: extension.id }, lock: { mode: 'for_no_key_update' } });
        if (data.format) await this.holdFormat(tx, locked, data.format as PackageFormatKind, data.uploadId ? 'uploadId' : 'git');
        if (data.version) {
          const live = await repo(tx, ExtensionVersionEntity)
            .createQueryBuilder('v')
            .where('v.extension_id = :id AND v.version = :version', { id: extension.id, version: data.version })
            .andWhere('v.status NOT IN (:...dead)', { dead: DEAD_STATUSES })
            .getExists();
          if (live) throw this.duplicate(data.version);
        }
        if (data.blob) await this.packages.commitBlob(tx, data.blob.sha256, data.blob.size, data.blob.tempPath);
        if (data.uploadId) await this.packages.markUploadUsed(tx, data.uploadId);
        const versions = repo(tx, ExtensionVersionEntity);
        const version = await versions.save(
          versions.create({
            extensionId: extension.id,
            version: data.version,
            status: VersionStatus.SUBMITTED,
            source: data.source,
            packageSha256: data.packageSha256,
            gitUrl: data.git?.url ?? null,
            gitRef: data.git?.ref ?? null,
            gitCommitSha: data.git?.commitSha ?? null,
            gitTokenSealed: data.git?.tokenSealed ?? null,
            submittedById: tx.actor.userId,
          }),
        );
        if (data.git) await this.gitHooks.recordSubmission(tx, extension, data.git, version.id);
        await this.jobs.sendInTransaction(tx, validateVersionQueue, { versionId: version.id }, { singletonKey: version.id });
        await this.audit.record(tx, { action: 'version.submit', targetType: 'ExtensionVersion', targetId: version.id, data: { appId: extension.appId, version: data.version } });
        await this.events.append(tx, EventTypes.VERSION_SUBMITTED, {
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: data.version,
          audienceUserId: extension.ownerId,
          data: { source: data.source, packageSha256: data.packageSha256, gitCommitSha: data.git?.commitSha ?? null },
        });
        return version;
      });
    } catch (error) {
      // A refused submission keeps no blob of its own (an identical package stored earlier stays).
      if (data.blob) await this.packages.discardUnreferenced(ctx, data.blob.sha256, data.blob.tempPath);
      if (isUniqueViolation(error, 'uq_extension_versions_live')) throw this.duplicate(data.version ?? '');
      throw error;
    }
  }

  /**
   * The validation job. Idempotent: a version already past validation is left alone, so a
   * retried job never validates twice. Its outcome is always final: a transient database
   * problem is rethrown for the queue to retry, while any other error (a validator bug, a
   * package that breaks something unforeseen) ends the version VALIDATION_FAILED with a
   * VALIDATOR-INTERNAL report, because retrying would meet the same error again.
   */
  async validate(ctx: RequestContext, versionId: string, options: { finalAttempt?: boolean } = {}): Promise<void> {
    const claimed = await withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: versionId }, lock: { mode: 'for_no_key_update' } });
      if (!version || ![VersionStatus.SUBMITTED, VersionStatus.VALIDATING].includes(version.status)) return null;
      // A retried job finds its version VALIDATING already and carries on.
      if (version.status === VersionStatus.SUBMITTED) await this.lifecycle.transition(tx, version, VersionStatus.VALIDATING, 'validating it');
      return version;
    });
    if (!claimed) return;
    try {
      await this.runValidation(ctx, claimed);
    } catch (error) {
      // A database blip is retried; on the queue's last try the version still ends final (the
      // author submits again) instead of staying VALIDATING with its number held.
      if (isTransientDatabaseError(error) && !options.finalAttempt) throw error;
      ctx.logger.error({ err: error, versionId: claimed.id }, 'validation stopped on an internal error; the version ends VALIDATION_FAILED');
      await this.failValidation(ctx, claimed, error);
    }
  }

  /**
   * What the validator is told about a version besides its files: the claim, the author, the
   * platform's scopes and hosting tiers as they stand now. The trust module's rescans judge a
   * published version with the same options (less the display name, which may have been renamed since).
   */
  async validationOptionsFor(ctx: RequestContext, version: ExtensionVersionEntity, extension: ExtensionEntity): Promise<ValidateOptions> {
    const [submitter, profile, scopes, tiers] = await Promise.all([
      repo(ctx, UserEntity).findOneByOrFail({ id: version.submittedById }),
      repo(ctx, DeveloperProfileEntity).findOneBy({ userId: version.submittedById }),
      repo(ctx, PlatformScopeEntity).find(),
      // HOST-2: the tiers offered today (the hosting module's table; read, never written, here).
      ctx.manager.query(`SELECT name, is_default FROM hosting_tiers ORDER BY position, name`) as Promise<{ name: string; is_default: boolean }[]>,
    ]);
    return {
      claimedAppId: extension.appId,
      claimedDisplayName: extension.displayName,
      author: { authorId: profile?.authorId ?? null, email: submitter.email },
      firstPartyAllowlist: this.config.firstPartyAuthorIds,
      platformScopes: new Set(scopes.map(s => s.scope)),
      hostingTiers: tiers.map(t => t.name),
      defaultHostingTier: tiers.find(t => t.is_default)?.name,
    };
  }

  private async runValidation(ctx: RequestContext, claimed: ExtensionVersionEntity): Promise<void> {
    const extension = await repo(ctx, ExtensionEntity).findOneByOrFail({ id: claimed.extensionId });
    const options = await this.validationOptionsFor(ctx, claimed, extension);
    const checked = await this.packages.openBlob(claimed.packageSha256);
    const report = validatePackage(checked.files, options, checked.issues);
    // A package with both manifests or neither (FORMAT-1/2) stores none; JSON is read under the bounds.
    const format = detectFormat(checked.files).format;
    const manifest: Record<string, unknown> | null = format === 'KIKET' ? kiketManifestOf(checked.files) : format === 'IMPERAL' ? readManifestObject(checked.files) : null;
    // Rules that need history: monotonic semver, the required bump (SEMVER-0/1), review triggers.
    const assessment = manifest ? await assessVersion(ctx, claimed, manifest) : null;
    if (assessment?.issues.length) {
      report.issues.unshift(...assessment.issues);
      report.errorCount += assessment.issues.filter(i => i.level === 'ERROR').length;
      report.valid = report.errorCount === 0;
    }
    const triggers = report.valid ? (assessment?.triggers ?? []) : [];
    const status = !report.valid ? VersionStatus.VALIDATION_FAILED : triggers.length ? VersionStatus.PENDING_REVIEW : VersionStatus.APPROVED;
    await withTransaction(ctx, async tx => {
      const moved = await this.lifecycle.transitionIfStill(tx, claimed, status, 'recording its validation', {
        set: {
          report: jsonbText(report),
          manifest: manifest === null ? null : jsonbText(manifest),
          validated_at: NOW,
          ruleset_version: RULESET_VERSION,
          declared_bump: assessment?.declaredBump ?? null,
          required_bump: assessment?.requiredBump ?? null,
          change_summary: assessment ? jsonbText(assessment.changeSummary) : null,
          review_triggers: jsonbText(triggers),
          docs: jsonbText(discoverDocs(checked.files)),
        },
        // The review module opens a case on version.validated when the status is PENDING_REVIEW.
        event: {
          type: report.valid ? EventTypes.VERSION_VALIDATED : EventTypes.VERSION_VALIDATION_FAILED,
          subjectType: 'ExtensionVersion',
          subjectId: claimed.id,
          appId: extension.appId,
          version: claimed.version,
          audienceUserId: extension.ownerId,
          data: { errorCount: report.errorCount, warningCount: report.warningCount, status, reviewTriggers: triggers.map(t => t.kind) },
        },
      });
      // Withdrawn while it was being validated: the withdrawal stands.
      if (!moved) return;
      // Only an Imperal manifest can declare a system app, and only a first-party author passes V31
      // with it; Kiket has no system apps, so a `system` key there (KIK-4, unknown key) means nothing.
      if (format === 'IMPERAL' && report.valid && manifest?.system === true && !extension.system) {
        await this.extensions.markSystem(tx, extension);
      }
    });
  }

  /** The final state for a validation that could not finish: VALIDATION_FAILED, the reason in the report, and the usual event. */
  private async failValidation(ctx: RequestContext, claimed: ExtensionVersionEntity, error: unknown): Promise<void> {
    const report: ValidationReport = {
      appId: null,
      version: claimed.version,
      toolCount: 0,
      functionCount: 0,
      eventCount: 0,
      errorCount: 1,
      warningCount: 0,
      infoCount: 0,
      valid: false,
      issues: [
        issue(
          'VALIDATOR-INTERNAL',
          'ERROR',
          `The validator could not finish on this package (${describeError(error)}); it was not accepted`,
          'Check the package against the rules in the validation docs and submit it again; if it looks valid, report it to the platform with this version id.',
        ),
      ],
    };
    await withTransaction(ctx, async tx => {
      // From the row as it stands: the attempt that failed may have moved `claimed` in memory in a
      // transaction that then rolled back.
      const current = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: claimed.id }, lock: { mode: 'for_no_key_update' } });
      if (current?.status !== VersionStatus.VALIDATING) return;
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: claimed.extensionId });
      await this.lifecycle.transitionIfStill(tx, current, VersionStatus.VALIDATION_FAILED, 'recording its validation', {
        set: { report: jsonbText(report), validated_at: NOW, ruleset_version: RULESET_VERSION },
        event: {
          type: EventTypes.VERSION_VALIDATION_FAILED,
          subjectType: 'ExtensionVersion',
          subjectId: claimed.id,
          appId: extension.appId,
          version: claimed.version,
          audienceUserId: extension.ownerId,
          data: { errorCount: report.errorCount, warningCount: report.warningCount, status: VersionStatus.VALIDATION_FAILED, reviewTriggers: [] },
        },
      });
    });
  }

  /**
   * APPROVED → PUBLISHED. The listings module guards the move (the first publish needs a complete
   * listing) and, with the installs module, reacts to version.published in this transaction.
   */
  async publish(ctx: RequestContext, versionId: string, rollout: StagedRolloutRequest | null = null): Promise<ExtensionVersionEntity> {
    if (!isUuid(versionId)) throw new NotFoundError('Version');
    const staged = rollout && checkStagedRollout(rollout);
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: versionId }, lock: { mode: 'for_no_key_update' } });
      const extension = version && (await repo(tx, ExtensionEntity).findOneBy({ id: version.extensionId }));
      if (!version || !extension || !canManageExtension(tx.actor, extension)) throw new NotFoundError('Version');
      if (version.status !== VersionStatus.APPROVED) throw new InvalidStateError(`Only an APPROVED version can be published; this one is ${version.status}`);
      const publishedAt = new Date();
      await this.audit.record(tx, { action: 'version.publish', targetType: 'ExtensionVersion', targetId: version.id, data: staged ? { rollout: staged } : undefined });
      // Before the transition: its version.published handlers (the rollout job) find the share set.
      for (const hook of this.publishHooks) await hook(tx, version, { rollout: staged });
      return this.lifecycle.transition(tx, version, VersionStatus.PUBLISHED, 'publishing it', {
        set: { published_at: publishedAt },
        event: {
          type: EventTypes.VERSION_PUBLISHED,
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: version.version,
          data: {
            extensionId: extension.id,
            displayName: extension.displayName,
            system: extension.system,
            bump: version.declaredBump ?? null,
            publishedAt: publishedAt.toISOString(),
          },
        },
      });
    });
  }

  /** The developer withdraws a version not yet approved; its open case closes with it. */
  async withdraw(ctx: AuthedContext, versionId: string): Promise<ExtensionVersionEntity> {
    if (!isUuid(versionId)) throw new NotFoundError('Version');
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: versionId }, lock: { mode: 'for_no_key_update' } });
      const extension = version && (await repo(tx, ExtensionEntity).findOneBy({ id: version.extensionId }));
      if (!version || !extension || (extension.ownerId !== tx.actor.userId && !tx.actor.roles.has(Role.ADMIN))) throw new NotFoundError('Version');
      if (!WITHDRAWABLE.includes(version.status)) throw new InvalidStateError(`A ${version.status} version cannot be withdrawn`);
      await this.audit.record(tx, { action: 'version.withdraw', targetType: 'ExtensionVersion', targetId: version.id });
      // The review module closes the version's open case on version.withdrawn.
      return this.lifecycle.transition(tx, version, VersionStatus.WITHDRAWN, 'withdrawing it', {
        event: {
          type: InternalEventTypes.VERSION_WITHDRAWN,
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: version.version,
          audienceUserId: extension.ownerId,
          data: {},
        },
      });
    });
  }

  /** A version by id; what the caller may see of it is the visibility policy's (version.policy.ts). */
  async get(ctx: RequestContext, id: string): Promise<ExtensionVersionEntity | null> {
    if (!isUuid(id)) return null;
    return ctx.loaders.versionById.load(id);
  }

  listForExtensions(ctx: RequestContext, extensionIds: string[]): Promise<ExtensionVersionEntity[]> {
    return repo(ctx, ExtensionVersionEntity).find({ where: { extensionId: In(extensionIds) }, order: { submittedAt: 'DESC' } });
  }

  /**
   * The first submission fixes the extension's format; a later one in the other format is
   * refused before anything is stored (consent, diffs and listings compare like with like).
   */
  private async holdFormat(tx: RequestContext, extension: ExtensionEntity, format: PackageFormatKind, field: string): Promise<void> {
    const submitted = await repo(tx, ExtensionVersionEntity).exists({ where: { extensionId: extension.id } });
    if (!submitted) {
      if (extension.format !== format) await this.extensions.fixFormat(tx, extension, format);
      return;
    }
    if (extension.format === format) return;
    const manifest = (f: PackageFormatKind) => (f === PackageFormatKind.KIKET ? '.kiket/manifest.yaml' : 'imperal.json');
    throw BadUserInputError.field(
      field,
      `${extension.appId} publishes ${extension.format} packages (${manifest(extension.format)}); this package is ${format} (${manifest(format)}). An extension keeps the format of its first submission`,
    );
  }

  private duplicate(version: string): ConflictError {
    return new ConflictError(`Version ${version} already has a live submission; withdraw it or use another number`);
  }
}

