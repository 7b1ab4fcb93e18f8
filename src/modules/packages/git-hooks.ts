import { randomBytes } from 'node:crypto';
import { verify } from '@octokit/webhooks-methods';
import type { PlazaConfig } from '../../config';
import type { RequestContext } from '../../context';
import { repo, returnedRows, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { InvalidStateError, PackageRejectedError } from '../../shared/errors';
import type { SecretBox } from '../../shared/secret-box';
import { isTransientDatabaseError } from '../../shared/transient-errors';
import { DeveloperProfileEntity, UserEntity } from '../accounts/accounts.entities';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { ExtensionEntity, PlatformScopeEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import { discoverDocs } from './docs';
import { kiketYamlRefusals } from '../validation/kiket/stored-manifest';
import { issue } from '../validation/types';
import { validatePackage, ValidationReport } from '../validation/validate-package';
import { ExtensionGitSourceEntity, GitRevalidationEntity, GitRevalidationStatus, GitRevalidationTrigger } from './git-hooks.entities';
import type { GitSource } from './git-source';
import { readPackageDirectory } from './package-dir';

/**
 * A push revalidation: one waits and one runs per extension (stately, keyed by extension id); a
 * fetch that fails is recorded as FETCH_FAILED, so a throw here is a database problem.
 */
export const gitRevalidateQueue = defineQueue<{ extensionId: string }>('git-revalidate', {
  expireInSeconds: 60,
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  policy: 'stately',
});
/** GitHub caps a delivery at 25 MB; a push event worth revalidating is far smaller (docs/http.md). */
export const MAX_GIT_HOOK_BYTES = 1024 * 1024;
const FULL_SHA = /^[0-9a-f]{40}$/;
const DELIVERY_ID = /^[\w-]{1,100}$/;

/** The callback path GitHub posts push events to (docs/http.md). */
export const gitHookPath = (appId: string) => `/hooks/git/${encodeURIComponent(appId)}`;

/** What `POST /hooks/git/:appId` answers. */
export interface HookAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface GitSubmission {
  url: string;
  ref: string;
  commitSha: string;
  /** The sealed token the version was fetched with (new or reused), null for a public repository. */
  tokenSealed: string | null;
  /** The author sent a token with this submission (it replaces the stored one). */
  tokenGiven: boolean;
}

/** The values of one push that matter here; everything else in GitHub's payload is ignored. */
interface PushFacts {
  ref: string;
  after: string;
  deleted: boolean;
}

function pushFactsOf(raw: Buffer, contentType: string | undefined): PushFacts | null {
  let text = raw.toString('utf8');
  // GitHub's "application/x-www-form-urlencoded" content type sends the JSON as `payload=`.
  if (contentType?.startsWith('application/x-www-form-urlencoded')) text = new URLSearchParams(text).get('payload') ?? '';
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return null;
  }
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.ref !== 'string' || typeof p.after !== 'string') return null;
  return { ref: p.ref, after: p.after, deleted: p.deleted === true || /^0{40}$/.test(p.after) };
}

/**
 * Private repositories and push-triggered revalidation (README "Publish a Kiket extension", docs/http.md "Git push webhooks"). A git submission
 * records the extension's tracked repository with its sealed token; a verified GitHub push to
 * the tracked branch queues a revalidation of the manifest and docs at the pushed commit, which
 * updates the listing's docs and the validation history but never a version or an installation.
 */
export class GitHooksService {
  constructor(
    private readonly config: PlazaConfig,
    private readonly git: GitSource,
    private readonly secrets: SecretBox,
    private readonly jobs: JobQueue,
    private readonly extensions: ExtensionsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    // Several extensions revalidate side by side; the queue keeps each extension to one at a time.
    jobs.handle(gitRevalidateQueue, (ctx, data) => this.revalidate(ctx, data.extensionId), { concurrency: 2 });
  }

  /**
   * The stored token, sealed, when a submission without one comes from the tracked repository
   * (the author gave it once; revalidations and republishing reuse it).
   */
  async storedTokenFor(ctx: RequestContext, extensionId: string, url: string): Promise<string | null> {
    const source = await repo(ctx, ExtensionGitSourceEntity).findOneBy({ extensionId });
    return source && source.url === url ? source.tokenSealed : null;
  }

