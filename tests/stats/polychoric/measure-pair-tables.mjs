// Cost per row of PairTables for 30 items in 3 scales of 10 (3 × 45 pairs), 5-point codes,
// ~5% missing. Run from the repository root: node tests/stats/polychoric/measure-pair-tables.mjs [rows]
// Bundles src/stats/polychoric/pair-tables.ts with esbuild into a temporary file; the rows are
// pregenerated (a pool of 4096 rows, reused) so that only the accumulator is timed; CPU time
// (process.cpuUsage), which other work on the machine disturbs less than wall time.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'pair-tables-'));
try {
  const out = join(dir, 'pair-tables.mjs');
  await build({ entryPoints: ['src/stats/polychoric/pair-tables.ts'], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
  const { PairTables } = await import(pathToFileURL(out).href);
  const codes = [1, 2, 3, 4, 5];
  const scales = [0, 1, 2].map(() => new PairTables(Array.from({ length: 10 }, () => codes)));
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pool = Array.from({ length: 4096 }, () => Float64Array.from({ length: 10 }, () => (rand() < 0.05 ? Number.NaN : 1 + Math.floor(rand() * 5))));
  const run = (n, withTables) => {
    const c0 = process.cpuUsage();
    let sink = 0;
    for (let r = 0; r < n; r++) {
      for (let s = 0; s < 3; s++) {
        const row = pool[(r * 3 + s) & 4095];
        if (withTables) scales[s].add(row);
        else sink += row[0];
      }
    }
    const c = process.cpuUsage(c0);
    return [(c.user + c.system) / 1e6, sink];
  };
  run(200_000, true); // warm up
  const [base] = run(rows, false);
  const [t] = run(rows, true);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  const doubles = scales.reduce((a, s) => a + s.size, 0);
  console.log(`${rows} rows, 30 items in 3 scales of 10 (135 pairs): CPU ${(t - base).toFixed(3)} s (${(((t - base) / rows) * 1e9).toFixed(0)} ns a row; loop alone ${base.toFixed(3)} s)`);
  console.log(`counts held: ${doubles} doubles = ${((doubles * 8) / 1024).toFixed(1)} KiB; heap used ${heap.toFixed(1)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
