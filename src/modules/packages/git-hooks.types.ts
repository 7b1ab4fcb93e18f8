import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DateTimeScalar } from '../../shared/scalars';
import { ExtensionGitSourceEntity, GitRevalidationEntity, GitRevalidationStatus, GitRevalidationTrigger } from './git-hooks.entities';
import { gitHookPath } from './git-hooks';

@ObjectType({ description: "One entry of a git-sourced extension's validation history: a git submission or a push revalidation" })
export class GitRevalidation {
  @Field(() => ID)
  id: string;

  @Field(() => GitRevalidationTrigger)
  trigger: GitRevalidationTrigger;

  @Field(() => GitRevalidationStatus)
  status: GitRevalidationStatus;

  @Field()
  ref: string;

  @Field()
  commitSha: string;

  @Field(() => ID, { nullable: true, description: 'The version a submission created' })
  versionId: string | null;

  @Field({ description: 'This submission replaced, added or removed the stored access token' })
  tokenChanged: boolean;

  @Field(() => String, { nullable: true, description: 'X-GitHub-Delivery of the push' })
  deliveryId: string | null;

  @Field(() => Int, { nullable: true })
  errorCount: number | null;

  @Field(() => Int, { nullable: true })
  warningCount: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The validation report of a push revalidation' })
  report: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Why the commit could not be fetched' })
  message: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  static from(e: GitRevalidationEntity): GitRevalidation {
    return Object.assign(new GitRevalidation(), {
      id: e.id,
      trigger: e.trigger,
      status: e.status,
      ref: e.ref,
      commitSha: e.commitSha,
      versionId: e.versionId,
      tokenChanged: e.tokenChanged,
      deliveryId: e.deliveryId,
      errorCount: e.errorCount,
      warningCount: e.warningCount,
      report: e.report,
      message: e.message,
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
    });
  }
}

@ObjectType({ description: "An extension's tracked git repository (owner and admins only). The token and the webhook secret are never shown here" })
export class GitSourceInfo {
  /** Not a field: the history resolver's key. */
  extensionId: string;

  @Field(() => String)
  url: string;

  @Field({ description: 'The tracked branch: pushes to it revalidate' })
  ref: string;

  @Field({ description: 'An access token is stored (sealed) and reused by revalidations' })
  hasToken: boolean;

  @Field({ description: 'Where GitHub posts push events: POST this path on the Plaza server' })
  webhookPath: string;

  @Field({ description: 'A webhook secret exists (rotateGitWebhookSecret makes or replaces it)' })
  webhookConfigured: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  webhookSecretCreatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The commit the listing docs were last synced from by a push' })
  docsCommitSha: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  docsSyncedAt: Date | null;

  static from(e: ExtensionGitSourceEntity, appId: string): GitSourceInfo {
    return Object.assign(new GitSourceInfo(), {
      extensionId: e.extensionId,
      url: e.url,
      ref: e.ref,
      hasToken: !!e.tokenSealed,
      webhookPath: gitHookPath(appId),
      webhookConfigured: !!e.webhookSecretSealed,
      webhookSecretCreatedAt: e.webhookSecretCreatedAt,
      docsCommitSha: e.docsCommitSha,
      docsSyncedAt: e.docsSyncedAt,
    });
  }
}

@ObjectType({ description: 'A push-webhook secret, shown this once: paste it into the repository webhook settings' })
export class GitWebhookSecret {
  @Field()
  appId: string;

  @Field()
  secret: string;

  @Field({ description: 'POST this path (on the Plaza server) from the repository webhook' })
  callbackPath: string;

  @Field({ description: 'The callback URL as this server was reached' })
  callbackUrl: string;
}