  /** In the submitting transaction: the tracked repository and token, and a history entry. */
  async recordSubmission(tx: RequestContext, extension: ExtensionEntity, submission: GitSubmission, versionId: string): Promise<void> {
    const sources = repo(tx, ExtensionGitSourceEntity);
    const existing = await sources.findOne({ where: { extensionId: extension.id }, lock: { mode: 'pessimistic_write' } });
    const before = existing?.tokenSealed ? this.secrets.open(existing.tokenSealed) : null;
    const after = submission.tokenSealed ? this.secrets.open(submission.tokenSealed) : null;
    const tokenChanged = !!existing && before !== after;
    if (existing && existing.url !== submission.url) {
      // Another repository: the old webhook secret belonged to the old one.
      existing.webhookSecretSealed = null;
      existing.webhookSecretCreatedAt = null;
    }
    await sources.save({
      ...(existing ?? {}),
      extensionId: extension.id,
      url: submission.url,
      ref: submission.ref,
      tokenSealed: submission.tokenSealed,
      updatedAt: new Date(),
    });
    await repo(tx, GitRevalidationEntity).insert({
      extensionId: extension.id,
      trigger: GitRevalidationTrigger.SUBMIT,
      status: GitRevalidationStatus.SUBMITTED,
      ref: submission.ref,
      commitSha: submission.commitSha,
      versionId,
      tokenChanged,
      finishedAt: new Date(),
    });
    if (tokenChanged) {
      await this.audit.record(tx, { action: 'git_source.token_replace', targetType: 'Extension', targetId: extension.id, data: { appId: extension.appId, hasToken: !!after } });
    }
  }

  /** A new push-webhook secret for the extension's tracked repository, returned this once. */
  async rotateWebhookSecret(ctx: RequestContext, appId: string): Promise<{ secret: string; extension: ExtensionEntity }> {
    const extension = await this.extensions.getOwned(ctx, appId);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await withTransaction(ctx, async tx => {
      const updated = await tx.manager.query(
        `UPDATE extension_git_sources SET webhook_secret_sealed = $2, webhook_secret_created_at = now(), updated_at = now() WHERE extension_id = $1 RETURNING extension_id`,
        [extension.id, this.secrets.seal(secret)],
      );
      if (!returnedRows(updated).length) throw new InvalidStateError(`${appId} has no git repository yet: submit a version from git first`);
      await this.audit.record(tx, { action: 'git_source.webhook_secret_rotate', targetType: 'Extension', targetId: extension.id, data: { appId } });
    });
    return { secret, extension };
  }

