import { kernelInstance } from "./wasmKernel.js";

/**
 * SparseVectorIndex.search's loops as WebAssembly (why: see wasmKernel.ts): "accumulate", the dot
 * product over every posting of the question's dimensions (measured at 100k chunks: 3.3 ms
 * against 1.1 ms per question for ~1.5 M postings), and "top", the k best of the scores (a scan
 * of every chunk's score). The arithmetic is the JavaScript loop's, so scores are bit-identical:
 * each addition is done in double precision and rounded to float32, dimension by dimension in
 * ascending order, as `scores[label] += weight * value` does on a Float32Array; top orders as
 * TopScores does (tests/index/SparseVectorIndex.test.ts compares both with the JavaScript).
 *
 * Source (WebAssembly text; the bytes below are `wat2wasm` of it, wabt 1.0.39):
 *
 * (module
 *   (import "env" "memory" (memory 1))
 *   ;; scores[labels[p]] += weight(d) * values[p] for every posting p of every dimension d with a non-zero weight,
 *   ;; in dimension order, each addition in double precision rounded to float32 (as Float32Array `+=` in JS).
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
 *                 (local.set $slot (i32.add (local.get $scores) (i32.shl (i32.load (i32.add (local.get $labels) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
 *                 (f32.store (local.get $slot)
 *                   (f32.demote_f64
 *                     (f64.add
 *                       (f64.promote_f32 (f32.load (local.get $slot)))
 *                       (f64.mul (local.get $w) (f64.promote_f32 (f32.load (i32.add (local.get $values) (i32.shl (local.get $p) (i32.const 2)))))))))
 *                 (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *                 (br $posting)))))
 *         (local.set $d (i32.add (local.get $d) (i32.const 1)))
 *         (br $dim))))
 *   ;; The k best labels of scores [0, count) by (score, then lower label), as a min-heap of k (score, label) pairs at
 *   ;; $heapScores (f64) and $heapLabels (i32), its root the worst held; returns how many it holds. Labels come in
 *   ;; ascending order, so one that ties the root's score never enters (the root is better).
 *   (func (export "top") (param $scores i32) (param $count i32) (param $k i32) (param $heapScores i32) (param $heapLabels i32) (result i32)
 *     (local $label i32) (local $size i32) (local $v f64) (local $i i32) (local $parent i32) (local $child i32)
 *     (local $pv f64) (local $cv f64) (local $cl i32) (local $rv f64) (local $rl i32)
 *     (block $done
 *       (loop $next
 *         (br_if $done (i32.ge_u (local.get $label) (local.get $count)))
 *         (local.set $v (f64.promote_f32 (f32.load (i32.add (local.get $scores) (i32.shl (local.get $label) (i32.const 2))))))
 *         (if (i32.lt_u (local.get $size) (local.get $k))
 *           (then
 *             ;; Sift up: a parent moves down while it is better than the new pair (higher score, or equal and lower label).
 *             (local.set $i (local.get $size))
 *             (local.set $size (i32.add (local.get $size) (i32.const 1)))
 *             (block $placed
 *               (loop $up
 *                 (br_if $placed (i32.eqz (local.get $i)))
 *                 (local.set $parent (i32.shr_u (i32.sub (local.get $i) (i32.const 1)) (i32.const 1)))
 *                 (local.set $pv (f64.load (i32.add (local.get $heapScores) (i32.shl (local.get $parent) (i32.const 3)))))
 *                 (br_if $placed
 *                   (i32.eqz
 *                     (i32.or
 *                       (f64.gt (local.get $pv) (local.get $v))
 *                       (i32.and (f64.eq (local.get $pv) (local.get $v))
 *                         (i32.lt_u (i32.load (i32.add (local.get $heapLabels) (i32.shl (local.get $parent) (i32.const 2)))) (local.get $label))))))
 *                 (f64.store (i32.add (local.get $heapScores) (i32.shl (local.get $i) (i32.const 3))) (local.get $pv))
 *                 (i32.store (i32.add (local.get $heapLabels) (i32.shl (local.get $i) (i32.const 2)))
 *                   (i32.load (i32.add (local.get $heapLabels) (i32.shl (local.get $parent) (i32.const 2)))))
 *                 (local.set $i (local.get $parent))
 *                 (br $up)))
 *             (f64.store (i32.add (local.get $heapScores) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))
 *             (i32.store (i32.add (local.get $heapLabels) (i32.shl (local.get $i) (i32.const 2))) (local.get $label)))
 *           (else
 *             (if (i32.and (i32.gt_u (local.get $k) (i32.const 0)) (f64.gt (local.get $v) (f64.load (local.get $heapScores))))
 *               (then
 *                 ;; Replace the root and sift down: the worse child (lower score, or equal and higher label) moves up.
 *                 (local.set $i (i32.const 0))
 *                 (block $placed
 *                   (loop $down
 *                     (local.set $child (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 1)))
 *                     (br_if $placed (i32.ge_u (local.get $child) (local.get $size)))
 *                     (local.set $cv (f64.load (i32.add (local.get $heapScores) (i32.shl (local.get $child) (i32.const 3)))))
 *                     (local.set $cl (i32.load (i32.add (local.get $heapLabels) (i32.shl (local.get $child) (i32.const 2)))))
 *                     (if (i32.lt_u (i32.add (local.get $child) (i32.const 1)) (local.get $size))
 *                       (then
 *                         (local.set $rv (f64.load (i32.add (local.get $heapScores) (i32.shl (i32.add (local.get $child) (i32.const 1)) (i32.const 3)))))
 *                         (local.set $rl (i32.load (i32.add (local.get $heapLabels) (i32.shl (i32.add (local.get $child) (i32.const 1)) (i32.const 2)))))
 *                         (if (i32.or (f64.lt (local.get $rv) (local.get $cv))
 *                                     (i32.and (f64.eq (local.get $rv) (local.get $cv)) (i32.gt_u (local.get $rl) (local.get $cl))))
 *                           (then
 *                             (local.set $child (i32.add (local.get $child) (i32.const 1)))
 *                             (local.set $cv (local.get $rv))
 *                             (local.set $cl (local.get $rl))))))
 *                     ;; Stop once the new pair is no better than the worse child.
 *                     (br_if $placed
 *                       (i32.eqz
 *                         (i32.or (f64.gt (local.get $v) (local.get $cv))
 *                                 (i32.and (f64.eq (local.get $v) (local.get $cv)) (i32.lt_u (local.get $label) (local.get $cl))))))
 *                     (f64.store (i32.add (local.get $heapScores) (i32.shl (local.get $i) (i32.const 3))) (local.get $cv))
 *                     (i32.store (i32.add (local.get $heapLabels) (i32.shl (local.get $i) (i32.const 2))) (local.get $cl))
 *                     (local.set $i (local.get $child))
 *                     (br $down)))
 *                 (f64.store (i32.add (local.get $heapScores) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))
 *                 (i32.store (i32.add (local.get $heapLabels) (i32.shl (local.get $i) (i32.const 2))) (local.get $label))))))
 *         (local.set $label (i32.add (local.get $label) (i32.const 1)))
 *         (br $next)))
 *     (local.get $size))
 * )
 */
