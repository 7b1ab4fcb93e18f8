import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  requestId: string;
  /** Database round trips made on behalf of this request so far. */
  queries: number;
}

/** The request in progress, for error masking, logs and query counting deep in the stack. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

export function newScope(requestId: string): RequestScope {
  return { requestId, queries: 0 };
}
