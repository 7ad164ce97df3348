/**
 * The WebAssembly co-moment kernels (src/stats/moment-kernels.wat) against the JavaScript
 * updates they replace, bit for bit: CoMoments.add against Welford's loop written out below,
 * PairwiseCoMoments.add against updateUnivariate and updatePair (univariate-moments.ts,
 * paired-moments.ts), on random rows (fast-check picks the seed, k, n, the origin and the
 * missingness). Also: the committed binary is the translation of the .wat as it stands, a
 * reset accumulator is a new one, a structured clone carries the numbers, and a Node.js without
 * WebAssembly gets a clear error.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODULES, currentSource } from '../../scripts/build-wasm.mjs';
import { SurveyError } from '../../src/errors.js';
import { CoMoments } from '../../src/stats/co-moments.js';
import { momentSlice } from '../../src/stats/moment-kernels.js';
import { PAIR_STRIDE, updatePair } from '../../src/stats/paired-moments.js';
import { PairwiseCoMoments } from '../../src/stats/pairwise-co-moments.js';
import { UNIVARIATE_STRIDE, updateUnivariate } from '../../src/stats/univariate-moments.js';
import { mulberry32 } from '../../scripts/mulberry32.mjs';

function bits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

/** n rows of k values: integer codes or continuous values around `origin`, NaN with probability `missing`. */
function randomRows(seed: number, n: number, k: number, origin: number, missing: number, codes: boolean): Float64Array[] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () =>
    Float64Array.from({ length: k }, () => {
      if (next() < missing) return Number.NaN;
      return codes ? origin + Math.floor(next() * 5) : origin + (next() - 0.5) * 1e3;
    }),
  );
}

/** The reference: Welford's update of the mean and M's upper triangle, as co-moments.ts did it in JavaScript. */
function welford(rows: Float64Array[], k: number): { n: number; mean: Float64Array; m: Float64Array } {
  const mean = new Float64Array(k);
  const m = new Float64Array(k * k);
  const delta = new Float64Array(k);
  let n = 0;
  for (const y of rows) {
    n++;
    for (let i = 0; i < k; i++) {
      const d = y[i] - mean[i];
      delta[i] = d;
      mean[i] += d / n;
    }
    for (let i = 0; i < k; i++) for (let j = i; j < k; j++) m[i * k + j] += delta[i] * (y[j] - mean[j]);
  }
  return { n, mean, m };
}

/** The reference: every observed value and pair through updateUnivariate and updatePair. */
function pairwiseReference(rows: Float64Array[], k: number): { single: Float64Array; pairs: Float64Array } {
  const single = new Float64Array(k * UNIVARIATE_STRIDE);
  const pairs = new Float64Array(((k * (k - 1)) / 2) * PAIR_STRIDE);
  for (const y of rows) {
    let p = 0;
    for (let i = 0; i < k; i++) {
      if (!Number.isNaN(y[i])) updateUnivariate(single, i * UNIVARIATE_STRIDE, y[i]);
      for (let j = i + 1; j < k; j++, p += PAIR_STRIDE) if (!Number.isNaN(y[i]) && !Number.isNaN(y[j])) updatePair(pairs, p, y[i], y[j]);
    }
  }
  return { single, pairs };
}

const shapes = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  k: fc.integer({ min: 1, max: 40 }),
  n: fc.integer({ min: 0, max: 300 }),
  origin: fc.constantFrom(0, 1, -3, 1e6),
  codes: fc.boolean(),
});

describe('the committed WebAssembly binary', () => {
  it('is the translation of moment-kernels.wat', async () => {
    const module = MODULES.find((m) => m.wat.endsWith('moment-kernels.wat'))!;
    expect(readFileSync(module.generated, 'utf8'), 'run npm run build:wasm').toBe(await currentSource(module));
  });
});

describe('CoMoments.add (WebAssembly)', () => {
  it('is bit for bit Welford in JavaScript', () => {
    fc.assert(
      fc.property(shapes, ({ seed, k, n, origin, codes }) => {
        const rows = randomRows(seed, n, k, origin, 0, codes);
        const moments = new CoMoments(k);
        for (const row of rows) moments.add(row);
        const reference = welford(rows, k);
        expect(moments.n).toBe(reference.n);
        expect(bits(moments.mean)).toBe(bits(reference.mean));
        // The lower triangle is never written: both are 0 there.
        expect(bits(moments.m)).toBe(bits(reference.m));
      }),
      { numRuns: 120 },
    );
  });

  it('reads a row written into `row` in place as it reads a copy', () => {
    const rows = randomRows(7, 50, 6, 2, 0, true);
    const copied = new CoMoments(6);
    const inPlace = new CoMoments(6);
    for (const row of rows) {
      copied.add(row);
      inPlace.row.set(row);
      inPlace.add(inPlace.row);
    }
    expect(bits(inPlace.m)).toBe(bits(copied.m));
    expect(bits(inPlace.mean)).toBe(bits(copied.mean));
  });

  it('after reset() is a new accumulator', () => {
    const moments = new CoMoments(5);
    for (const row of randomRows(3, 40, 5, 1, 0, false)) moments.add(row);
    moments.reset();
    const fresh = new CoMoments(5);
    const rows = randomRows(4, 30, 5, 1, 0, false);
    for (const row of rows) {
      moments.add(row);
      fresh.add(row);
    }
    expect(moments.n).toBe(30);
    expect(bits(moments.m)).toBe(bits(fresh.m));
    expect(bits(moments.mean)).toBe(bits(fresh.mean));
  });

  it('keeps each accumulator apart (its own memory)', () => {
    const a = new CoMoments(3);
    const b = new CoMoments(3);
    a.add(Float64Array.of(1, 2, 3));
    a.add(Float64Array.of(2, 4, 7));
    expect(b.n).toBe(0);
    expect([...b.m, ...b.mean].every((v) => v === 0)).toBe(true);
    expect(a.covariance()[0 * 3 + 2]).toBe(2);
  });

  it('survives a structured clone as data: the clone holds the numbers, not the kernels', () => {
    const moments = new CoMoments(4);
    for (const row of randomRows(9, 25, 4, 0, 0, false)) moments.add(row);
    const clone = structuredClone(moments) as unknown as { n: number; mean: Float64Array; m: Float64Array };
    expect(clone.n).toBe(25);
    expect(bits(clone.mean)).toBe(bits(moments.mean));
    expect(bits(clone.m)).toBe(bits(moments.m));
    expect(Object.values(clone).some((v) => typeof v === 'function')).toBe(false);
  });
});

