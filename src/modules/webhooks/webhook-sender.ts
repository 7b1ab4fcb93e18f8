import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export interface SendResult {
  /** Null when no response arrived. */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** The first EXCERPT_BYTES of the response body. */
  responseExcerpt: string | null;
}

const EXCERPT_BYTES = 1024;

/**
 * One POST to a partner's receiver. Redirects are not followed (a redirect could lead to a
 * refused address), the connection's DNS lookup is the SSRF guard, the whole exchange has one
 * deadline, and only a short excerpt of the response is read.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, options: { timeoutMs: number; lookup: LookupFunction }): Promise<SendResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>(resolve => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...result, latencyMs: elapsed() });
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        lookup: options.lookup,
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Plaza-Webhooks/1',
        },
      },
      response => {
        statusCode = response.statusCode ?? null;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) response.destroy();
        });
        const done = () =>
          finish({
            statusCode: response.statusCode ?? null,
            error: null,
            responseExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
          });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    let statusCode: number | null = null;
    const deadline = setTimeout(() => {
      request.destroy();
      // A status that already arrived counts (a 2xx whose body is slow is still a success).
      finish({ statusCode, error: statusCode === null ? `timed out after ${options.timeoutMs} ms` : null, responseExcerpt: null });
    }, options.timeoutMs);
    request.on('error', error => finish({ statusCode: null, error: error.message, responseExcerpt: null }));
    request.end(body);
  });
}
