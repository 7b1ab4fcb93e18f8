import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { bundleFromJSON } from '@sigstore/bundle';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import parseSpdxExpression from 'spdx-expression-parse';
import { DataBounds, scanJsonText } from '../validation/json-bounds';
import { AttestationKind } from './trust.entities';

/**
 * Attestation documents (docs/trust.md, "Attestations"): CycloneDX and SPDX SBOMs (JSON) and
 * in-toto statements (SLSA provenance among them), plain, in a DSSE envelope or in a Sigstore
 * bundle. Pure: text in, a parsed document and its summary out, or an `AttestationProblem` with a
 * stable reason. Nothing here trusts the input: the text is scanned under bounds before it is
 * parsed, every schema runs before a field is read, and every summary string is capped.
 *
 * Signatures are not verified: Plaza has no trust policy for publishers' keys yet, so a summary
 * says how many signatures an envelope carries and never that they are valid.
 */

export type RejectReason =
  | 'NOT_JSON'
  | 'TOO_DEEP'
  | 'TOO_MANY_VALUES'
  | 'STRING_TOO_LONG'
  | 'BAD_CHARACTER'
  | 'UNKNOWN_FORMAT'
  | 'UNSUPPORTED_VERSION'
  | 'SCHEMA_INVALID'
  | 'BAD_LICENSE_EXPRESSION'
  | 'BAD_ENVELOPE'
  | 'BAD_STATEMENT';

export class AttestationProblem extends Error {
  constructor(
    readonly reason: RejectReason,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'AttestationProblem';
  }
}

/** What the listing shows of an attestation (public once its version is published). */
export interface AttestationSummary {
  kind: AttestationKind;
  /** e.g. "CycloneDX 1.5", "SPDX-2.3", "in-toto Statement v1". */
  format: string;
  /** SBOM: components (CycloneDX, nested included) or packages (SPDX). */
  componentCount: number | null;
  /** SBOM: the distinct SPDX license ids and names its components declare, sorted (at most MAX_LICENSES). */
  licenses: string[];
  /** More distinct licenses than `licenses` lists. */
  licensesTruncated: boolean;
  /** SBOM: what it describes ("name@version"), when it says. */
  describes: string | null;
  /** in-toto: the predicate type (https://slsa.dev/provenance/v1 for SLSA provenance). */
  predicateType: string | null;
  /** SLSA provenance: the builder id. */
  builderId: string | null;
  /** SLSA provenance: the source repository the build read. */
  sourceRepository: string | null;
  /** in-toto: the sha256 digests of its subjects (at most MAX_SUBJECTS). */
  subjectSha256: string[];
  /** DSSE: the envelope ("DSSE" or "SIGSTORE_BUNDLE"), null for a plain statement or an SBOM. */
  envelope: 'DSSE' | 'SIGSTORE_BUNDLE' | null;
  /** DSSE: how many signatures it carries (never verified, see above). */
  signatureCount: number;
}

export interface ParsedAttestation {
  kind: AttestationKind;
  /** The document as sent, parsed (stored as jsonb). */
  document: Record<string, unknown>;
  summary: AttestationSummary;
}

const MAX_LICENSES = 100;
const MAX_SUBJECTS = 20;
const MAX_SUMMARY_STRING = 512;
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** Bounds on an attestation's JSON (the byte limit is the caller's: PLAZA_ATTESTATION_MAX_BYTES). */
export function attestationBounds(maxBytes: number): DataBounds {
  // A DSSE payload is one base64 string as long as most of the document, so strings may be as long
  // as the document; the decoded payload is scanned again under the usual string bound.
  return { maxBytes, maxDepth: 32, maxValues: 200_000, maxStringLength: maxBytes };
}

const BREACH_REASON: Record<string, RejectReason> = {
  'JSON-DEPTH': 'TOO_DEEP',
  'JSON-SIZE': 'TOO_MANY_VALUES',
  'JSON-STRING': 'STRING_TOO_LONG',
  'JSON-CHAR': 'BAD_CHARACTER',
};

