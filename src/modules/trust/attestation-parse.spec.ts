import { cyclonedxSbom, dsseEnvelope, sigstoreBundle, slsaStatement, spdxSbom } from '../../../test/utils/attestations';
import { AttestationProblem, parseAttestation } from './attestation-parse';

const LIMIT = 512 * 1024;
const SHA = 'ab'.repeat(32);

async function rejected(text: string, limit = LIMIT): Promise<AttestationProblem> {
  try {
    await parseAttestation(text, limit);
  } catch (error) {
    if (error instanceof AttestationProblem) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('attestation parsing (docs/trust.md)', () => {
  it('summarises a CycloneDX SBOM: nested components, license ids, names and expression members', async () => {
    const parsed = await parseAttestation(JSON.stringify(cyclonedxSbom()), LIMIT);
    expect(parsed.kind).toBe('CYCLONEDX');
    expect(parsed.summary).toMatchObject({
      format: 'CycloneDX 1.5',
      componentCount: 3,
      describes: 'task-board@1.0.0',
      licenses: ['Apache-2.0', 'BSD-3-Clause', 'Custom Vendor License', 'MIT'],
      licensesTruncated: false,
      predicateType: null,
    });
  }, 20_000);

  it('refuses a CycloneDX SBOM its schema refuses, with the schema’s words', async () => {
    const bom = cyclonedxSbom() as any;
    bom.components[0].type = 'spaceship';
    const problem = await rejected(JSON.stringify(bom));
    expect(problem.reason).toBe('SCHEMA_INVALID');
    expect(problem.problems.join(' ')).toContain('/components/0/type');
    const unknownLicense = cyclonedxSbom() as any;
    unknownLicense.components[0].licenses = [{ license: { id: 'NOT-A-LICENSE-ID' } }];
    expect((await rejected(JSON.stringify(unknownLicense))).reason).toBe('SCHEMA_INVALID');
    expect((await rejected(JSON.stringify({ ...cyclonedxSbom(), specVersion: '9.9' }))).reason).toBe('UNSUPPORTED_VERSION');
  }, 20_000);

  it('refuses a license expression that is not SPDX grammar', async () => {
    const problem = await rejected(JSON.stringify(cyclonedxSbom({ licenseExpression: 'MIT OR OR (' })));
    expect(problem.reason).toBe('BAD_LICENSE_EXPRESSION');
    const spdx = spdxSbom();
    spdx.packages[1].licenseConcluded = 'Apache-2.0 AND';
    expect((await rejected(JSON.stringify(spdx))).reason).toBe('BAD_LICENSE_EXPRESSION');
  });

  it('summarises an SPDX 2.3 SBOM, skipping NOASSERTION and keeping exceptions', async () => {
    const parsed = await parseAttestation(JSON.stringify(spdxSbom()), LIMIT);
    expect(parsed.kind).toBe('SPDX');
    expect(parsed.summary).toMatchObject({
      format: 'SPDX-2.3',
      componentCount: 3,
      describes: 'task-board@1.0.0',
      licenses: ['Apache-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', 'MIT'],
    });
  });

  it('refuses an SPDX document missing what the spec requires', async () => {
    const { creationInfo: _, ...noCreation } = spdxSbom();
    const problem = await rejected(JSON.stringify(noCreation));
    expect(problem.reason).toBe('SCHEMA_INVALID');
    expect(problem.problems.join(' ')).toContain('creationInfo');
    expect((await rejected(JSON.stringify({ ...spdxSbom(), dataLicense: 'MIT' }))).reason).toBe('SCHEMA_INVALID');
    expect((await rejected(JSON.stringify({ ...spdxSbom(), spdxVersion: 'SPDX-3.0' }))).reason).toBe('UNSUPPORTED_VERSION');
  });

  it('reads SLSA provenance plain, in a DSSE envelope and in a Sigstore bundle', async () => {
    const statement = slsaStatement(SHA);
    const expected = {
      kind: 'IN_TOTO',
      format: 'in-toto Statement v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      builderId: 'https://github.com/actions/runner/github-hosted',
      sourceRepository: 'https://github.com/example/task-board',
      subjectSha256: [SHA],
    };
    expect((await parseAttestation(JSON.stringify(statement), LIMIT)).summary).toMatchObject({ ...expected, envelope: null, signatureCount: 0 });
    expect((await parseAttestation(JSON.stringify(dsseEnvelope(statement)), LIMIT)).summary).toMatchObject({ ...expected, envelope: 'DSSE', signatureCount: 1 });
    expect((await parseAttestation(JSON.stringify(sigstoreBundle(statement)), LIMIT)).summary).toMatchObject({ ...expected, envelope: 'SIGSTORE_BUNDLE', signatureCount: 1 });
  });

  it('reads SLSA v0.2 provenance', async () => {
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      subject: [{ name: 'pkg', digest: { sha256: SHA } }],
      predicateType: 'https://slsa.dev/provenance/v0.2',
      predicate: { builder: { id: 'https://builder.example/v1' }, invocation: { configSource: { uri: 'git+https://git.example/repo' } } },
    };
    expect((await parseAttestation(JSON.stringify(statement), LIMIT)).summary).toMatchObject({ builderId: 'https://builder.example/v1', sourceRepository: 'git+https://git.example/repo' });
  });

  it('refuses hostile and malformed envelopes and statements', async () => {
    const statement = slsaStatement(SHA);
    expect((await rejected(JSON.stringify({ ...dsseEnvelope(statement), payloadType: 'text/plain' }))).reason).toBe('BAD_ENVELOPE');
    expect((await rejected(JSON.stringify({ ...dsseEnvelope(statement), signatures: [] }))).reason).toBe('BAD_ENVELOPE');
    expect((await rejected(JSON.stringify({ ...dsseEnvelope(statement), payload: '%%% not base64' }))).reason).toBe('BAD_ENVELOPE');
    expect((await rejected(JSON.stringify({ ...dsseEnvelope(statement), payload: Buffer.from('not json').toString('base64') }))).reason).toBe('NOT_JSON');
    expect((await rejected(JSON.stringify({ ...sigstoreBundle(statement), verificationMaterial: 'nope' }))).reason).toBe('BAD_ENVELOPE');
    // A payload nested beyond the bounds inside a valid envelope.
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect((await rejected(JSON.stringify({ ...dsseEnvelope(null), payload: Buffer.from(deep).toString('base64') }))).reason).toBe('TOO_DEEP');
    expect((await rejected(JSON.stringify({ ...statement, subject: [] }))).reason).toBe('BAD_STATEMENT');
    expect((await rejected(JSON.stringify({ ...statement, subject: [{ digest: { sha256: '<script>' } }] }))).reason).toBe('BAD_STATEMENT');
    expect((await rejected(JSON.stringify({ ...statement, _type: 'https://evil.example/Statement' }))).reason).toBe('UNSUPPORTED_VERSION');
  });

  it('refuses what is not JSON, not an object, too deep, NUL-bearing or unknown', async () => {
    expect((await rejected('{"bomFormat": "CycloneDX",')).reason).toBe('NOT_JSON');
    expect((await rejected('[1, 2, 3]')).reason).toBe('NOT_JSON');
    expect((await rejected('"just a string"')).reason).toBe('NOT_JSON');
    expect((await rejected(`{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)).reason).toBe('TOO_DEEP');
    expect((await rejected('{"bomFormat": "CycloneDX", "x": "\\u0000"}')).reason).toBe('BAD_CHARACTER');
    expect((await rejected('{"__proto__": {"polluted": true}}')).reason).toBe('UNKNOWN_FORMAT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await rejected(JSON.stringify({ hello: 'world' }))).reason).toBe('UNKNOWN_FORMAT');
  });

  it('caps what a summary quotes', async () => {
    const bom = cyclonedxSbom() as any;
    bom.components = Array.from({ length: 150 }, (_, i) => ({ type: 'library', name: `c${i}`, licenses: [{ license: { name: `License ${i} ${'x'.repeat(600)}` } }] }));
    const parsed = await parseAttestation(JSON.stringify(bom), LIMIT);
    expect(parsed.summary.componentCount).toBe(150);
    expect(parsed.summary.licenses).toHaveLength(100);
    expect(parsed.summary.licensesTruncated).toBe(true);
    expect(Math.max(...parsed.summary.licenses.map(l => l.length))).toBeLessThanOrEqual(513);
  }, 20_000);
});
