/** The types of build-wasm.mjs, for the TypeScript that imports it (the tests of the WebAssembly modules). */

export interface WasmModuleSource {
  /** Path of the .wat. */
  wat: string;
  /** Path of the generated TypeScript module. */
  generated: string;
  /** The name of the constant that holds the binary. */
  constant: string;
}
/** src/stats/moment-kernels.wat, then src/read/plain-rows.wat. */
export declare const MODULES: WasmModuleSource[];
/** The binary of a WebAssembly text module. */
export declare function watToWasm(text: string, name: string): Promise<Buffer>;
/** The TypeScript module that holds the binary of `module`. */
export declare function generatedSource(module: WasmModuleSource, binary: Buffer): string;
/** The generated TypeScript of `module` as its .wat stands now. */
export declare function currentSource(module: WasmModuleSource): Promise<string>;
