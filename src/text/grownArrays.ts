/**
 * Typed arrays that grow as a corpus's ids do (token ids, feature name ids, a chunk's distinct
 * tokens): a copy at least `needed` long and at least twice the old length, so growing one id at
 * a time stays linear. The new entries are 0.
 */
export function grownUint32(array: Uint32Array, needed: number): Uint32Array<ArrayBuffer> {
  const longer = new Uint32Array(Math.max(needed, 2 * array.length));
  longer.set(array);
  return longer;
}

/** grownUint32 for an Int32Array. */
export function grownInt32(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(Math.max(needed, 2 * array.length));
  longer.set(array);
  return longer;
}
