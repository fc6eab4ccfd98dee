import { kernelInstance } from "./wasmKernel.js";

/**
 * The inner loop of SparseVectorIndex.search as a 219-byte WebAssembly function (why: see
 * wasmKernel.ts; measured at 100k chunks: 3.3 ms against 1.1 ms per question for ~1.5 M
 * postings). The arithmetic is the JavaScript loop's, so scores are bit-identical: each addition
 * is done in double precision and rounded to float32, dimension by dimension in ascending order,
 * as `scores[label] += weight * value` does on a Float32Array (tests/index/SparseVectorIndex.test.ts
 * compares both).
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

export type Accumulate = (offsets: number, labels: number, values: number, scores: number, weights: number, dims: number) => void;

/** `bytes` of WebAssembly memory and the kernel over it; undefined when not possible (see kernelInstance). */
export function kernelMemory(bytes: number): { buffer: ArrayBuffer; accumulate: Accumulate } | undefined {
  const kernel = kernelInstance(ACCUMULATE_WASM, bytes);
  return kernel && { buffer: kernel.buffer, accumulate: kernel.exports["accumulate"] as Accumulate };
}
