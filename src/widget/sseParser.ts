/**
 * Incremental Server-Sent Events parser (WHATWG "event stream interpretation"). EventSource
 * cannot POST, so the widget reads POST /api/ask with fetch and feeds the body through this.
 * Chunks may split anywhere: inside a line, between CR and LF, or inside a UTF-8 sequence.
 */

export interface SseEvent {
  /** "message" when the block had no `event:` field. */
  event: string;
  /** `data:` lines joined with "\n". */
  data: string;
  id?: string;
}

export class SseParser {
  private readonly decoder = new TextDecoder("utf-8");
  private buffer = "";
  /** The previous chunk ended in CR: a LF at the start of the next one belongs to it. */
  private pendingCarriageReturn = false;
  private sawFirstChunk = false;
  private eventType = "";
  private dataLines: string[] = [];
  private hasData = false;
  private lastId: string | undefined;

  /** Feed bytes or text; returns the events completed by this chunk. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    if (!this.sawFirstChunk && text.length > 0) {
      this.sawFirstChunk = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.pendingCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    this.pendingCarriageReturn = false;
    this.buffer += text;

    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const code = this.buffer.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      this.processLine(this.buffer.slice(start, i), events);
      if (code === 13) {
        if (i + 1 === this.buffer.length) this.pendingCarriageReturn = true;
        else if (this.buffer.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** End of stream: flush the decoder. An unterminated last event is dropped, as the spec says. */
  end(): SseEvent[] {
    const rest = this.decoder.decode();
    return rest ? this.push(rest) : [];
  }

  private processLine(line: string, events: SseEvent[]): void {
    if (line === "") {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(":")) return; // comment / keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case "id":
        if (!value.includes("\u0000")) this.lastId = value;
        break;
      default:
        break; // "retry" and unknown fields do not matter to a fetch-based reader
    }
  }

  private dispatch(events: SseEvent[]): void {
    if (this.hasData) {
      const event: SseEvent = { event: this.eventType || "message", data: this.dataLines.join("\n") };
      if (this.lastId !== undefined) event.id = this.lastId;
      events.push(event);
    }
    this.eventType = "";
    this.dataLines = [];
    this.hasData = false;
  }
}
