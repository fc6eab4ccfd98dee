import robotsParserModule from "robots-parser";
import { UpstreamFailed } from "../../errors.js";
import type { HostScheduler } from "./hostScheduler.js";
import { safeFetch, type SafeFetchOptions } from "./safeFetch.js";

// robots-parser is CommonJS (`module.exports = fn`) but its typings declare `export default fn`;
// under NodeNext the default import is the function at runtime while TS sees the namespace.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type RobotsRules = ReturnType<typeof robotsParser>;

/** Longest Crawl-delay honoured, so one odd robots.txt cannot stall the ingest for hours. */
const MAX_CRAWL_DELAY_MS = 30_000;
const ROBOTS_MAX_BYTES = 500_000;

/**
 * robots.txt per origin, fetched once per run through the same scheduler and limits as pages.
 * RFC 9309: a 4xx robots.txt means "no rules"; an unreachable one (5xx, network) means "stay out".
 */
export class RobotsPolicy {
  private readonly byOrigin = new Map<string, Promise<RobotsRules | "allow-all" | "unreachable">>();

  constructor(
    private readonly scheduler: HostScheduler,
    private readonly fetchOptions: Omit<SafeFetchOptions, "allowedTypes" | "etag" | "lastModified">,
  ) {}

  /** Undefined when allowed, else the reason. */
  async disallowReason(url: URL): Promise<string | undefined> {
    const rules = await this.rulesFor(url);
    if (rules === "allow-all") return undefined;
    if (rules === "unreachable") return `robots.txt of ${url.origin} could not be read`;
    if (rules.isDisallowed(url.href, this.fetchOptions.userAgent) === true) return `disallowed by ${url.origin}/robots.txt`;
    return undefined;
  }

  private rulesFor(url: URL): Promise<RobotsRules | "allow-all" | "unreachable"> {
    let pending = this.byOrigin.get(url.origin);
    if (!pending) {
      pending = this.load(url);
      this.byOrigin.set(url.origin, pending);
    }
    return pending;
  }

  private async load(url: URL): Promise<RobotsRules | "allow-all" | "unreachable"> {
    const robotsUrl = `${url.origin}/robots.txt`;
    try {
      const result = await this.scheduler.run(url.hostname, () =>
        safeFetch(robotsUrl, { ...this.fetchOptions, maxBytes: Math.min(this.fetchOptions.maxBytes, ROBOTS_MAX_BYTES), allowedTypes: "any" }),
      );
      if (result.kind !== "ok") return "allow-all";
      const rules = robotsParser(robotsUrl, new TextDecoder().decode(result.body));
      const crawlDelay = rules.getCrawlDelay(this.fetchOptions.userAgent);
      if (crawlDelay !== undefined && crawlDelay > 0) {
        this.scheduler.setHostDelay(url.hostname, Math.min(crawlDelay * 1000, MAX_CRAWL_DELAY_MS));
      }
      return rules;
    } catch (error) {
      const status = error instanceof UpstreamFailed ? error.upstreamStatus : undefined;
      if (status !== undefined && status >= 400 && status < 500) return "allow-all";
      return "unreachable";
    }
  }
}