  /**
   * One GitHub delivery to `POST /hooks/git/:appId`. The signature is checked before anything
   * else is read (401 without a valid one, the same answer for an unknown app id); `ping` is 200,
   * other events 202 and ignored; a push is deduplicated by its delivery id and, when it moves
   * the tracked branch, queued for revalidation (202).
   */
  async receive(ctx: RequestContext, appId: string, headers: Record<string, string | string[] | undefined>, raw: Buffer): Promise<HookAnswer> {
    const header = (name: string) => {
      const value = headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const signature = header('x-hub-signature-256');
    const refused: HookAnswer = { status: 401, body: { error: 'signature missing or invalid (X-Hub-Signature-256)' } };
    if (!signature || !raw.length) return refused;
    const found = await ctx.manager.query(
      `SELECT e.id, e.app_id, e.owner_id, s.ref, s.webhook_secret_sealed FROM extensions e JOIN extension_git_sources s ON s.extension_id = e.id WHERE e.app_id = $1`,
      [appId],
    );
    const row = returnedRows<{ id: string; app_id: string; owner_id: string; ref: string; webhook_secret_sealed: string | null }>(found)[0];
    if (!row?.webhook_secret_sealed) return refused;
    if (!(await verify(this.secrets.open(row.webhook_secret_sealed), raw.toString('utf8'), signature))) return refused;

    const event = header('x-github-event');
    if (event === 'ping') return { status: 200, body: { ok: true } };
    if (event !== 'push') return { status: 202, body: { ignored: `event '${event ?? ''}' is not handled; only push revalidates` } };
    const deliveryId = header('x-github-delivery');
    if (!deliveryId || !DELIVERY_ID.test(deliveryId)) return { status: 400, body: { error: 'X-GitHub-Delivery is missing or malformed' } };
    const push = pushFactsOf(raw, header('content-type'));
    if (!push) return { status: 400, body: { error: 'the push payload is not JSON with ref and after' } };

    return withTransaction(ctx, async tx => {
      const taken = await tx.manager.query(
        `INSERT INTO git_hook_deliveries (extension_id, delivery_id, event) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING delivery_id`,
        [row.id, deliveryId, event],
      );
      if (!returnedRows(taken).length) return { status: 200, body: { duplicate: true, deliveryId } };
      // Delivery ids are kept for 30 days: GitHub redelivers within days, not months.
      await tx.manager.query(`DELETE FROM git_hook_deliveries WHERE extension_id = $1 AND received_at < now() - interval '30 days'`, [row.id]);
      if (push.ref !== `refs/heads/${row.ref}`) return { status: 202, body: { ignored: `the push is to ${push.ref}; the tracked branch is ${row.ref}` } };
      if (push.deleted) return { status: 202, body: { ignored: 'the push deleted the branch' } };
      if (!FULL_SHA.test(push.after)) return { status: 400, body: { error: 'the push payload has no commit sha in after' } };
      // A newer push supersedes one still queued: only the latest commit is worth validating.
      await tx.manager.query(`UPDATE git_revalidations SET status = 'SUPERSEDED', finished_at = now() WHERE extension_id = $1 AND status = 'QUEUED'`, [row.id]);
      const inserted = await repo(tx, GitRevalidationEntity).insert({
        extensionId: row.id,
        trigger: GitRevalidationTrigger.PUSH,
        status: GitRevalidationStatus.QUEUED,
        ref: row.ref,
        commitSha: push.after,
        deliveryId,
      });
      // At most one job per extension waits and one runs (a stately queue keyed by extension);
      // a job finds the latest queued entry when it starts.
      await this.jobs.sendInTransaction(tx, gitRevalidateQueue, { extensionId: row.id }, { singletonKey: row.id });
      return { status: 202, body: { queued: true, revalidationId: inserted.identifiers[0].id as string, commitSha: push.after } };
    });
  }

  /**
   * The revalidation job: takes the extension's latest queued push (older ones are superseded),
   * fetches that commit afresh with the stored token, validates the manifest and rediscovers the
   * docs, then records the outcome and syncs the listing's docs. Versions and installations are
   * never touched: a new version still needs a bump and submitVersion.
   */
  async revalidate(ctx: RequestContext, extensionId: string): Promise<void> {
    const claimed = await withTransaction(ctx, async tx => {
      const source = await repo(tx, ExtensionGitSourceEntity).findOne({ where: { extensionId }, lock: { mode: 'pessimistic_write' } });
      if (!source) return null;
      // RUNNING here means an earlier attempt died mid-way (the queue runs one job per extension).
      const pending = await repo(tx, GitRevalidationEntity).find({
        where: [{ extensionId, status: GitRevalidationStatus.QUEUED }, { extensionId, status: GitRevalidationStatus.RUNNING }],
        order: { createdAt: 'DESC' },
      });
      if (!pending.length) return null;
      const [latest, ...older] = pending;
      if (older.length) {
        await tx.manager.query(`UPDATE git_revalidations SET status = 'SUPERSEDED', finished_at = now() WHERE id = ANY($1)`, [older.map(e => e.id)]);
      }
      await repo(tx, GitRevalidationEntity).update(latest.id, { status: GitRevalidationStatus.RUNNING });
      return { source, entry: latest };
    });
    if (!claimed) return;
    const { source, entry } = claimed;
    const extension = await repo(ctx, ExtensionEntity).findOneByOrFail({ id: extensionId });
    let report: ValidationReport;
    let docs: Record<string, unknown> | null = null;
    try {
      const token = source.tokenSealed ? this.secrets.open(source.tokenSealed) : null;
      const checkout = await this.git.checkout({ url: source.url, ref: source.ref, token }, { commitSha: entry.commitSha, fresh: true });
      try {
        const checked = await readPackageDirectory(checkout.dir);
        const hostile = kiketYamlRefusals(checked.files);
        report = hostile.length ? refusedReport(hostile) : await this.validateFiles(ctx, extension, checked.files, checked.issues);
        docs = discoverDocs(checked.files) as unknown as Record<string, unknown>;
      } finally {
        await checkout.cleanup();
      }
    } catch (error) {
      if (error instanceof PackageRejectedError) {
        await this.finish(ctx, extension, entry, GitRevalidationStatus.FETCH_FAILED, refusedReport(reasonsOf(error)), null, reasonsOf(error).join('; ').slice(0, 500));
        return;
      }
      // A database blip is retried by the queue; anything else would fail the same way again,
      // so the entry ends INVALID with the reason instead of staying RUNNING.
      if (isTransientDatabaseError(error)) throw error;
      ctx.logger.error({ err: error, extensionId, revalidationId: entry.id }, 'push revalidation stopped on an internal error');
      const reason = `The validator could not finish on this commit (${error instanceof Error ? error.name : 'Error'}); report it to the platform with this revalidation id`;
      await this.finish(ctx, extension, entry, GitRevalidationStatus.INVALID, refusedReport([reason]), null, null);
      return;
    }
    await this.finish(ctx, extension, entry, report.valid ? GitRevalidationStatus.VALID : GitRevalidationStatus.INVALID, report, docs, null);
  }

  private async validateFiles(ctx: RequestContext, extension: ExtensionEntity, files: Parameters<typeof validatePackage>[0], archiveIssues: Parameters<typeof validatePackage>[2]): Promise<ValidationReport> {
    const [owner, profile, scopes] = await Promise.all([
      repo(ctx, UserEntity).findOneByOrFail({ id: extension.ownerId }),
      repo(ctx, DeveloperProfileEntity).findOneBy({ userId: extension.ownerId }),
      repo(ctx, PlatformScopeEntity).find(),
    ]);
    return validatePackage(
      files,
      {
        claimedAppId: extension.appId,
        claimedDisplayName: extension.displayName,
        author: { authorId: profile?.authorId ?? null, email: owner.email },
        firstPartyAllowlist: this.config.firstPartyAuthorIds,
        platformScopes: new Set(scopes.map(s => s.scope)),
      },
      archiveIssues,
    );
  }

  private async finish(
    ctx: RequestContext,
    extension: ExtensionEntity,
    entry: GitRevalidationEntity,
    status: GitRevalidationStatus,
    report: ValidationReport,
    docs: Record<string, unknown> | null,
    message: string | null,
  ): Promise<void> {
    await withTransaction(ctx, async tx => {
      const done = await tx.manager.query(
        `UPDATE git_revalidations SET status = $2, report = $3, error_count = $4, warning_count = $5, message = $6, finished_at = now()
          WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
        [entry.id, status, JSON.stringify(report), report.errorCount, report.warningCount, message],
      );
      if (!returnedRows(done).length) return;
      if (docs) {
        await tx.manager.query(
          `UPDATE extension_git_sources SET docs = $2, docs_commit_sha = $3, docs_synced_at = now(), updated_at = now() WHERE extension_id = $1`,
          [extension.id, JSON.stringify(docs).replace(/\\u0000/g, '\\ufffd'), entry.commitSha],
        );
      }
      await this.events.append(tx, EventTypes.EXTENSION_GIT_REVALIDATED, {
        subjectType: 'Extension',
        subjectId: extension.id,
        appId: extension.appId,
        audienceUserId: extension.ownerId,
        data: { revalidationId: entry.id, ref: entry.ref, commitSha: entry.commitSha, status, errorCount: report.errorCount, warningCount: report.warningCount, docsSynced: !!docs },
      });
    });
  }

  async history(ctx: RequestContext, extensionId: string, first: number): Promise<GitRevalidationEntity[]> {
    return repo(ctx, GitRevalidationEntity).find({ where: { extensionId }, order: { createdAt: 'DESC' }, take: first });
  }
}

function reasonsOf(error: PackageRejectedError): string[] {
  return error.reasons.length ? error.reasons : [error.message];
}

/** A report for a commit refused before the rules ran (its YAML, its files, or its fetch). */
function refusedReport(reasons: string[]): ValidationReport {
  return {
    appId: null,
    version: null,
    toolCount: 0,
    functionCount: 0,
    eventCount: 0,
    errorCount: reasons.length,
    warningCount: 0,
    infoCount: 0,
    valid: false,
    issues: reasons.map(r => issue('GIT-REVALIDATE', 'ERROR', r, 'Fix the repository and push again, or submit a version to see the full report.')),
  };
}
