import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import { ExtensionVersion } from '../versions/versions.types';
import type { AttestationsService } from './attestations.service';
import type { RescanService } from './rescans.service';
import { canSeeAttestationSummaries, canSeeSecurityData } from './trust.policy';
import { Attestation, AttestationSummary, SecurityFinding, SecurityRescan } from './trust.types';

/** The trust module's fields on a version, its mutations and the admin's rescan view (docs/trust.md). */
@Resolver(() => ExtensionVersion)
export class TrustResolver {
  constructor(
    private readonly attestationsService: AttestationsService,
    private readonly rescans: RescanService,
  ) {}

  @FieldResolver(() => [SecurityFinding], {
    nullable: true,
    description: 'Issues rescans with newer validator rule sets found that its original report does not hold, errors first (owner, reviewers, admins; null for others)',
  })
  async securityFindings(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<SecurityFinding[] | null> {
    if (!(await canSeeSecurityData(ctx, version))) return null;
    return (await ctx.loaders.securityFindingsByVersionId.load(version.id)).map(SecurityFinding.from);
  }

  @FieldResolver(() => [Attestation], { nullable: true, description: 'Attached attestations with their raw documents (owner, reviewers, admins; null for others)' })
  async attestations(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<Attestation[] | null> {
    if (!(await canSeeSecurityData(ctx, version))) return null;
    return (await ctx.loaders.attestationsByVersionId.load(version.id)).map(Attestation.from);
  }

  @FieldResolver(() => [AttestationSummary], {
    description: 'What its SBOMs and provenance say (formats, component counts, licenses, builder, source): public once the version is published; empty before for all but its owner, reviewers and admins',
  })
  async attestationSummaries(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<AttestationSummary[]> {
    if (!(await canSeeAttestationSummaries(ctx, version))) return [];
    return (await ctx.loaders.attestationsByVersionId.load(version.id)).map(AttestationSummary.from);
  }

  @Authorized()
  @Mutation(() => Attestation, {
    description:
      "Attach a CycloneDX or SPDX SBOM (JSON) or an in-toto statement / SLSA provenance (plain, DSSE envelope or Sigstore bundle) to your version. ATTESTATION_REJECTED (with a stable reason) for a document that does not parse or validate, PAYLOAD_TOO_LARGE over PLAZA_ATTESTATION_MAX_BYTES, CONFLICT when it is already attached",
  })
  async attachAttestation(@Arg('versionId', () => ID) versionId: string, @Arg('document') document: string, @Ctx() ctx: RequestContext): Promise<Attestation> {
    return Attestation.from(await this.attestationsService.attach(authed(ctx), versionId, document));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Remove an attestation from your version' })
  async removeAttestation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.attestationsService.remove(authed(ctx), id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => SecurityRescan, { nullable: true, description: "The current validator rule set's rescan of published versions; null before it starts (ADMIN)" })
  async securityRescan(@Ctx() ctx: RequestContext): Promise<SecurityRescan | null> {
    const run = await this.rescans.run(ctx);
    return run && SecurityRescan.from(run);
  }
}
