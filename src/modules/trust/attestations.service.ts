import { createHash } from 'node:crypto';
import type { AuthedContext } from '../../context';
import { isUniqueViolation, isUuid, repo, withTransaction } from '../../db/transaction';
import { AttestationRejectedError, ConflictError, InvalidStateError, NotFoundError, PayloadTooLargeError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import { EventTypes } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { DEAD_STATUSES, ExtensionVersionEntity } from '../versions/version.entity';
import { AttestationProblem, parseAttestation } from './attestation-parse';
import { VersionAttestationEntity } from './trust.entities';

/** Attestations one version may carry (docs/trust.md): SBOMs and provenance, not an archive. */
export const MAX_ATTESTATIONS_PER_VERSION = 10;

/**
 * Attestations attached to versions (docs/trust.md, "Attestations"). The owner attaches a
 * document to any version that is not dead; it is parsed and validated before anything is
 * written, and stored with its summary in one transaction with its audit entry and event.
 */
export class AttestationsService {
  constructor(
    private readonly settings: { maxBytes: number },
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  async attach(ctx: AuthedContext, versionId: string, text: string): Promise<VersionAttestationEntity> {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.settings.maxBytes) {
      throw new PayloadTooLargeError(`The attestation is ${bytes.toLocaleString('en-US')} bytes; the limit is ${this.settings.maxBytes.toLocaleString('en-US')}`, this.settings.maxBytes);
    }
    // Who may attach is settled before the document is parsed: a stranger learns nothing and costs no parsing.
    await this.manageable(ctx, versionId);
    let parsed: Awaited<ReturnType<typeof parseAttestation>>;
    try {
      parsed = await parseAttestation(text, this.settings.maxBytes);
    } catch (error) {
      if (error instanceof AttestationProblem) throw new AttestationRejectedError(error.message, error.reason, error.problems);
      throw error;
    }
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    try {
      return await withTransaction(ctx, async tx => {
        const { version, extension } = await this.manageable(tx, versionId, true);
        if (DEAD_STATUSES.includes(version.status)) throw new InvalidStateError(`A ${version.status} version takes no attestations`);
        const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM version_attestations WHERE version_id = $1`, [version.id]);
        if (n >= MAX_ATTESTATIONS_PER_VERSION) throw new InvalidStateError(`A version carries at most ${MAX_ATTESTATIONS_PER_VERSION} attestations; remove one first`);
        // Provenance about this very package: one of its subjects is the stored package's sha256.
        const summary = { ...parsed.summary, subjectMatchesPackage: parsed.summary.subjectSha256.length ? parsed.summary.subjectSha256.includes(version.packageSha256) : null };
        const attestations = repo(tx, VersionAttestationEntity);
        const saved = await attestations.save(
          attestations.create({ versionId: version.id, kind: parsed.kind, sha256, sizeBytes: bytes, document: parsed.document, summary, attachedById: tx.actor.userId }),
        );
        await this.audit.record(tx, { action: 'version.attestation_attach', targetType: 'ExtensionVersion', targetId: version.id, data: { attestationId: saved.id, kind: parsed.kind, sha256 } });
        await this.events.append(tx, EventTypes.VERSION_ATTESTATION_ATTACHED, {
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: version.version,
          audienceUserId: extension.ownerId,
          data: { versionId: version.id, attestationId: saved.id, kind: parsed.kind, sha256 },
        });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_version_attestations_document')) throw new ConflictError('This document is already attached to this version');
      throw error;
    }
  }

  async remove(ctx: AuthedContext, attestationId: string): Promise<boolean> {
    if (!isUuid(attestationId)) throw new NotFoundError('Attestation');
    return withTransaction(ctx, async tx => {
      const attestation = await repo(tx, VersionAttestationEntity).findOne({ where: { id: attestationId }, lock: { mode: 'for_no_key_update' } });
      if (!attestation) throw new NotFoundError('Attestation');
      const extension = await tx.manager.query(
        `SELECT e.owner_id AS "ownerId" FROM extension_versions v JOIN extensions e ON e.id = v.extension_id WHERE v.id = $1`,
        [attestation.versionId],
      );
      if (!extension.length || !canManageExtension(tx.actor, extension[0])) throw new NotFoundError('Attestation');
      await repo(tx, VersionAttestationEntity).delete({ id: attestation.id });
      await this.audit.record(tx, { action: 'version.attestation_remove', targetType: 'ExtensionVersion', targetId: attestation.versionId, data: { attestationId: attestation.id, sha256: attestation.sha256 } });
      return true;
    });
  }

  /** The version and its extension when the caller manages it; NOT_FOUND otherwise (never a hint it exists). */
  private async manageable(ctx: AuthedContext, versionId: string, lock = false): Promise<{ version: ExtensionVersionEntity; extension: ExtensionEntity }> {
    if (!isUuid(versionId)) throw new NotFoundError('Version');
    const version = await repo(ctx, ExtensionVersionEntity).findOne({ where: { id: versionId }, ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
    const extension = version && (await repo(ctx, ExtensionEntity).findOneBy({ id: version.extensionId }));
    if (!version || !extension || !canManageExtension(ctx.actor, extension)) throw new NotFoundError('Version');
    return { version, extension };
  }
}
