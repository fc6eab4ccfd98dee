/**
 * The product's typed errors. Every stage throws one of these (or lets a programming error
 * escape); the HTTP layer maps them to statuses in exactly one place (src/http/errorHandler.ts)
 * and the CLIs map them to exit codes. Messages must be safe to show a user: they never contain
 * an API key or an upstream response body.
 */
export abstract class TutorError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The caller sent something we cannot use (bad CLI flag, malformed request, empty corpus). */
export class BadInput extends TutorError {
  readonly status = 400;
  readonly code = "bad_input";
}

export class NotFound extends TutorError {
  readonly status = 404;
  readonly code = "not_found";
}

export class Unauthorized extends TutorError {
  readonly status = 401;
  readonly code = "unauthorized";
}

/** No usable index on disk (never built, or files missing/corrupt). `hint` says how to fix it. */
export class IndexNotReady extends TutorError {
  readonly status = 503;
  readonly code = "index_not_ready";
  constructor(
    message: string,
    readonly hint = "Run `npm run ingest` to build the index.",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The index was built with a different embedder/dimension than the one configured now. */
export class IndexMismatch extends TutorError {
  readonly status = 503;
  readonly code = "index_mismatch";
}

/** Too much concurrent work; the client should retry after `retryAfterSeconds`. */
export class Overloaded extends TutorError {
  readonly status = 503;
  readonly code = "overloaded";
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/** A browser page on an origin outside ALLOWED_ORIGINS called a public widget route. */
export class Forbidden extends TutorError {
  readonly status = 403;
  readonly code = "forbidden";
}

/** Too many requests from one client (rate limit, auth failures, in-flight cap); retry after `retryAfterSeconds`. */
export class TooManyRequests extends TutorError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly code: "rate_limited" | "too_many_auth_failures" | "too_many_in_flight" = "rate_limited",
  ) {
    super(message);
  }
}

/** The request line or headers are malformed or too large (reported by Node's parser or the router). */
export class MalformedRequest extends TutorError {
  constructor(
    message: string,
    readonly status: 400 | 414 | 431,
    readonly code: "bad_url" | "uri_too_long" | "headers_too_large",
  ) {
    super(message);
  }
}

/** The model/embedding server answered with an error or garbage. Names the server, never the key. */
export class UpstreamFailed extends TutorError {
  readonly status = 502;
  readonly code = "upstream_failed";
  constructor(
    message: string,
    readonly upstreamStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The model/embedding server did not answer in time. */
export class UpstreamTimeout extends TutorError {
  readonly status = 504;
  readonly code = "upstream_timeout";
}

export function isTutorError(error: unknown): error is TutorError {
  return error instanceof TutorError;
}
