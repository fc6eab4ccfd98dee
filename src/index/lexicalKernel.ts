import { kernelInstance } from "./wasmKernel.js";

/**
 * LexicalIndex.search's loops over postings and candidates, as WebAssembly (why: see
 * wasmKernel.ts): "admit" while unseen chunks still enter the running, "scan" once only chunks
 * in the running are added to, "kth" and "prune" after each query term, "reset" at the end.
 * Each does the JavaScript's arithmetic in the same order, in double precision, so scores and
 * decisions are bit-identical to the JavaScript path (which a filtered search and a machine
 * without the memory still take; tests/index/lexicalRanking.test.ts compares both).
 * The scratch arrays and postings live in the module's memory; addresses 0 and 4 hold the counts
 * of touched chunks and candidates.
 *
 * Source (WebAssembly text; the bytes below are `wat2wasm` of it, wabt 1.0.39):
 *
 * (module
 *   (import "env" "memory" (memory 1))
 *   (global $lengthNorm (mut i32) (i32.const 0))
 *   (global $scores (mut i32) (i32.const 0))
 *   (global $lastTerm (mut i32) (i32.const 0))
 *   (global $touched (mut i32) (i32.const 0))
 *   (global $candidates (mut i32) (i32.const 0))
 *   (global $matched (mut i32) (i32.const 0))
 *   (global $docs (mut i32) (i32.const 0))
 *   (global $tfs (mut i32) (i32.const 0))
 *   (global $heap (mut i32) (i32.const 0))
 *   (func (export "setup")
 *     (param $lengthNorm i32) (param $scores i32) (param $lastTerm i32) (param $touched i32)
 *     (param $candidates i32) (param $matched i32) (param $docs i32) (param $tfs i32) (param $heap i32)
 *     (global.set $lengthNorm (local.get $lengthNorm))
 *     (global.set $scores (local.get $scores))
 *     (global.set $lastTerm (local.get $lastTerm))
 *     (global.set $touched (local.get $touched))
 *     (global.set $candidates (local.get $candidates))
 *     (global.set $matched (local.get $matched))
 *     (global.set $docs (local.get $docs))
 *     (global.set $tfs (local.get $tfs))
 *     (global.set $heap (local.get $heap)))
 *   ;; One posting's contribution to a chunk in the running (LexicalIndex.add, written out in both loops below): the
 *   ;; score in double precision in the JavaScript expression's order, and one more matched term the first time this
 *   ;; query term reaches it.
 *   ;; Postings [first, end) of a query term while chunks are still admitted: an unseen chunk (lastTerm -1)
 *   ;; is touched and becomes a candidate. Counts of touched and candidates are kept at addresses 0 and 4.
 *   (func (export "admit") (param $first i32) (param $end i32) (param $qi i32) (param $weight f64) (param $idf f64) (param $kp1 f64) (param $d f64)
 *     (local $p i32) (local $doc i32) (local $last i32) (local $touchedCount i32) (local $candidateCount i32) (local $tf f64) (local $slot i32)
 *     (local.set $touchedCount (i32.load (i32.const 0)))
 *     (local.set $candidateCount (i32.load (i32.const 4)))
 *     (local.set $p (local.get $first))
 *     (block $done
 *       (loop $posting
 *         (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
 *         (local.set $doc (i32.load (i32.add (global.get $docs) (i32.shl (local.get $p) (i32.const 2)))))
 *         (local.set $last (i32.load (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2)))))
 *         (if (i32.eq (local.get $last) (i32.const -1))
 *           (then
 *             (i32.store (i32.add (global.get $touched) (i32.shl (local.get $touchedCount) (i32.const 2))) (local.get $doc))
 *             (local.set $touchedCount (i32.add (local.get $touchedCount) (i32.const 1)))
 *             (i32.store (i32.add (global.get $candidates) (i32.shl (local.get $candidateCount) (i32.const 2))) (local.get $doc))
 *             (local.set $candidateCount (i32.add (local.get $candidateCount) (i32.const 1)))))
 *         (if (i32.ne (local.get $last) (i32.const -2))
 *           (then (block
 *             (local.set $tf (f64.convert_i32_u (i32.load (i32.add (global.get $tfs) (i32.shl (local.get $p) (i32.const 2))))))
 *             (local.set $slot (i32.add (global.get $scores) (i32.shl (local.get $doc) (i32.const 3))))
 *             (f64.store (local.get $slot)
 *               (f64.add (f64.load (local.get $slot))
 *                 (f64.mul (local.get $weight)
 *                   (f64.mul (local.get $idf)
 *                     (f64.add (local.get $d)
 *                       (f64.div (f64.mul (local.get $tf) (local.get $kp1))
 *                         (f64.add (local.get $tf) (f64.load (i32.add (global.get $lengthNorm) (i32.shl (local.get $doc) (i32.const 3)))))))))))
 *             (if (i32.ne (local.get $last) (local.get $qi))
 *               (then
 *                 (local.set $slot (i32.add (global.get $matched) (i32.shl (local.get $doc) (i32.const 1))))
 *                 (i32.store16 (local.get $slot) (i32.add (i32.load16_u (local.get $slot)) (i32.const 1)))
 *                 (i32.store (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2))) (local.get $qi)))))))
 *         (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *         (br $posting)))
 *     (i32.store (i32.const 0) (local.get $touchedCount))
 *     (i32.store (i32.const 4) (local.get $candidateCount)))
 *   ;; Postings [first, end) once no chunk is admitted any more: only chunks in the running (lastTerm >= 0) are added to.
 *   (func (export "scan") (param $first i32) (param $end i32) (param $qi i32) (param $weight f64) (param $idf f64) (param $kp1 f64) (param $d f64)
 *     (local $p i32) (local $doc i32) (local $last i32) (local $tf f64) (local $slot i32)
 *     (local.set $p (local.get $first))
 *     (block $done
 *       (loop $posting
 *         (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
 *         (local.set $doc (i32.load (i32.add (global.get $docs) (i32.shl (local.get $p) (i32.const 2)))))
 *         (local.set $last (i32.load (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2)))))
 *         (if (i32.ge_s (local.get $last) (i32.const 0))
 *           (then (block
 *             (local.set $tf (f64.convert_i32_u (i32.load (i32.add (global.get $tfs) (i32.shl (local.get $p) (i32.const 2))))))
 *             (local.set $slot (i32.add (global.get $scores) (i32.shl (local.get $doc) (i32.const 3))))
 *             (f64.store (local.get $slot)
 *               (f64.add (f64.load (local.get $slot))
 *                 (f64.mul (local.get $weight)
 *                   (f64.mul (local.get $idf)
 *                     (f64.add (local.get $d)
 *                       (f64.div (f64.mul (local.get $tf) (local.get $kp1))
 *                         (f64.add (local.get $tf) (f64.load (i32.add (global.get $lengthNorm) (i32.shl (local.get $doc) (i32.const 3)))))))))))
 *             (if (i32.ne (local.get $last) (local.get $qi))
 *               (then
 *                 (local.set $slot (i32.add (global.get $matched) (i32.shl (local.get $doc) (i32.const 1))))
 *                 (i32.store16 (local.get $slot) (i32.add (i32.load16_u (local.get $slot)) (i32.const 1)))
 *                 (i32.store (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2))) (local.get $qi)))))))
 *         (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *         (br $posting))))
 *   ;; The k-th highest final score of candidates [0, count) (0 when fewer than k), by a min-heap of k scores.
 *   (func (export "kth") (param $count i32) (param $k i32) (result f64)
 *     (local $c i32) (local $size i32) (local $v f64) (local $i i32) (local $parent i32) (local $child i32) (local $pv f64) (local $cv f64) (local $doc i32)
 *     (block $done
 *       (loop $candidate
 *         (br_if $done (i32.ge_u (local.get $c) (local.get $count)))
 *         (local.set $doc (i32.load (i32.add (global.get $candidates) (i32.shl (local.get $c) (i32.const 2)))))
 *         ;; Its final score: the summed impact times the number of query terms it matched.
 *         (local.set $v
 *           (f64.mul
 *             (f64.load (i32.add (global.get $scores) (i32.shl (local.get $doc) (i32.const 3))))
 *             (f64.convert_i32_u (i32.load16_u (i32.add (global.get $matched) (i32.shl (local.get $doc) (i32.const 1)))))))
 *         (if (i32.lt_u (local.get $size) (local.get $k))
 *           (then
 *             ;; Sift up from the new last slot.
 *             (local.set $i (local.get $size))
 *             (local.set $size (i32.add (local.get $size) (i32.const 1)))
 *             (block $placed
 *               (loop $up
 *                 (br_if $placed (i32.eqz (local.get $i)))
 *                 (local.set $parent (i32.shr_u (i32.sub (local.get $i) (i32.const 1)) (i32.const 1)))
 *                 (local.set $pv (f64.load (i32.add (global.get $heap) (i32.shl (local.get $parent) (i32.const 3)))))
 *                 (br_if $placed (f64.le (local.get $pv) (local.get $v)))
 *                 (f64.store (i32.add (global.get $heap) (i32.shl (local.get $i) (i32.const 3))) (local.get $pv))
 *                 (local.set $i (local.get $parent))
 *                 (br $up)))
 *             (f64.store (i32.add (global.get $heap) (i32.shl (local.get $i) (i32.const 3))) (local.get $v)))
 *           (else
 *             (if (f64.gt (local.get $v) (f64.load (global.get $heap)))
 *               (then
 *                 ;; Replace the root (the lowest) and sift down.
 *                 (local.set $i (i32.const 0))
 *                 (block $placed
 *                   (loop $down
 *                     (local.set $child (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 1)))
 *                     (br_if $placed (i32.ge_u (local.get $child) (local.get $size)))
 *                     (local.set $cv (f64.load (i32.add (global.get $heap) (i32.shl (local.get $child) (i32.const 3)))))
 *                     (if (i32.lt_u (i32.add (local.get $child) (i32.const 1)) (local.get $size))
 *                       (then
 *                         (if (f64.lt (f64.load (i32.add (global.get $heap) (i32.shl (i32.add (local.get $child) (i32.const 1)) (i32.const 3)))) (local.get $cv))
 *                           (then
 *                             (local.set $child (i32.add (local.get $child) (i32.const 1)))
 *                             (local.set $cv (f64.load (i32.add (global.get $heap) (i32.shl (local.get $child) (i32.const 3)))))))))
 *                     (br_if $placed (f64.ge (local.get $cv) (local.get $v)))
 *                     (f64.store (i32.add (global.get $heap) (i32.shl (local.get $i) (i32.const 3))) (local.get $cv))
 *                     (local.set $i (local.get $child))
 *                     (br $down)))
 *                 (f64.store (i32.add (global.get $heap) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))))))
 *         (local.set $c (i32.add (local.get $c) (i32.const 1)))
 *         (br $candidate)))
 *     (if (result f64) (i32.lt_u (local.get $size) (local.get $k))
 *       (then (f64.const 0))
 *       (else (f64.load (global.get $heap)))))
 *   ;; Keeps the candidates whose best possible final score, (score + remainingBound) × (matched + remainingTerms) × safety,
 *   ;; is at least kth (LexicalIndex.search's pruning, same arithmetic); returns how many are kept, in their order.
 *   (func (export "prune") (param $count i32) (param $remainingBound f64) (param $remainingTerms f64) (param $safety f64) (param $kth f64) (result i32)
 *     (local $c i32) (local $kept i32) (local $doc i32)
 *     (block $done
 *       (loop $candidate
 *         (br_if $done (i32.ge_u (local.get $c) (local.get $count)))
 *         (local.set $doc (i32.load (i32.add (global.get $candidates) (i32.shl (local.get $c) (i32.const 2)))))
 *         (if (f64.ge
 *               (f64.mul
 *                 (f64.mul
 *                   (f64.add (f64.load (i32.add (global.get $scores) (i32.shl (local.get $doc) (i32.const 3)))) (local.get $remainingBound))
 *                   (f64.add
 *                     (f64.convert_i32_u (i32.load16_u (i32.add (global.get $matched) (i32.shl (local.get $doc) (i32.const 1)))))
 *                     (local.get $remainingTerms)))
 *                 (local.get $safety))
 *               (local.get $kth))
 *           (then
 *             (i32.store (i32.add (global.get $candidates) (i32.shl (local.get $kept) (i32.const 2))) (local.get $doc))
 *             (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
 *         (local.set $c (i32.add (local.get $c) (i32.const 1)))
 *         (br $candidate)))
 *     (local.get $kept))
 *   ;; Clears what a search wrote for touched chunks [0, count): score 0, matched 0, lastTerm -1 (unseen).
 *   (func (export "reset") (param $count i32)
 *     (local $t i32) (local $doc i32)
 *     (block $done
 *       (loop $touched
 *         (br_if $done (i32.ge_u (local.get $t) (local.get $count)))
 *         (local.set $doc (i32.load (i32.add (global.get $touched) (i32.shl (local.get $t) (i32.const 2)))))
 *         (f64.store (i32.add (global.get $scores) (i32.shl (local.get $doc) (i32.const 3))) (f64.const 0))
 *         (i32.store16 (i32.add (global.get $matched) (i32.shl (local.get $doc) (i32.const 1))) (i32.const 0))
 *         (i32.store (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2))) (i32.const -1))
 *         (local.set $t (i32.add (local.get $t) (i32.const 1)))
 *         (br $touched))))
 * )
 */
