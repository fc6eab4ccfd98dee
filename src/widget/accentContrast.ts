/**
 * A host page picks the accent (data-accent); the widget picks the text colour on it, so a
 * light accent gets dark text and a dark one white text, whichever has the higher WCAG
 * contrast. Hand-written (a dozen lines) to keep the widget bundle dependency-free.
 */

type Rgb = readonly [number, number, number];

export const LIGHT_TEXT = "#fff";
export const DARK_TEXT = "#0b1220";

/** "#rgb", "#rrggbb" (what a canvas normalizes opaque colours to) or "rgb(a)(r, g, b…)". */
export function parseRgb(css: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join("") : hex[1]!;
    const channel = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return [channel(0), channel(2), channel(4)];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(css.trim());
  return fn ? [Number(fn[1]), Number(fn[2]), Number(fn[3])] : undefined;
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour that reads best on `background` (already parsed). */
export function textColourOn(background: Rgb): string {
  return contrastRatio(background, parseRgb(LIGHT_TEXT)!) >= contrastRatio(background, parseRgb(DARK_TEXT)!) ? LIGHT_TEXT : DARK_TEXT;
}

/**
 * The text colour for an accent given in any CSS colour syntax ("crimson", "hsl(…)", "#e11d48"):
 * a canvas normalizes it to hex. undefined where there is no canvas (the theme's default stays).
 */
export function textColourOnAccent(accent: string, doc: Document): string | undefined {
  const context = doc.createElement("canvas").getContext?.("2d");
  if (!context) return undefined;
  context.fillStyle = "#000";
  context.fillStyle = accent;
  const rgb = parseRgb(String(context.fillStyle));
  return rgb ? textColourOn(rgb) : undefined;
}
