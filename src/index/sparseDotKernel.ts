/**
 * The inner loop of SparseVectorIndex.search as a 219-byte WebAssembly function, because V8
 * compiles the same loop in JavaScript about 3× slower when the typed arrays are an object's
 * fields rather than constants it can see (measured at 100k chunks: 3.3 ms against 1.1 ms per
 * question for ~1.5 M postings, the whole JavaScript loop at ~2 ns per posting). The arithmetic
 * is the JavaScript loop's, so scores are bit-identical: each addition is done in double precision
 * and rounded to float32, dimension by dimension in ascending order, as `scores[label] +=
 * weight * value` does on a Float32Array (tests/index/SparseVectorIndex.test.ts compares both).
 *
 * Source (WebAssembly text; the bytes below are `wat2wasm` of it, wabt 1.0.39):
 *
 * (module
 *   (import "env" "memory" (memory 1))
 *   (func (export "accumulate")
 *     (param $offsets i32) (param $labels i32) (param $values i32) (param $scores i32) (param $weights i32) (param $dims i32)
 *     (local $d i32) (local $w f64) (local $p i32) (local $end i32) (local $slot i32)
 *     (block $done
 *       (loop $dim
 *         (br_if $done (i32.ge_u (local.get $d) (local.get $dims)))
 *         (local.set $w (f64.load (i32.add (local.get $weights) (i32.shl (local.get $d) (i32.const 3)))))
 *         (if (f64.ne (local.get $w) (f64.const 0))
 *           (then
 *             (local.set $p (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $d) (i32.const 2)))))
 *             (local.set $end (i32.load (i32.add (local.get $offsets) (i32.shl (i32.add (local.get $d) (i32.const 1)) (i32.const 2)))))
 *             (block $postingsDone
 *               (loop $posting
 *                 (br_if $postingsDone (i32.ge_u (local.get $p) (local.get $end)))
 *                 (local.set $slot (i32.add (local.get $scores)
 *                   (i32.shl (i32.load (i32.add (local.get $labels) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
 *                 (f32.store (local.get $slot)
 *                   (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (local.get $slot)))
 *                     (f64.mul (local.get $w) (f64.promote_f32 (f32.load (i32.add (local.get $values) (i32.shl (local.get $p) (i32.const 2)))))))))
 *                 (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *                 (br $posting)))))
 *         (local.set $d (i32.add (local.get $d) (i32.const 1)))
 *         (br $dim)))))
 */
const ACCUMULATE_WASM =
  "AGFzbQEAAAABCgFgBn9/f39/fwACDwEDZW52Bm1lbW9yeQIAAQMCAQAHDgEKYWNjdW11bGF0ZQAACp8BAZwBAwF/AXwDfwJAA0AgBiAFTw0BIAQgBkEDdGorAwAhByAHRAAAAAAAAAAAYgRAIAAgBkECdGooAgAhCCAAIAZBAWpBAnRqKAIAIQkCQANAIAggCU8NASADIAEgCEECdGooAgBBAnRqIQogCiAKKgIAuyAHIAIgCEECdGoqAgC7oqC2OAIAIAhBAWohCAwACwsLIAZBAWohBgwACwsL";

/** WebAssembly memory is addressed by 32 bits: 65,536 pages of 64 KiB. */
const WASM_PAGE = 65_536;
const MAX_WASM_PAGES = 65_536;

export type Accumulate = (offsets: number, labels: number, values: number, scores: number, weights: number, dims: number) => void;

let compiled: WebAssembly.Module | undefined;

/**
 * `bytes` of WebAssembly memory and the kernel over it; undefined when that is not possible (too
 * large for 32-bit addresses, or no memory to be had), and the caller keeps an ArrayBuffer.
 */
export function kernelMemory(bytes: number): { buffer: ArrayBuffer; accumulate: Accumulate } | undefined {
  const pages = Math.ceil(bytes / WASM_PAGE);
  if (pages > MAX_WASM_PAGES) return undefined;
  try {
    compiled ??= new WebAssembly.Module(Buffer.from(ACCUMULATE_WASM, "base64"));
    const memory = new WebAssembly.Memory({ initial: Math.max(1, pages), maximum: Math.max(1, pages) });
    const instance = new WebAssembly.Instance(compiled, { env: { memory } });
    return { buffer: memory.buffer, accumulate: instance.exports["accumulate"] as Accumulate };
  } catch {
    // RangeError: the address space or memory for it is not available. The JavaScript loop still works.
    return undefined;
  }
}