const LEXICAL_WASM =
  "AGFzbQEAAAABKgVgCX9/f39/f39/fwBgB39/f3x8fHwAYAJ/fwF8YAV/fHx8fAF/YAF/AAIPAQNlbnYGbWVtb3J5AgABAwcGAAEBAgMEBi4JfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALBy4GBXNldHVwAAAFYWRtaXQAAQRzY2FuAAIDa3RoAAMFcHJ1bmUABAVyZXNldAAFCuUHBiYAIAAkACABJAEgAiQCIAMkAyAEJAQgBSQFIAYkBiAHJAcgCCQIC/8BAwV/AXwBf0EAKAIAIQpBBCgCACELIAAhBwJAA0AgByABTw0BIwYgB0ECdGooAgAhCCMCIAhBAnRqKAIAIQkgCUF/RgRAIwMgCkECdGogCDYCACAKQQFqIQojBCALQQJ0aiAINgIAIAtBAWohCwsgCUF+RwRAAkAjByAHQQJ0aigCALghDCMBIAhBA3RqIQ0gDSANKwMAIAMgBCAGIAwgBaIgDCMAIAhBA3RqKwMAoKOgoqKgOQMAIAkgAkcEQCMFIAhBAXRqIQ0gDSANLwEAQQFqOwEAIwIgCEECdGogAjYCAAsLCyAHQQFqIQcMAAsLQQAgCjYCAEEEIAs2AgALswEDA38BfAF/IAAhBwJAA0AgByABTw0BIwYgB0ECdGooAgAhCCMCIAhBAnRqKAIAIQkgCUEATgRAAkAjByAHQQJ0aigCALghCiMBIAhBA3RqIQsgCyALKwMAIAMgBCAGIAogBaIgCiMAIAhBA3RqKwMAoKOgoqKgOQMAIAkgAkcEQCMFIAhBAXRqIQsgCyALLwEAQQFqOwEAIwIgCEECdGogAjYCAAsLCyAHQQFqIQcMAAsLC8oCBQJ/AXwDfwJ8AX8CQANAIAIgAE8NASMEIAJBAnRqKAIAIQojASAKQQN0aisDACMFIApBAXRqLwEAuKIhBCADIAFJBEAgAyEFIANBAWohAwJAA0AgBUUNASAFQQFrQQF2IQYjCCAGQQN0aisDACEIIAggBGUNASMIIAVBA3RqIAg5AwAgBiEFDAALCyMIIAVBA3RqIAQ5AwAFIAQjCCsDAGQEQEEAIQUCQANAIAVBAXRBAWohByAHIANPDQEjCCAHQQN0aisDACEJIAdBAWogA0kEQCMIIAdBAWpBA3RqKwMAIAljBEAgB0EBaiEHIwggB0EDdGorAwAhCQsLIAkgBGYNASMIIAVBA3RqIAk5AwAgByEFDAALCyMIIAVBA3RqIAQ5AwALCyACQQFqIQIMAAsLIAMgAUkEfEQAAAAAAAAAAAUjCCsDAAsLZAEDfwJAA0AgBSAATw0BIwQgBUECdGooAgAhByMBIAdBA3RqKwMAIAGgIwUgB0EBdGovAQC4IAKgoiADoiAEZgRAIwQgBkECdGogBzYCACAGQQFqIQYLIAVBAWohBQwACwsgBgtVAQJ/AkADQCABIABPDQEjAyABQQJ0aigCACECIwEgAkEDdGpEAAAAAAAAAAA5AwAjBSACQQF0akEAOwEAIwIgAkECdGpBfzYCACABQQFqIQEMAAsLCw==";

