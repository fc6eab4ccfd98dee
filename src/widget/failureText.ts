import type { AskFailure } from "./askClient.js";
import type { WidgetMessages } from "./messages.js";

export interface FailureText {
  text: string;
  /** The server's own (user-safe) message, shown smaller under the text. */
  detail?: string;
  /** Keep the retry button disabled this long. */
  retryAfterSeconds?: number;
}

export function failureText(failure: AskFailure, messages: WidgetMessages, endpoint: string): FailureText {
  const withDetail = (text: string, detail: string | undefined, retryAfterSeconds?: number): FailureText => ({
    text,
    ...(detail ? { detail } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
  switch (failure.kind) {
    case "unreachable":
      return { text: messages.unreachable(endpoint) };
    case "rate-limited":
      return withDetail(messages.rateLimited(failure.retryAfterSeconds), undefined, failure.retryAfterSeconds);
    case "server":
      return withDetail(messages.server(failure.status), failure.message, failure.retryAfterSeconds);
    case "rejected":
      return withDetail(messages.rejected(failure.status), failure.message);
    case "interrupted":
      return { text: messages.interrupted };
  }
}
