import { kernelInstance } from "./wasmKernel.js";

/**
 * LexicalIndex.search's two loops over every posting of a query term, as WebAssembly (why: see
 * wasmKernel.ts): "admit" while unseen chunks still enter the running, "scan" once only chunks
 * in the running are added to. Each does LexicalIndex.add's arithmetic in the same order, in
 * double precision, so scores are bit-identical to the JavaScript path (which a filtered search
 * and a machine without the memory still take; tests/index/LexicalIndex.test.ts compares both).
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
 *   (func (export "setup")
 *     (param $lengthNorm i32) (param $scores i32) (param $lastTerm i32) (param $touched i32)
 *     (param $candidates i32) (param $matched i32) (param $docs i32) (param $tfs i32)
 *     (global.set $lengthNorm (local.get $lengthNorm))
 *     (global.set $scores (local.get $scores))
 *     (global.set $lastTerm (local.get $lastTerm))
 *     (global.set $touched (local.get $touched))
 *     (global.set $candidates (local.get $candidates))
 *     (global.set $matched (local.get $matched))
 *     (global.set $docs (local.get $docs))
 *     (global.set $tfs (local.get $tfs)))
 *   ;; One posting's contribution to a chunk in the running (LexicalIndex.add): the score in double
 *   ;; precision in the JavaScript expression's order, and one more matched term the first time this query term reaches it.
 *   (func $add (param $p i32) (param $doc i32) (param $last i32) (param $qi i32) (param $weight f64) (param $idf f64) (param $kp1 f64) (param $d f64)
 *     (local $tf f64) (local $slot i32)
 *     (local.set $tf (f64.convert_i32_u (i32.load (i32.add (global.get $tfs) (i32.shl (local.get $p) (i32.const 2))))))
 *     (local.set $slot (i32.add (global.get $scores) (i32.shl (local.get $doc) (i32.const 3))))
 *     (f64.store (local.get $slot)
 *       (f64.add (f64.load (local.get $slot))
 *         (f64.mul (local.get $weight)
 *           (f64.mul (local.get $idf)
 *             (f64.add (local.get $d)
 *               (f64.div (f64.mul (local.get $tf) (local.get $kp1))
 *                 (f64.add (local.get $tf) (f64.load (i32.add (global.get $lengthNorm) (i32.shl (local.get $doc) (i32.const 3)))))))))))
 *     (if (i32.ne (local.get $last) (local.get $qi))
 *       (then
 *         (local.set $slot (i32.add (global.get $matched) (i32.shl (local.get $doc) (i32.const 1))))
 *         (i32.store16 (local.get $slot) (i32.add (i32.load16_u (local.get $slot)) (i32.const 1)))
 *         (i32.store (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2))) (local.get $qi)))))
 *   ;; Postings [first, end) of a query term while chunks are still admitted: an unseen chunk (lastTerm -1)
 *   ;; is touched and becomes a candidate. Counts of touched and candidates are kept at addresses 0 and 4.
 *   (func (export "admit") (param $first i32) (param $end i32) (param $qi i32) (param $weight f64) (param $idf f64) (param $kp1 f64) (param $d f64)
 *     (local $p i32) (local $doc i32) (local $last i32) (local $touchedCount i32) (local $candidateCount i32)
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
 *           (then (call $add (local.get $p) (local.get $doc) (local.get $last) (local.get $qi) (local.get $weight) (local.get $idf) (local.get $kp1) (local.get $d))))
 *         (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *         (br $posting)))
 *     (i32.store (i32.const 0) (local.get $touchedCount))
 *     (i32.store (i32.const 4) (local.get $candidateCount)))
 *   ;; Postings [first, end) once no chunk is admitted any more: only chunks in the running (lastTerm >= 0) are added to.
 *   (func (export "scan") (param $first i32) (param $end i32) (param $qi i32) (param $weight f64) (param $idf f64) (param $kp1 f64) (param $d f64)
 *     (local $p i32) (local $doc i32) (local $last i32)
 *     (local.set $p (local.get $first))
 *     (block $done
 *       (loop $posting
 *         (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
 *         (local.set $doc (i32.load (i32.add (global.get $docs) (i32.shl (local.get $p) (i32.const 2)))))
 *         (local.set $last (i32.load (i32.add (global.get $lastTerm) (i32.shl (local.get $doc) (i32.const 2)))))
 *         (if (i32.ge_s (local.get $last) (i32.const 0))
 *           (then (call $add (local.get $p) (local.get $doc) (local.get $last) (local.get $qi) (local.get $weight) (local.get $idf) (local.get $kp1) (local.get $d))))
 *         (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *         (br $posting))))
 * )
 */
const LEXICAL_WASM =
  "AGFzbQEAAAABIQNgCH9/f39/f39/AGAIf39/f3x8fHwAYAd/f398fHx8AAIPAQNlbnYGbWVtb3J5AgABAwUEAAECAgYpCH8BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAsHGAMFc2V0dXAAAAVhZG1pdAACBHNjYW4AAwqKAwQiACAAJAAgASQBIAIkAiADJAMgBCQEIAUkBSAGJAYgByQHC3ICAXwBfyMHIABBAnRqKAIAuCEIIwEgAUEDdGohCSAJIAkrAwAgBCAFIAcgCCAGoiAIIwAgAUEDdGorAwCgo6CioqA5AwAgAiADRwRAIwUgAUEBdGohCSAJIAkvAQBBAWo7AQAjAiABQQJ0aiADNgIACwueAQEFf0EAKAIAIQpBBCgCACELIAAhBwJAA0AgByABTw0BIwYgB0ECdGooAgAhCCMCIAhBAnRqKAIAIQkgCUF/RgRAIwMgCkECdGogCDYCACAKQQFqIQojBCALQQJ0aiAINgIAIAtBAWohCwsgCUF+RwRAIAcgCCAJIAIgAyAEIAUgBhABCyAHQQFqIQcMAAsLQQAgCjYCAEEEIAs2AgALUgEDfyAAIQcCQANAIAcgAU8NASMGIAdBAnRqKAIAIQgjAiAIQQJ0aigCACEJIAlBAE4EQCAHIAggCSACIAMgBCAFIAYQAQsgB0EBaiEHDAALCws=";

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
}

type PostingsLoop = (first: number, end: number, queryTerm: number, weight: number, idf: number, kPlusOne: number, d: number) => void;

export interface LexicalKernel {
  buffer: ArrayBuffer;
  admit: PostingsLoop;
  scan: PostingsLoop;
}

/** `bytes` of WebAssembly memory with the kernel set up over `layout`; undefined when not possible (see kernelInstance). */
export function lexicalKernel(bytes: number, layout: LexicalKernelLayout): LexicalKernel | undefined {
  const kernel = kernelInstance(LEXICAL_WASM, bytes);
  if (!kernel) return undefined;
  const { lengthNorm, scores, lastTerm, touched, candidates, matched, docs, tfs } = layout;
  (kernel.exports["setup"] as (...addresses: number[]) => void)(lengthNorm, scores, lastTerm, touched, candidates, matched, docs, tfs);
  return { buffer: kernel.buffer, admit: kernel.exports["admit"] as PostingsLoop, scan: kernel.exports["scan"] as PostingsLoop };
}
