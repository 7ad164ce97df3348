import { dataError } from '../errors.js';
import { MOMENT_KERNELS_WASM } from './moment-kernels-wasm.js';

/**
 * The per-row co-moment updates in WebAssembly (moment-kernels.wat). An accumulator keeps its
 * numbers in a WebAssembly memory, as Float64Array views, and the kernels update them in place;
 * pointers are byte offsets into that memory.
 *
 * Memories are shared: accumulators take consecutive, zeroed slices of a chunk of 1 MiB (a larger
 * one for an accumulator that needs more), and a chunk is freed with the last accumulator that
 * uses it (the views keep it alive). A run with 10,000 scales then holds a few memories, not 10,000:
 * each memory reserves gigabytes of address space for its guard regions.
 */
export interface MomentKernels {
  /** CoMoments.add: row `y` into `mean` and M's upper triangle (`m`), n rows with this one; `delta` is scratch. */
  coMomentsAdd(k: number, n: number, y: number, mean: number, delta: number, m: number): void;
  /** PairwiseCoMoments.add: row `y` (NaN = missing) into `single` ([n, mean, M2] per variable) and `pairs`. */
  pairwiseAdd(k: number, y: number, single: number, pairs: number): void;
  /**
   * ScaleAccumulator.add under listwise deletion: row `y`'s missing answers and dense code
   * counts, the origin, and a complete row (moved to the origin) into CoMoments; 2 u + c (c: the
   * row was complete, u: answered codes left to the caller). See moment-kernels.wat.
   */
  scaleRowAdd(k: number, y: number, ...rest: ScaleRowArguments): number;
  /**
   * ScoreAccumulator.add (Pearson) of `count` rows of p scores from `scores`: shift, minimum,
   * maximum, the histogram counts (`layout`: from, width, bins, counts' address per scale) and
   * pairwiseAdd of the shifted row (written at `y`) into `single` and `pairs`.
   */
  scoreRowsAdd(p: number, scores: number, count: number, shift: number, minimum: number, maximum: number, layout: number, y: number, single: number, pairs: number): void;
  /**
   * scaleRowAdd over `count` rows of k values one after the other from `y`, n the complete rows
   * before them; stops after a row with answered codes left uncounted. Returns r + 65536 c: r
   * rows done, c of them complete (count < 65536).
   */
  scaleRowsAdd(k: number, y: number, count: number, ...rest: ScaleRowArguments): number;
}

/** The arguments of scaleRowAdd after the row (see moment-kernels.wat); n is the rows with this one (scaleRowsAdd: before the block). */
type ScaleRowArguments = [
  missing: number,
  reversed: number,
  dense: number,
  span: number,
  min: number,
  reverseSum: number,
  shift: number,
  n: number,
  mean: number,
  delta: number,
  m: number,
];

/** An accumulator's slice of a kernels' memory: `doubles` f64 values from byte `byteOffset` of `buffer`, zeroed. */
export interface MomentSlice {
  readonly kernels: MomentKernels;
  readonly buffer: ArrayBuffer;
  readonly byteOffset: number;
}

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libs do not declare it); absent with --jitless. */
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => WasmModule;
      Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
      Instance: new (module: WasmModule, imports: object) => { readonly exports: Record<string, unknown> };
    }
  | undefined;
/** A compiled module (opaque here). */
type WasmModule = object;

const PAGE_BYTES = 65536;
const CHUNK_BYTES = 16 * PAGE_BYTES;

let compiled: WasmModule | null = null;
let chunk: { kernels: MomentKernels; buffer: ArrayBuffer; used: number } | null = null;

/** A zeroed slice of `doubles` f64 values, for one accumulator. */
export function momentSlice(doubles: number): MomentSlice {
  const bytes = 8 * doubles;
  if (chunk === null || chunk.used + bytes > chunk.buffer.byteLength) chunk = newChunk(Math.max(CHUNK_BYTES, bytes));
  const byteOffset = chunk.used;
  chunk.used += bytes;
  return { kernels: chunk.kernels, buffer: chunk.buffer, byteOffset };
}

function newChunk(bytes: number): { kernels: MomentKernels; buffer: ArrayBuffer; used: number } {
  if (typeof WebAssembly === 'undefined') {
    throw dataError('this Node.js runs without WebAssembly (as with --jitless), which the co-moment accumulators need', {}, 'run node without --jitless');
  }
  compiled ??= new WebAssembly.Module(Buffer.from(MOMENT_KERNELS_WASM, 'base64'));
  const pages = Math.ceil(bytes / PAGE_BYTES);
  let memory: { readonly buffer: ArrayBuffer };
  try {
    // At most 65,536 pages (4 GiB): the co-moments of about 23,000 items listwise, 13,000 pairwise.
    memory = new WebAssembly.Memory({ initial: pages });
  } catch {
    throw dataError(`the co-moments of so many items need ${(bytes / 2 ** 20).toFixed(0)} MiB of WebAssembly memory, which could not be had (at most 4 GiB, and as the machine allows)`, {}, 'analyse fewer items at once: split the scale or the codebook');
  }
  const { exports } = new WebAssembly.Instance(compiled, { env: { memory } });
  const kernels: MomentKernels = {
    coMomentsAdd: exports.coMomentsAdd as MomentKernels['coMomentsAdd'],
    pairwiseAdd: exports.pairwiseAdd as MomentKernels['pairwiseAdd'],
    scaleRowAdd: exports.scaleRowAdd as MomentKernels['scaleRowAdd'],
    scaleRowsAdd: exports.scaleRowsAdd as MomentKernels['scaleRowsAdd'],
    scoreRowsAdd: exports.scoreRowsAdd as MomentKernels['scoreRowsAdd'],
  };
  return { kernels, buffer: memory.buffer, used: 0 };
}
