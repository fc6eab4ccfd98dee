/**
 * A small WebAssembly module instantiated over its own memory, for the two scoring loops that
 * run over every posting of a question's terms (sparseDotKernel.ts, lexicalKernel.ts). Why
 * WebAssembly: V8 compiles a loop over typed arrays that are an object's fields (not constants
 * it can see) about 3× slower than the same loop over constants, reloading each array's base
 * and length per element; in WebAssembly the memory's base is a register and bounds checks are
 * free. The kernels do the JavaScript arithmetic in the same order, so results are bit-identical.
 */

/** WebAssembly memory is addressed by 32 bits: 65,536 pages of 64 KiB. */
const WASM_PAGE = 65_536;
const MAX_WASM_PAGES = 65_536;

const compiled = new Map<string, WebAssembly.Module>();

/**
 * `bytes` of zeroed WebAssembly memory and the module's exports over it; undefined when that is
 * not possible (beyond 32-bit addresses, or no memory to be had): the caller keeps its
 * JavaScript loop over an ArrayBuffer.
 */
export function kernelInstance(base64: string, bytes: number): { buffer: ArrayBuffer; exports: WebAssembly.Exports } | undefined {
  const pages = Math.max(1, Math.ceil(bytes / WASM_PAGE));
  if (pages > MAX_WASM_PAGES) return undefined;
  try {
    let module = compiled.get(base64);
    if (!module) compiled.set(base64, (module = new WebAssembly.Module(Buffer.from(base64, "base64"))));
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return { buffer: memory.buffer, exports: instance.exports };
  } catch {
    // RangeError: no address space or memory for it. The JavaScript loop still works.
    return undefined;
  }
}
