/**
 * Small, valid attestation documents for tests (docs/trust.md): a CycloneDX 1.5 SBOM, an SPDX 2.3
 * SBOM, a SLSA v1 provenance statement, and that statement in a DSSE envelope and a Sigstore bundle.
 */
export function cyclonedxSbom(extra: { licenseExpression?: string; description?: string } = {}) {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'application', name: 'task-board', version: '1.0.0', ...(extra.description ? { description: extra.description } : {}) } },
    components: [
      { type: 'library', name: 'requests', version: '2.32.3', licenses: [{ license: { id: 'Apache-2.0' } }] },
      {
        type: 'library',
        name: 'pydantic',
        version: '2.9.0',
        licenses: [{ expression: extra.licenseExpression ?? 'MIT OR (BSD-3-Clause AND Apache-2.0)' }],
        components: [{ type: 'library', name: 'pydantic-core', version: '2.23.0', licenses: [{ license: { name: 'Custom Vendor License' } }] }],
      },
    ],
  };
}

export function spdxSbom() {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'task-board-1.0.0',
    documentNamespace: 'https://example.test/spdx/task-board-1.0.0',
    creationInfo: { created: '2026-11-30T10:00:00Z', creators: ['Tool: syft-1.0.0'] },
    packages: [
      { SPDXID: 'SPDXRef-Package-task-board', name: 'task-board', versionInfo: '1.0.0', downloadLocation: 'NOASSERTION', licenseConcluded: 'NOASSERTION', licenseDeclared: 'MIT' },
      { SPDXID: 'SPDXRef-Package-requests', name: 'requests', versionInfo: '2.32.3', downloadLocation: 'NOASSERTION', licenseConcluded: 'Apache-2.0' },
      { SPDXID: 'SPDXRef-Package-gpl', name: 'gpl-thing', downloadLocation: 'NONE', licenseConcluded: 'GPL-2.0-or-later WITH Classpath-exception-2.0' },
    ],
    relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Package-task-board' }],
  };
}

export function slsaStatement(packageSha256: string) {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'task-board-1.0.0.zip', digest: { sha256: packageSha256 } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { ref: 'refs/tags/v1.0.0', repository: 'https://github.com/example/task-board', path: '.github/workflows/release.yml' } },
        resolvedDependencies: [{ uri: 'git+https://github.com/example/task-board@refs/tags/v1.0.0', digest: { gitCommit: 'a'.repeat(40) } }],
      },
      runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' }, metadata: { invocationId: 'run-1' } },
    },
  };
}

export function dsseEnvelope(statement: unknown) {
  return {
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
    signatures: [{ keyid: 'release-key', sig: Buffer.from('not a real signature').toString('base64') }],
  };
}

export function sigstoreBundle(statement: unknown) {
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: 'release-key' }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
    dsseEnvelope: dsseEnvelope(statement),
  };
}
