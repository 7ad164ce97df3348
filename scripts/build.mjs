// Bundles the CLI into dist/ with esbuild. Start-up time is part of the product: the bundle is
// minified, modules only some runs need (the YAML parser, the codebook commands, chalk) are
// split into chunks loaded on demand, and @stdlib's unused debug logging is left out.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // @stdlib's internal debug logging, never enabled by the CLI, without loading `debug`.
  alias: { debug: './scripts/no-debug.cjs' },
  // CommonJS dependencies (papaparse, @stdlib) call require(); ESM output needs one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