/** Byte addresses of the arrays in the kernel's memory. */
export interface LexicalKernelLayout {
  lengthNorm: number;
  scores: number;
  lastTerm: number;
  touched: number;
  candidates: number;
  matched: number;
  docs: number;
  tfs: number;
  /** float64 × chunks: the min-heap kth selects in. */
  heap: number;
}

type PostingsLoop = (first: number, end: number, queryTerm: number, weight: number, idf: number, kPlusOne: number, d: number) => void;

export interface LexicalKernel {
  buffer: ArrayBuffer;
  admit: PostingsLoop;
  scan: PostingsLoop;
  /** The k-th highest final score (impact sum × matched terms) of the first `count` candidates; 0 when fewer. */
  kth: (count: number, k: number) => number;
  /** Keeps, in order, the candidates that can still reach `kth`; returns how many. */
  prune: (count: number, remainingBound: number, remainingTerms: number, safety: number, kth: number) => number;
  /** Clears score, matched and lastTerm of the first `count` touched chunks. */
  reset: (count: number) => void;
}

/** `bytes` of WebAssembly memory with the kernel set up over `layout`; undefined when not possible (see kernelInstance). */
export function lexicalKernel(bytes: number, layout: LexicalKernelLayout): LexicalKernel | undefined {
  const kernel = kernelInstance(LEXICAL_WASM, bytes);
  if (!kernel) return undefined;
  const { lengthNorm, scores, lastTerm, touched, candidates, matched, docs, tfs, heap } = layout;
  (kernel.exports["setup"] as (...addresses: number[]) => void)(
    lengthNorm,
    scores,
    lastTerm,
    touched,
    candidates,
    matched,
    docs,
    tfs,
    heap,
  );
  const { admit, scan, kth, prune, reset } = kernel.exports as unknown as Omit<LexicalKernel, "buffer">;
  return { buffer: kernel.buffer, admit, scan, kth, prune, reset };
}

/**
 * The kernel memory's byte layout for n chunks, `offsetCount` term offsets and p postings: counts
 * (2 × int32), lengthNorm, scores and the kth heap (float64), lastTerm, touched, candidates
 * (32-bit), matched (uint16, padded), then the postings as lexical.bin has them (docLengths,
 * offsets, docs, tfs), so the file can be read into place.
 */
export function lexicalKernelLayout(n: number, offsetCount: number, p: number) {
  const addresses = {
    lengthNorm: 8,
    scores: 8 + 8 * n,
    heap: 8 + 16 * n,
    lastTerm: 8 + 24 * n,
    touched: 8 + 28 * n,
    candidates: 8 + 32 * n,
    matched: 8 + 36 * n,
    docs: 0,
    tfs: 0,
  };
  const postingsAt = addresses.matched + 4 * Math.ceil(n / 2);
  const offsetsAt = postingsAt + 4 * n;
  addresses.docs = offsetsAt + 4 * offsetCount;
  addresses.tfs = addresses.docs + 4 * p;
  return { addresses, postingsAt, offsetsAt, bytes: addresses.tfs + 4 * p };
}
