import { checkCitationMarkers } from "./citations.js";

/**
 * The end of the text that could still turn out to be (part of) a citation marker run: an
 * optional space, complete markers, then maybe an opened one. A complete run at the very end is
 * held too, because the next character decides it ("[1](" is a markdown link, "[1][2" continues
 * the run). Deliberately looser than MARKER_RUN: holding back too much only delays text.
 */
const OPEN_TAIL = /[ \t]?(?:[[【［][\d\s,，、;\-–~]*[\]】］])*(?:[[【［][\d\s,，、;\-–~]*)?$/;

/**
 * Checks citation markers while the answer streams, so an invented [7] never reaches a client,
 * not even for the moment before `done`. Text is released only up to a point no marker run can
 * cross; checking the released pieces one by one gives exactly what checkCitationMarkers gives
 * for the whole trimmed answer, because the marker pattern looks neither behind nor across that
 * point. The JSON answer and the concatenated stream are therefore identical.
 */
export class CitationStreamFilter {
  private pending = "";
  private started = false;

  constructor(private readonly citationCount: number) {}

  /** Add raw model text; returns the text that is now safe to send (may be empty). */
  push(piece: string): string {
    this.pending += piece;
    if (!this.started) {
      // The final answer is trimmed: leading whitespace never appears.
      this.pending = this.pending.trimStart();
      if (this.pending.length === 0) return "";
      this.started = true;
    }
    const trailingSpace = this.pending.length - this.pending.trimEnd().length;
    const body = this.pending.slice(0, this.pending.length - trailingSpace);
    const tail = OPEN_TAIL.exec(body);
    // Trailing whitespace is held too: it may precede a marker, or be trimmed at the end.
    const cut = tail ? tail.index : body.length;
    if (cut === 0) return "";
    const released = checkCitationMarkers(this.pending.slice(0, cut), this.citationCount).answer;
    this.pending = this.pending.slice(cut);
    return released;
  }

  /** The rest, once the model is done. */
  end(): string {
    const rest = this.pending.trimEnd();
    this.pending = "";
    return rest.length > 0 ? checkCitationMarkers(rest, this.citationCount).answer : "";
  }
}