const ACCUMULATE_WASM =
  "AGFzbQEAAAABEwJgBn9/f39/fwBgBX9/f39/AX8CDwEDZW52Bm1lbW9yeQIAAQMDAgABBxQCCmFjY3VtdWxhdGUAAAN0b3AAAQrPBAKcAQMBfwF8A38CQANAIAYgBU8NASAEIAZBA3RqKwMAIQcgB0QAAAAAAAAAAGIEQCAAIAZBAnRqKAIAIQggACAGQQFqQQJ0aigCACEJAkADQCAIIAlPDQEgAyABIAhBAnRqKAIAQQJ0aiEKIAogCioCALsgByACIAhBAnRqKgIAu6KgtjgCACAIQQFqIQgMAAsLCyAGQQFqIQYMAAsLC64DBwJ/AXwDfwJ8AX8BfAF/AkADQCAFIAFPDQEgACAFQQJ0aioCALshByAGIAJJBEAgBiEIIAZBAWohBgJAA0AgCEUNASAIQQFrQQF2IQkgAyAJQQN0aisDACELIAsgB2QgCyAHYSAEIAlBAnRqKAIAIAVJcXJFDQEgAyAIQQN0aiALOQMAIAQgCEECdGogBCAJQQJ0aigCADYCACAJIQgMAAsLIAMgCEEDdGogBzkDACAEIAhBAnRqIAU2AgAFIAJBAEsgByADKwMAZHEEQEEAIQgCQANAIAhBAXRBAWohCiAKIAZPDQEgAyAKQQN0aisDACEMIAQgCkECdGooAgAhDSAKQQFqIAZJBEAgAyAKQQFqQQN0aisDACEOIAQgCkEBakECdGooAgAhDyAOIAxjIA4gDGEgDyANS3FyBEAgCkEBaiEKIA4hDCAPIQ0LCyAHIAxkIAcgDGEgBSANSXFyRQ0BIAMgCEEDdGogDDkDACAEIAhBAnRqIA02AgAgCiEIDAALCyADIAhBA3RqIAc5AwAgBCAIQQJ0aiAFNgIACwsgBUEBaiEFDAALCyAGCw==";

type Accumulate = (offsets: number, labels: number, values: number, scores: number, weights: number, dims: number) => void;
/** Fills the heap at heapScores / heapLabels; returns how many pairs it holds. */
type Top = (scores: number, count: number, k: number, heapScores: number, heapLabels: number) => number;

/** `bytes` of WebAssembly memory and the kernel over it; undefined when not possible (see kernelInstance). */
export function kernelMemory(bytes: number): { buffer: ArrayBuffer; accumulate: Accumulate; top: Top } | undefined {
  const kernel = kernelInstance(ACCUMULATE_WASM, bytes);
  return kernel && { buffer: kernel.buffer, accumulate: kernel.exports["accumulate"] as Accumulate, top: kernel.exports["top"] as Top };
}