describe('PairwiseCoMoments.add (WebAssembly)', () => {
  it('is bit for bit updateUnivariate and updatePair, missing values included', () => {
    fc.assert(
      fc.property(shapes, fc.constantFrom(0, 0.1, 0.5, 1), ({ seed, k, n, origin, codes }, missing) => {
        const rows = randomRows(seed, n, k, origin, missing, codes);
        const moments = new PairwiseCoMoments(k);
        for (const row of rows) moments.add(row);
        const reference = pairwiseReference(rows, k);
        expect(bits(moments.single)).toBe(bits(reference.single));
        expect(bits(moments.pairs)).toBe(bits(reference.pairs));
      }),
      { numRuns: 120 },
    );
  });

  it('after reset() is a new accumulator', () => {
    const moments = new PairwiseCoMoments(4);
    for (const row of randomRows(5, 30, 4, 0, 0.2, true)) moments.add(row);
    moments.reset();
    const rows = randomRows(6, 30, 4, 0, 0.2, true);
    for (const row of rows) moments.add(row);
    const reference = pairwiseReference(rows, 4);
    expect(bits(moments.pairs)).toBe(bits(reference.pairs));
    expect(bits(moments.single)).toBe(bits(reference.single));
  });
});

describe('momentSlice', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands out zeroed slices that do not overlap, in shared memories, however large', () => {
    const sizes = [10, 3, 200_000, 1, 70_000, 5];
    const slices = sizes.map((doubles) => {
      const slice = { doubles, ...momentSlice(doubles) };
      // Zeroed, although every slice before it was written all over.
      const view = new Float64Array(slice.buffer, slice.byteOffset, doubles);
      expect(view.every((v) => v === 0)).toBe(true);
      view.fill(7);
      return slice;
    });
    for (const { doubles, buffer, byteOffset } of slices) {
      expect(byteOffset % 8).toBe(0);
      expect(byteOffset + 8 * doubles).toBeLessThanOrEqual(buffer.byteLength);
    }
    for (const [a, b] of slices.flatMap((x, i) => slices.slice(i + 1).map((y) => [x, y] as const))) {
      if (a.buffer !== b.buffer) continue;
      const apart = a.byteOffset + 8 * a.doubles <= b.byteOffset || b.byteOffset + 8 * b.doubles <= a.byteOffset;
      expect(apart, `${a.doubles} and ${b.doubles} doubles overlap`).toBe(true);
    }
    // Small slices share a memory; one larger than a chunk gets a larger memory of its own (which
    // the slices after it may share).
    expect(slices[0].buffer).toBe(slices[1].buffer);
    expect(slices[2].buffer).not.toBe(slices[0].buffer);
    expect(slices[2].buffer.byteLength).toBeGreaterThanOrEqual(1_600_000);
  });

  it('refuses co-moments beyond WebAssembly memory with a clear error, and goes on after it', () => {
    let error: unknown;
    try {
      new CoMoments(40_000);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SurveyError);
    expect((error as SurveyError).exitCode).toBe(1);
    expect((error as SurveyError).message).toMatch(/MiB of WebAssembly memory/);
    const moments = new CoMoments(2);
    moments.add(Float64Array.of(1, 2));
    expect(moments.n).toBe(1);
  });

  it('10,000 accumulators share a few memories, and each one gives its own figures', () => {
    const many = Array.from({ length: 10_000 }, () => new CoMoments(2));
    many.forEach((moments, i) => {
      moments.add(Float64Array.of(i, 1));
      moments.add(Float64Array.of(i + 2, 2));
    });
    expect(new Set(many.map((moments) => moments.m.buffer)).size).toBeLessThanOrEqual(2);
    many.forEach((moments, i) => {
      expect(moments.mean[0]).toBe(i + 1);
      expect(moments.covariance()[1]).toBe(1);
    });
  });

  it('refuses clearly where Node.js runs without WebAssembly (--jitless)', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const fresh = await import('../../src/stats/moment-kernels.js');
    let error: unknown;
    try {
      fresh.momentSlice(1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as SurveyError).exitCode).toBe(1);
    expect((error as SurveyError).message).toMatch(/without WebAssembly/);
  });
});
