/** When each kind of Server-Sent Event first arrived at the client (performance.now()). */
export interface StreamTiming {
  startedAt: number;
  headersAt: number;
  /** First event of each name ("citations", "token", "done", "error"), or of a plain `data:` line ("message"). */
  firstEventAt: Record<string, number>;
  endedAt: number;
  status: number;
}

/**
 * POSTs a JSON body and reads the SSE response incrementally, recording when the first event of
 * each name completed (its blank-line terminator arrived), which is when a browser would see it.
 */
export async function timeEventStream(url: string, body: unknown, headers: Record<string, string> = {}): Promise<StreamTiming> {
  const startedAt = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
  const headersAt = performance.now();
  const firstEventAt: Record<string, number> = {};
  if (!response.body) throw new Error(`${url} answered without a body`);
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    const now = performance.now();
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      if (block.trim() === "") continue;
      const name = /^event:\s*(.+)$/m.exec(block)?.[1]?.trim() ?? "message";
      if (firstEventAt[name] === undefined) firstEventAt[name] = now;
    }
  }
  return { startedAt, headersAt, firstEventAt, endedAt: performance.now(), status: response.status };
}