function parseBoundedJson(text: string, what: string, bounds: DataBounds): Record<string, unknown> {
  const breach = scanJsonText(text, what, bounds);
  if (breach) throw new AttestationProblem(BREACH_REASON[breach.rule] ?? 'NOT_JSON', breach.message);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AttestationProblem('NOT_JSON', `${what} is not JSON (${(error as Error).message.slice(0, 120)})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AttestationProblem('NOT_JSON', `${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

const cap = (s: unknown): string | null => (typeof s === 'string' && s.length ? (s.length > MAX_SUMMARY_STRING ? `${s.slice(0, MAX_SUMMARY_STRING)}…` : s) : null);

function emptySummary(kind: AttestationKind, format: string): AttestationSummary {
  return {
    kind,
    format,
    componentCount: null,
    licenses: [],
    licensesTruncated: false,
    describes: null,
    predicateType: null,
    builderId: null,
    sourceRepository: null,
    subjectSha256: [],
    envelope: null,
    signatureCount: 0,
  };
}

function ajvProblems(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 20).map(e => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

// ── Licenses ────────────────────────────────────────────────────────────────────────────────

type SpdxNode = { license?: string; plus?: boolean; exception?: string; left?: SpdxNode; right?: SpdxNode; conjunction?: string };

/** The license ids an SPDX expression names (spdx-expression-parse, the SPDX spec's grammar); throws on a bad one. */
function licensesOfExpression(expression: string): string[] {
  let tree: SpdxNode;
  try {
    tree = parseSpdxExpression(expression) as SpdxNode;
  } catch {
    throw new AttestationProblem('BAD_LICENSE_EXPRESSION', `"${cap(expression)}" is not a valid SPDX license expression`);
  }
  const out: string[] = [];
  const stack: SpdxNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.license) out.push(`${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`);
    if (node.left) stack.push(node.left);
    if (node.right) stack.push(node.right);
  }
  return out;
}

class LicenseSet {
  private readonly seen = new Set<string>();
  add(name: string): void {
    this.seen.add(name);
  }
  addExpression(expression: string): void {
    // SPDX's "no assertion" and "none" are values of the license fields, not licenses.
    if (expression === 'NOASSERTION' || expression === 'NONE') return;
    for (const id of licensesOfExpression(expression)) this.seen.add(id);
  }
  apply(summary: AttestationSummary): void {
    const all = [...this.seen].sort();
    summary.licenses = all.slice(0, MAX_LICENSES).map(l => cap(l)!);
    summary.licensesTruncated = all.length > MAX_LICENSES;
  }
}

// ── CycloneDX ───────────────────────────────────────────────────────────────────────────────

const CYCLONEDX_VERSIONS: Record<string, Spec.Version> = {
  '1.2': Spec.Version.v1dot2,
  '1.3': Spec.Version.v1dot3,
  '1.4': Spec.Version.v1dot4,
  '1.5': Spec.Version.v1dot5,
  '1.6': Spec.Version.v1dot6,
  '1.7': Spec.Version.v1dot7,
};
const cyclonedxValidators = new Map<Spec.Version, Validation.JsonValidator>();

/** Validates against the CycloneDX JSON schema of the document's own specVersion (@cyclonedx/cyclonedx-library). */
async function parseCycloneDx(text: string, doc: Record<string, unknown>): Promise<ParsedAttestation> {
  const specVersion = typeof doc.specVersion === 'string' ? doc.specVersion : '';
  const version = CYCLONEDX_VERSIONS[specVersion];
  if (!version) throw new AttestationProblem('UNSUPPORTED_VERSION', `CycloneDX specVersion "${cap(specVersion) ?? ''}" is not supported (1.2 to 1.7 in JSON)`);
  let validator = cyclonedxValidators.get(version);
  if (!validator) cyclonedxValidators.set(version, (validator = new Validation.JsonValidator(version)));
  const invalid = await validator.validate(text);
  if (invalid) throw new AttestationProblem('SCHEMA_INVALID', `The document is not a valid CycloneDX ${specVersion} SBOM`, ajvProblems(invalid as ErrorObject[]));
  const summary = emptySummary(AttestationKind.CYCLONEDX, `CycloneDX ${specVersion}`);
  const licenses = new LicenseSet();
  type Component = { name?: string; version?: string; components?: Component[]; licenses?: { license?: { id?: string; name?: string }; expression?: string }[] };
  const addLicenses = (c: Component) => {
    for (const choice of c.licenses ?? []) {
      if (choice.expression) licenses.addExpression(choice.expression);
      else if (choice.license?.id) licenses.add(choice.license.id);
      else if (choice.license?.name) licenses.add(choice.license.name);
    }
  };
  // An explicit stack: the schema lets components nest without limit (the bounds cap the depth).
  let count = 0;
  const stack: Component[] = [...((doc.components as Component[] | undefined) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    count++;
    addLicenses(c);
    stack.push(...(c.components ?? []));
  }
  const metadata = doc.metadata as { component?: Component } | undefined;
  if (metadata?.component) {
    addLicenses(metadata.component);
    summary.describes = cap(`${metadata.component.name ?? ''}${metadata.component.version ? `@${metadata.component.version}` : ''}`);
  }
  summary.componentCount = count;
  licenses.apply(summary);
  return { kind: AttestationKind.CYCLONEDX, document: doc, summary };
}

// ── SPDX ────────────────────────────────────────────────────────────────────────────────────

/**
 * The fields SPDX 2.2/2.3 (JSON) requires of a document and of each package, written from the
 * specification's tables (no package ships the SPDX JSON schema); other fields are allowed and
 * not read.
 */
const SPDX_SCHEMA = {
  type: 'object',
  required: ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'documentNamespace', 'creationInfo'],
  properties: {
    spdxVersion: { type: 'string', pattern: '^SPDX-2\\.[23]$' },
    dataLicense: { const: 'CC0-1.0' },
    SPDXID: { const: 'SPDXRef-DOCUMENT' },
    name: { type: 'string', minLength: 1 },
    documentNamespace: { type: 'string', minLength: 1 },
    creationInfo: {
      type: 'object',
      required: ['created', 'creators'],
      properties: {
        created: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' },
        creators: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(Person|Organization|Tool): ' } },
      },
    },
    documentDescribes: { type: 'array', items: { type: 'string' } },
    packages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['SPDXID', 'name', 'downloadLocation'],
        properties: {
          SPDXID: { type: 'string', pattern: '^SPDXRef-[a-zA-Z0-9.-]+$' },
          name: { type: 'string', minLength: 1 },
          versionInfo: { type: 'string' },
          downloadLocation: { type: 'string', minLength: 1 },
          licenseConcluded: { type: 'string' },
          licenseDeclared: { type: 'string' },
        },
      },
    },
    relationships: {
      type: 'array',
      items: {
        type: 'object',
        required: ['spdxElementId', 'relationshipType', 'relatedSpdxElement'],
        properties: { spdxElementId: { type: 'string' }, relationshipType: { type: 'string' }, relatedSpdxElement: { type: 'string' } },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: true });
let spdxValidator: ValidateFunction | null = null;

function parseSpdx(doc: Record<string, unknown>): ParsedAttestation {
  const version = String(doc.spdxVersion);
  if (!/^SPDX-2\.[23]$/.test(version)) throw new AttestationProblem('UNSUPPORTED_VERSION', `SPDX version "${cap(version)}" is not supported (SPDX-2.2 and SPDX-2.3 in JSON)`);
  spdxValidator ??= ajv.compile(SPDX_SCHEMA);
  if (!spdxValidator(doc)) throw new AttestationProblem('SCHEMA_INVALID', `The document is not a valid ${version} SBOM`, ajvProblems(spdxValidator.errors));
  type Package = { SPDXID: string; name: string; versionInfo?: string; licenseConcluded?: string; licenseDeclared?: string };
  const packages = (doc.packages as Package[] | undefined) ?? [];
  const summary = emptySummary(AttestationKind.SPDX, version);
  const licenses = new LicenseSet();
  for (const p of packages) {
    if (p.licenseConcluded) licenses.addExpression(p.licenseConcluded);
    if (p.licenseDeclared) licenses.addExpression(p.licenseDeclared);
  }
  // What the document describes: DESCRIBES relationships of SPDXRef-DOCUMENT, or the deprecated documentDescribes.
  const relationships = (doc.relationships as { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[] | undefined) ?? [];
  const described =
    relationships.find(r => r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES')?.relatedSpdxElement ??
    (doc.documentDescribes as string[] | undefined)?.[0];
  const root = packages.find(p => p.SPDXID === described);
  summary.describes = root ? cap(`${root.name}${root.versionInfo ? `@${root.versionInfo}` : ''}`) : null;
  summary.componentCount = packages.length;
  licenses.apply(summary);
  return { kind: AttestationKind.SPDX, document: doc, summary };
}

// ── in-toto ─────────────────────────────────────────────────────────────────────────────────

const STATEMENT_TYPES: Record<string, string> = {
  'https://in-toto.io/Statement/v1': 'in-toto Statement v1',
  'https://in-toto.io/Statement/v0.1': 'in-toto Statement v0.1',
};

const STATEMENT_SCHEMA = {
  type: 'object',
  required: ['_type', 'subject', 'predicateType'],
  properties: {
    _type: { type: 'string' },
    subject: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['digest'],
        properties: { name: { type: 'string' }, digest: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', pattern: '^[0-9a-fA-F]+$' } } },
      },
    },
    predicateType: { type: 'string', minLength: 1 },
    predicate: { type: 'object' },
  },
} as const;

const DSSE_SCHEMA = {
  type: 'object',
  required: ['payloadType', 'payload', 'signatures'],
  properties: {
    payloadType: { type: 'string' },
    payload: { type: 'string', pattern: '^[A-Za-z0-9+/_-]*={0,2}$' },
    signatures: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['sig'], properties: { keyid: { type: 'string' }, sig: { type: 'string', minLength: 1 } } },
    },
  },
} as const;

let statementValidator: ValidateFunction | null = null;
let dsseValidator: ValidateFunction | null = null;

/** The builder and source of a SLSA provenance predicate (v1, and v0.2 as older builders still write). */
function provenanceFacts(predicateType: string, predicate: Record<string, any> | undefined): { builderId: string | null; sourceRepository: string | null } {
  if (!predicate) return { builderId: null, sourceRepository: null };
  if (predicateType === 'https://slsa.dev/provenance/v1') {
    const external = predicate.buildDefinition?.externalParameters;
    const source =
      external?.workflow?.repository ?? external?.source?.uri ?? external?.repository ?? predicate.buildDefinition?.resolvedDependencies?.[0]?.uri;
    return { builderId: cap(predicate.runDetails?.builder?.id), sourceRepository: cap(source) };
  }
  if (predicateType === 'https://slsa.dev/provenance/v0.2') {
    return { builderId: cap(predicate.builder?.id), sourceRepository: cap(predicate.invocation?.configSource?.uri ?? predicate.materials?.[0]?.uri) };
  }
  return { builderId: null, sourceRepository: null };
}

function parseStatement(statement: Record<string, unknown>, document: Record<string, unknown>, envelope: AttestationSummary['envelope'], signatureCount: number): ParsedAttestation {
  const format = STATEMENT_TYPES[String(statement._type)];
  if (!format) throw new AttestationProblem('UNSUPPORTED_VERSION', `in-toto statement type "${cap(String(statement._type))}" is not supported (Statement v1 or v0.1)`);
  statementValidator ??= ajv.compile(STATEMENT_SCHEMA);
  if (!statementValidator(statement)) throw new AttestationProblem('BAD_STATEMENT', 'The in-toto statement is not valid', ajvProblems(statementValidator.errors));
  const predicateType = statement.predicateType as string;
  const subjects = statement.subject as { digest: Record<string, string> }[];
  const summary = emptySummary(AttestationKind.IN_TOTO, format);
  summary.predicateType = cap(predicateType);
  summary.subjectSha256 = subjects
    .map(s => s.digest.sha256?.toLowerCase())
    .filter((d): d is string => typeof d === 'string' && /^[0-9a-f]{64}$/.test(d))
    .slice(0, MAX_SUBJECTS);
  Object.assign(summary, provenanceFacts(predicateType, statement.predicate as Record<string, unknown> | undefined));
  summary.envelope = envelope;
  summary.signatureCount = signatureCount;
  return { kind: AttestationKind.IN_TOTO, document, summary };
}

/** The statement a DSSE payload carries, decoded and parsed under the package-data string bound. */
function statementOfPayload(payloadType: string, payload: Buffer, bounds: DataBounds): Record<string, unknown> {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new AttestationProblem('BAD_ENVELOPE', `The envelope's payloadType must be ${IN_TOTO_PAYLOAD_TYPE}`);
  return parseBoundedJson(payload.toString('utf8'), 'The envelope payload', { ...bounds, maxStringLength: 65_536 });
}

function parseDsse(doc: Record<string, unknown>, bounds: DataBounds): ParsedAttestation {
  dsseValidator ??= ajv.compile(DSSE_SCHEMA);
  if (!dsseValidator(doc)) throw new AttestationProblem('BAD_ENVELOPE', 'The DSSE envelope is not valid', ajvProblems(dsseValidator.errors));
  const statement = statementOfPayload(doc.payloadType as string, Buffer.from(doc.payload as string, 'base64'), bounds);
  return parseStatement(statement, doc, 'DSSE', (doc.signatures as unknown[]).length);
}

/** A Sigstore bundle (what `cosign attest` and GitHub artifact attestations write), read with @sigstore/bundle. */
function parseSigstoreBundle(doc: Record<string, unknown>, bounds: DataBounds): ParsedAttestation {
  let bundle: ReturnType<typeof bundleFromJSON>;
  try {
    bundle = bundleFromJSON(doc);
  } catch (error) {
    throw new AttestationProblem('BAD_ENVELOPE', `The Sigstore bundle is not valid (${(error as Error).message.slice(0, 200)})`);
  }
  if (bundle.content.$case !== 'dsseEnvelope') throw new AttestationProblem('BAD_ENVELOPE', 'The Sigstore bundle must carry a DSSE envelope (an attestation), not a message signature');
  const envelope = bundle.content.dsseEnvelope;
  const statement = statementOfPayload(envelope.payloadType, envelope.payload, bounds);
  return parseStatement(statement, doc, 'SIGSTORE_BUNDLE', envelope.signatures.length);
}

/**
 * Recognises the document by its own markers (`bomFormat`, `spdxVersion`, `_type`, DSSE's
 * `payloadType`, a Sigstore bundle's `mediaType`), validates it and summarises it.
 */
export async function parseAttestation(text: string, maxBytes: number): Promise<ParsedAttestation> {
  const bounds = attestationBounds(maxBytes);
  const doc = parseBoundedJson(text, 'The attestation', bounds);
  if (doc.bomFormat === 'CycloneDX') return parseCycloneDx(text, doc);
  if (typeof doc.spdxVersion === 'string') return parseSpdx(doc);
  if (typeof doc._type === 'string') return parseStatement(doc, doc, null, 0);
  if (typeof doc.mediaType === 'string' && doc.mediaType.startsWith('application/vnd.dev.sigstore.bundle')) return parseSigstoreBundle(doc, bounds);
  if ('payloadType' in doc) return parseDsse(doc, bounds);
  throw new AttestationProblem(
    'UNKNOWN_FORMAT',
    'Not a recognised attestation: expected a CycloneDX SBOM (bomFormat), an SPDX SBOM (spdxVersion), an in-toto statement (_type), a DSSE envelope (payloadType) or a Sigstore bundle (mediaType)',
  );
}
