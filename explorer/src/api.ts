// The only way the page talks to the world: POST /graphql on the same origin, JSON in and out (a
// non-simple content type, so the API's CSRF rule is met). Failures come back as two kinds: the API
// could not be reached (network, 502–504, DATABASE_UNAVAILABLE/TIMEOUT: worth retrying) and the API
// refused the question (a coded error such as NOT_FOUND: not worth retrying).

export class Unreachable extends Error {}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const RETRYABLE = new Set(['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT']);

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new Unreachable(`the network request failed (${(err as Error).message})`);
  }
  if (res.status >= 502 && res.status <= 504) throw new Unreachable(`the API answered ${res.status}`);
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new Unreachable(`the API answered ${res.status} without JSON`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    if (RETRYABLE.has(code)) throw new Unreachable(first.message);
    throw new ApiError(first.message, code);
  }
  if (!body.data) throw new ApiError(`the API answered ${res.status} without data`, 'ERROR');
  return body.data;
}

export interface RetryHooks {
  /** Called before each wait: why, and in how many seconds the next try is. */
  waiting(reason: string, seconds: number, retryNow: () => void): void;
  recovered(): void;
}

/** Runs `call` until it reaches the API, waiting 1, 2, 4… (at most 15) seconds between tries. */
export async function retrying<T>(call: () => Promise<T>, hooks: RetryHooks): Promise<T> {
  let delay = 1;
  let failed = false;
  for (;;) {
    try {
      const value = await call();
      if (failed) hooks.recovered();
      return value;
    } catch (err) {
      if (!(err instanceof Unreachable)) {
        if (failed) hooks.recovered();
        throw err;
      }
      failed = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay * 1000);
        hooks.waiting(err.message, delay, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      delay = Math.min(delay * 2, 15);
    }
  }
}
