// Bundles the CLI into dist/cli.cjs with esbuild (scripts/bundle-options.mjs), then writes
// V8's code cache of it, dist/cli.cache (scripts/make-code-cache.cjs): start-up time is part
// of the product.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS, MAKE_CODE_CACHE } from './bundle-options.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
rmSync(dist, { recursive: true, force: true });
await build({ ...BUNDLE_OPTIONS, outfile: `${dist}cli.cjs` });
const cache = spawnSync(process.execPath, [MAKE_CODE_CACHE, `${dist}cli.cjs`, `${dist}cli.cache`], { stdio: ['ignore', 'ignore', 'inherit'] });
if (cache.status !== 0) process.exit(cache.status ?? 1);
