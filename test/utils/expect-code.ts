import type { GqlError } from './test-app';

/** An answer over HTTP (t.gql) or over the socket (a WebSocket result). */
export interface Answer {
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface ExpectCodeOptions {
  /** Also require `data` to be null (the error reached the root, nothing was answered). */
  dataNull?: boolean;
  /** Also require this root field of `data` to be null (a nullable field that failed). */
  fieldNull?: string;
}

/**
 * Asserts that a GraphQL answer failed with `code`: errors exist and the first one's
 * `extensions.code` is `code` (and, optionally, data / one root field is null). Returns the first
 * error so a test can assert more on it. On a mismatch the message shows the errors actually sent.
 */
export function expectCode(res: Answer, code: string, options: ExpectCodeOptions = {}): GqlError {
  const errors = res.errors;
  const shown = () => `errors: ${JSON.stringify(errors, null, 2)}\ndata: ${JSON.stringify(res.data)}`;
  if (!errors || errors.length === 0) throw new Error(`expected a GraphQL error with code ${code}, but the answer had no errors\n${shown()}`);
  const first = errors[0] as GqlError;
  if (first.extensions?.code !== code) throw new Error(`expected the first error's extensions.code to be ${code}, got ${String(first.extensions?.code)}\n${shown()}`);
  if (options.dataNull && res.data != null) throw new Error(`expected data to be null with ${code}\n${shown()}`);
  if (options.fieldNull !== undefined) {
    const data = res.data as Record<string, unknown> | null | undefined;
    if (data == null || !(options.fieldNull in data) || data[options.fieldNull] !== null) {
      throw new Error(`expected data.${options.fieldNull} to be null with ${code}\n${shown()}`);
    }
  }
  return first;
}
