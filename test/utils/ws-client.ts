import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { FormattedExecutionResult, print } from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client against the test server; `token` goes into connection_init. */
export function wsClient(httpUrl: string, token?: string, onClose?: (code: number) => void): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: event => onClose?.((event as { code: number }).code) },
  });
}

export interface Collected<T> {
  results: T[];
  errors: unknown[];
  done: Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  unsubscribe(): void;
}

/** One result a subscription (or a query over the socket) sent: data and/or errors. */
export type WsResult<D = Record<string, any>> = FormattedExecutionResult<D>;

/** Subscribes and collects results, so a test can wait for the n-th one. A typed document types them. */
export function collect<D, V>(client: Client, document: TypedDocumentNode<D, V>, variables?: V): Collected<WsResult<D>>;
export function collect<T = WsResult>(client: Client, query: string, variables?: Record<string, unknown>): Collected<T>;
export function collect<T>(client: Client, document: string | TypedDocumentNode<unknown, unknown>, variables: unknown = {}): Collected<T> {
  const query = typeof document === 'string' ? document : print(document);
  const results: T[] = [];
  const errors: unknown[] = [];
  let resolveDone!: () => void;
  const done = new Promise<void>(r => (resolveDone = r));
  const waiters: (() => void)[] = [];
  const unsubscribe = client.subscribe<T>(
    { query, variables: variables as Record<string, unknown> },
    {
      next: value => {
        results.push(value as T);
        waiters.splice(0).forEach(w => w());
      },
      error: error => {
        errors.push(error);
        resolveDone();
        waiters.splice(0).forEach(w => w());
      },
      complete: () => {
        resolveDone();
        waiters.splice(0).forEach(w => w());
      },
    },
  );
  return {
    results,
    errors,
    done,
    unsubscribe,
    async waitFor(count, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} results (got ${results.length})`);
        await new Promise<void>(r => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
      return results;
    },
  };
}
