/** pgvector's text form, '[0.1,0.2,…]', for a query parameter. */
export function vectorLiteral(vector: ArrayLike<number>): string {
  const parts = new Array<string>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i]!;
    if (!Number.isFinite(value)) throw new Error(`vector component ${i} is not a finite number`);
    parts[i] = String(value);
  }
  return `[${parts.join(",")}]`;
}

/** pgvector's text form back to numbers. */
export function parseVector(text: string): Float32Array {
  const inner = text.trim().replace(/^\[/, "").replace(/\]$/, "");
  return inner === "" ? new Float32Array(0) : Float32Array.from(inner.split(",").map(Number));
}
