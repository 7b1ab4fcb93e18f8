import { stringify } from 'yaml';
import type { HostingDeclaration } from '../validation/hosting/hosting-rules';
import { cpuQuantity, memoryQuantity } from './hosting.types';

/**
 * What an orchestrator needs to run a published managed version and enforce its declaration
 * (docs/hosting.md "Deployment manifests"): a Deployment with the tier's requests and limits
 * (equal, so the pod is Guaranteed and cannot burst past what the customer pays for), liveness
 * and readiness probes on the declared health path, a locked-down container (non-root, no
 * privilege escalation, read-only root filesystem, every capability dropped), a Service, and a
 * CiliumNetworkPolicy that denies all egress except DNS and HTTPS to exactly the declared hosts.
 * Pure: the same version always gives the same YAML.
 */

export interface DeploymentInput {
  appId: string;
  version: string;
  /** sha256 of the package the image is built from (its tag carries the first 12 hex digits). */
  packageSha256: string;
  hosting: HostingDeclaration;
  tier: { name: string; cpuMillicores: number; memoryMib: number };
  /** Registry the platform's builder pushes images to. */
  imageRegistry?: string;
}

export const CONTAINER_PORT = 8080;
export const RUN_AS_USER = 10001;

/** A DNS-1123 label (63 characters at most) for the app's objects. */
export function objectName(appId: string): string {
  const base = `ext-${appId.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.replace(/-+/g, '-').slice(0, 63);
  return base.replace(/-+$/, '');
}

/** An image tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}): the version and the package's digest prefix. */
const imageTag = (version: string, sha: string) => `${version.replace(/[^A-Za-z0-9_.-]+/g, '-')}-${sha.slice(0, 12)}`.slice(0, 128);

/** Label values: 63 characters of [A-Za-z0-9_.-], starting and ending alphanumeric. */
const labelValue = (value: string) => value.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');

export function deploymentObjects(input: DeploymentInput): Record<string, unknown>[] {
  const name = objectName(input.appId);
  const selector = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'plaza' };
  const labels = { ...selector, 'app.kubernetes.io/version': labelValue(input.version), 'plaza.dev/tier': labelValue(input.tier.name) };
  const annotations = { 'plaza.dev/app-id': input.appId, 'plaza.dev/package-sha256': input.packageSha256, 'plaza.dev/webhook-path': input.hosting.webhookPath ?? '' };
  const quantity = { cpu: cpuQuantity(input.tier.cpuMillicores), memory: memoryQuantity(input.tier.memoryMib) };
  const probe = (periodSeconds: number, initialDelaySeconds: number) => ({
    httpGet: { path: input.hosting.healthPath, port: 'http', scheme: 'HTTP' },
    initialDelaySeconds,
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold: 3,
  });
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels, annotations },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: { runAsNonRoot: true, runAsUser: RUN_AS_USER, runAsGroup: RUN_AS_USER, fsGroup: RUN_AS_USER, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'extension',
              image: `${input.imageRegistry ?? 'registry.plaza.internal/extensions'}/${name}:${imageTag(input.version, input.packageSha256)}`,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: CONTAINER_PORT, protocol: 'TCP' }],
              env: [
                { name: 'PORT', value: String(CONTAINER_PORT) },
                { name: 'PLAZA_HEALTH_PATH', value: input.hosting.healthPath },
              ],
              resources: { requests: quantity, limits: quantity },
              livenessProbe: probe(10, 10),
              readinessProbe: probe(5, 2),
              securityContext: {
                allowPrivilegeEscalation: false,
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: RUN_AS_USER,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels, annotations },
    spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
  return [deployment, service, networkPolicy(name, selector, labels, input.hosting.egress)];
}

/** The fqdn selectors for the declared hosts: an exact name, or a pattern for `*.example.com`. */
export function fqdnSelectors(egress: string[]): ({ matchName: string } | { matchPattern: string })[] {
  return egress.map(host => (host.startsWith('*.') ? { matchPattern: host } : { matchName: host }));
}

function networkPolicy(name: string, selector: Record<string, string>, labels: Record<string, string>, egress: string[]) {
  const kubeDns = {
    toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
    toPorts: [
      {
        ports: [
          { port: '53', protocol: 'UDP' },
          { port: '53', protocol: 'TCP' },
        ],
        // The DNS proxy answers only for declared names: that is how toFQDNs learns their addresses.
        ...(egress.length ? { rules: { dns: fqdnSelectors(egress) } } : {}),
      },
    ],
  };
  const rules: Record<string, unknown>[] = [kubeDns];
  if (egress.length) rules.push({ toFQDNs: fqdnSelectors(egress), toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }] });
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { name: `${name}-egress`.slice(0, 63), labels },
    spec: { endpointSelector: { matchLabels: selector }, egress: rules },
  };
}

/** The objects as one multi-document YAML stream. */
export function deploymentYaml(objects: Record<string, unknown>[]): string {
  return objects.map(o => stringify(o, { lineWidth: 0 })).join('---\n');
}
