/** The types of build-wasm.mjs, for the TypeScript that imports it (tests/stats/moment-kernels.test.ts). */

/** Path of src/stats/moment-kernels.wat. */
export declare const WAT: string;
/** Path of src/stats/moment-kernels-wasm.ts, the generated module. */
export declare const GENERATED: string;
/** The binary of a WebAssembly text module. */
export declare function watToWasm(text: string, name?: string): Promise<Buffer>;
/** The TypeScript module that holds `binary`. */
export declare function generatedSource(binary: Buffer): string;
