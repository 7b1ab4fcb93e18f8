import { AsyncLocalStorage } from 'node:async_hooks';

/** The request id of the work in progress, for error masking and logs deep in the stack. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
