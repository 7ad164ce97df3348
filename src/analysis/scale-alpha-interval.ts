import type { AlphaCiMethod, Interval, Warning } from '../report/report.js';
import { bootstrapAlphaInterval } from '../stats/bootstrap-alpha-interval.js';
import { duhachekInterval } from '../stats/duhachek-interval.js';
import { feldtInterval } from '../stats/feldt-interval.js';
import type { ScaleAccumulator } from './scale-accumulator.js';
import type { ScaleFigures } from './scale-figures.js';

export interface AlphaIntervalOptions {
  alphaCi: AlphaCiMethod;
  confLevel: number;
  bootstrap: { resamples: number; seed: number };
}

/**
 * The confidence interval of raw alpha by the chosen method:
 * - `feldt`: Feldt (1965) F interval (feldt-interval.ts), psych `alpha.ci`;
 * - `duhachek`: α ∓ z sqrt(Q / n), Duhachek & Iacobucci (2004), psych `ase`;
 * - `bootstrap`: percentile interval over resampled rows, seeded (bootstrap-alpha-interval.ts).
 * n is psych's: the complete cases under listwise deletion, every row under pairwise.
 */
export function scaleAlphaInterval(
  acc: ScaleAccumulator,
  figures: ScaleFigures,
  n: number,
  options: AlphaIntervalOptions,
  scaleId: string,
  warnings: Warning[],
): Interval & { resamples?: number; seed?: number } {
  const level = options.confLevel;
  const k = figures.k;
  const alpha = figures.alpha;
  const defined = Number.isFinite(alpha);
  switch (options.alphaCi) {
    case 'feldt': {
      const { lower, upper } = defined ? feldtInterval(alpha, n, k, level) : { lower: null, upper: null };
      return { method: 'feldt', level, lower, upper };
    }
    case 'duhachek': {
      const { lower, upper } = defined
        ? duhachekInterval(alpha, figures.q, n, level)
        : { lower: null, upper: null };
      return { method: 'duhachek', level, lower, upper };
    }
    case 'bootstrap': {
      const { resamples, seed } = options.bootstrap;
      if (!defined) return { method: 'bootstrap', level, lower: null, upper: null, resamples, seed };
      const stored = acc.storedRows();
      const result = bootstrapAlphaInterval(stored.rows, stored.n, k, {
        pairwise: acc.missingMethod === 'pairwise',
        resamples,
        seed,
        level,
      });
      if (result.valid < resamples) {
        warnings.push({
          code: 'bootstrap-undefined-resamples',
          message:
            `scale "${scaleId}": alpha was undefined in ${resamples - result.valid} of ${resamples} bootstrap ` +
            'resamples (a constant item or total); the interval uses the others',
          scale: scaleId,
          count: resamples - result.valid,
        });
      }
      return { method: 'bootstrap', level, lower: result.lower, upper: result.upper, resamples, seed };
    }
  }
}
