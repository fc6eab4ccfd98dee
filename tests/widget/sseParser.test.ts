import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SseParser, type SseEvent } from "../../src/widget/sseParser.js";

function parseInPieces(pieces: (string | Uint8Array)[]): SseEvent[] {
  const parser = new SseParser();
  const events = pieces.flatMap((p) => parser.push(p));
  return [...events, ...parser.end()];
}

const STREAM =
  'event: citations\ndata: {"citations":[{"n":1}]}\n\n' +
  ": keep-alive comment\n\n" +
  'event: token\ndata: {"text":"学完 LoRA"}\n\n' +
  'event: token\ndata: {"text":" 之后"}\n\n' +
  'event: done\ndata: {"answer":"x",\ndata: "abstained":false}\n\n';

const EXPECTED: SseEvent[] = [
  { event: "citations", data: '{"citations":[{"n":1}]}' },
  { event: "token", data: '{"text":"学完 LoRA"}' },
  { event: "token", data: '{"text":" 之后"}' },
  { event: "done", data: '{"answer":"x",\n"abstained":false}' },
];

describe("SseParser", () => {
  it("parses a whole stream: named events, comments skipped, multi-line data joined with \\n", () => {
    expect(parseInPieces([STREAM])).toEqual(EXPECTED);
  });

  it("gives the same events whatever the chunk boundaries, even inside UTF-8 sequences", () => {
    const bytes = new TextEncoder().encode(STREAM);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const pieces: Uint8Array[] = [];
        let last = 0;
        for (const cut of [...sorted, bytes.length]) {
          pieces.push(bytes.slice(last, cut));
          last = cut;
        }
        expect(parseInPieces(pieces)).toEqual(EXPECTED);
      }),
      { numRuns: 200 },
    );
  });

  it("splits a multi-byte Chinese character across two chunks", () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"微调"}\n\n');
    const middleOfFirstChar = bytes.indexOf(0xe5) + 1;
    expect(parseInPieces([bytes.slice(0, middleOfFirstChar), bytes.slice(middleOfFirstChar)])).toEqual([
      { event: "token", data: '{"text":"微调"}' },
    ]);
  });

  it("accepts CRLF and lone CR line endings, including CR and LF in different chunks", () => {
    const crlf = STREAM.replace(/\n/g, "\r\n");
    expect(parseInPieces([crlf])).toEqual(EXPECTED);
    const cr = STREAM.replace(/\n/g, "\r");
    expect(parseInPieces([cr])).toEqual(EXPECTED);
    // Cut every CRLF between its CR and its LF: the LF must not end a second (empty) line.
    const pieces = crlf.split(/(?<=\r)(?=\n)/);
    expect(pieces.length).toBeGreaterThan(5);
    expect(parseInPieces(pieces)).toEqual(EXPECTED);
  });

  it("defaults the event name to message, strips one leading space only, and keeps ids", () => {
    expect(parseInPieces(["data:no-space\n\n", "data:  two spaces\nid: 7\n\n"])).toEqual([
      { event: "message", data: "no-space" },
      { event: "message", data: " two spaces", id: "7" },
    ]);
  });

  it("ignores blocks without data, unknown fields and a leading BOM", () => {
    expect(parseInPieces(["\uFEFFevent: ping\n\nretry: 100\nfoo: bar\ndata\n\n"])).toEqual([{ event: "message", data: "" }]);
  });

  it("drops an unterminated last event at end of stream", () => {
    expect(parseInPieces(['event: done\ndata: {"cut":true}'])).toEqual([]);
    expect(parseInPieces(['event: done\ndata: {"cut":true}\n'])).toEqual([]);
  });

  it("does not carry the event name of one block into the next", () => {
    expect(parseInPieces(["event: token\ndata: a\n\ndata: b\n\n"])).toEqual([
      { event: "token", data: "a" },
      { event: "message", data: "b" },
    ]);
  });
});
