/**
 * The factor extraction the Schmid-Leiman and omega tests pass in, so that they do not depend
 * on the minres engine under construction elsewhere: for the m-factor fit of the case's R it
 * returns psych's own unrotated minres loadings (the golden `unrotated`, after checking that it
 * was given that R), and for the one-factor fit of the factor correlations it runs the
 * project's one-factor minres (src/stats/minres-one-factor.ts, psych fa(Φ, 1, "minres")).
 */
import { minresOneFactor } from '../../../src/stats/minres-one-factor.js';
import { squaredMultipleCorrelations } from '../../../src/stats/squared-multiple-correlation.js';
import type { FactorExtraction } from '../../../src/stats/factor/schmid-leiman.js';
import type { OmegaGolden } from './omega-golden-cases.js';

export function goldenExtraction(g: OmegaGolden, calls: { k: number; m: number }[] = []): FactorExtraction {
  return (r, k, m) => {
    calls.push({ k, m });
    const cells = r;
    if (m === 1) {
      const { loadings, uniquenesses } = minresOneFactor(cells, k, squaredMultipleCorrelations(cells, k).values);
      return { loadings, uniquenesses };
    }
    if (k !== g.k || m !== g.nfactors) throw new Error(`adapter: no golden ${m}-factor loadings for ${k} items`);
    for (let c = 0; c < k * k; c++) if (Math.abs(cells[c] - g.r[c]) > 1e-15) throw new Error('adapter: not the case R');
    const uniquenesses = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let h2 = 0;
      for (let j = 0; j < m; j++) h2 += g.unrotated[i * m + j] ** 2;
      uniquenesses[i] = 1 - h2;
    }
    return { loadings: Float64Array.from(g.unrotated), uniquenesses };
  };
}
