import http from 'node:http';
import https from 'node:https';
import { guardedLookup, parseWebhookUrl, UrlPolicy, WebhookUrlRefused } from '../webhooks/url-guard';

/**
 * One sanity call of a hosted extension's health endpoint (docs/hosting.md "Health check in
 * review"): GET on the staging URL joined with the declared health path. The webhook SSRF guard
 * checks the URL's shape and, inside the socket's DNS lookup, every address it resolves to;
 * redirects are refused (never followed: the target could be internal); the whole exchange has
 * one deadline; only an excerpt of the body is read. Passed = HTTP 200.
 */

export interface ProbeResult {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number;
  bodyExcerpt: string | null;
  error: string | null;
}

export interface ProbeOptions {
  policy: UrlPolicy;
  timeoutMs: number;
  /** Attempts after the first one (3). */
  retries: number;
  retryDelayMs: number;
}

export const EXCERPT_BYTES = 512;

/** The URL to call: the staging base URL with the health path (a base path is kept: https://x/app + /health). */
export function healthUrl(stagingUrl: string, healthPath: string, policy: UrlPolicy): URL {
  const base = parseWebhookUrl(stagingUrl, policy);
  if (base.search || base.hash) throw new WebhookUrlRefused('must not carry a query or fragment');
  const url = new URL(base.toString());
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${healthPath}`;
  return url;
}

export function probeOnce(url: URL, options: Pick<ProbeOptions, 'policy' | 'timeoutMs'>): Promise<ProbeResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<ProbeResult>(resolve => {
    let settled = false;
    let httpStatus: number | null = null;
    const finish = (result: Omit<ProbeResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve({ ...result, latencyMs: elapsed() });
    };
    const request = transport.request(
      url,
      { method: 'GET', lookup: guardedLookup(options.policy), agent: false, headers: { accept: 'application/json, text/plain;q=0.9, */*;q=0.1', 'user-agent': 'Plaza-HealthCheck/1' } },
      response => {
        httpStatus = response.statusCode ?? null;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const bodyExcerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
          if (httpStatus !== null && httpStatus >= 300 && httpStatus < 400) {
            finish({ ok: false, httpStatus, bodyExcerpt, error: `redirect refused (${httpStatus} to ${String(response.headers.location ?? '?').slice(0, 200)}); the health path must answer itself` });
          } else {
            finish({ ok: httpStatus === 200, httpStatus, bodyExcerpt, error: httpStatus === 200 ? null : `HTTP ${httpStatus}, expected 200` });
          }
        };
        response.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) done();
        });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const deadline = setTimeout(() => finish({ ok: false, httpStatus, bodyExcerpt: null, error: `timed out after ${options.timeoutMs} ms` }), options.timeoutMs);
    request.on('error', error => finish({ ok: false, httpStatus: null, bodyExcerpt: null, error: error instanceof WebhookUrlRefused ? error.message : `connection failed: ${error.message}` }));
    request.end();
  });
}

/** Calls until one attempt passes or 1 + `retries` attempts failed; a refused address is not retried. */
export async function probe(url: URL, options: ProbeOptions): Promise<ProbeResult & { attempts: number }> {
  let last: ProbeResult | null = null;
  for (let attempt = 1; attempt <= 1 + options.retries; attempt++) {
    last = await probeOnce(url, options);
    if (last.ok || /refused:|redirect refused/.test(last.error ?? '')) return { ...last, attempts: attempt };
    if (attempt <= options.retries && options.retryDelayMs > 0) await new Promise(r => setTimeout(r, options.retryDelayMs));
  }
  return { ...last!, attempts: 1 + options.retries };
}
