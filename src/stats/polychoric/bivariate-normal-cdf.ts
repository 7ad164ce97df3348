import { normalCdf } from './normal-cdf.js';

/*
 * Bivariate normal probabilities by Genz's method: the Drezner & Wesolowsky (1990) Gauss-
 * Legendre integration of Plackett's identity, with Genz's double-precision modifications
 * (more nodes as |ρ| grows, and for |ρ| ≥ 0.925 an expansion of the integrand about ρ = ±1).
 * A. Genz, "Numerical computation of rectangular bivariate and trivariate normal and t
 * probabilities", Statistics and Computing 14 (2004) 251-260; Fortran function BVND of
 * Genz's TVPACK, the code behind R's mvtnorm (algorithm TVPACK) and mnormt::sadmvn in two
 * dimensions (what psych's polyBinBvn calls). Absolute error about 1e-15.
 * Z. Drezner & G. O. Wesolowsky, "On the computation of the bivariate normal integral",
 * J. Statist. Comput. Simul. 35 (1990) 101-107.
 */

/** Gauss-Legendre nodes (negative half, on [-1, 1]) and weights for 6, 12 and 20 points. */
const NODES: readonly (readonly number[])[] = [
  [-0.9324695142031522, -0.6612093864662647, -0.238619186083197],
  [-0.9815606342467191, -0.904117256370475, -0.769902674194305, -0.5873179542866171, -0.3678314989981802, -0.1252334085114692],
  [
    -0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188, -0.7463319064601508,
    -0.636053680726515, -0.5108670019508271, -0.3737060887154196, -0.2277858511416451, -0.07652652113349733,
  ],
];
const WEIGHTS: readonly (readonly number[])[] = [
  [0.1713244923791705, 0.3607615730481384, 0.4679139345726904],
  [0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659, 0.2334925365383547, 0.2491470458134029],
  [
    0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475, 0.1019301198172404,
    0.1181945319615184, 0.1316886384491766, 0.1420961093183821, 0.1491729864726037, 0.1527533871307259,
  ],
];
const TWO_PI = 2 * Math.PI;

/** The quadrature rules, exported for their test (each must integrate polynomials exactly). */
export const GAUSS_LEGENDRE = { nodes: NODES, weights: WEIGHTS };

/**
 * P(X > h, Y > k) for a standard bivariate normal with correlation r, |r| ≤ 1, h and k
 * finite (Genz's BVND, transcribed).
 */
export function bivariateNormalUpper(h: number, k: number, r: number): number {
  const rule = Math.abs(r) < 0.3 ? 0 : Math.abs(r) < 0.75 ? 1 : 2;
  const x = NODES[rule];
  const w = WEIGHTS[rule];
  let hk = h * k;
  let bvn = 0;
  if (Math.abs(r) < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < x.length; i++) {
      let sn = Math.sin((asr * (x[i] + 1)) / 2);
      bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
      sn = Math.sin((asr * (-x[i] + 1)) / 2);
      bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    return (bvn * asr) / (2 * TWO_PI) + normalCdf(-h) * normalCdf(-k);
  }
  if (r < 0) {
    k = -k;
    hk = -hk;
  }
  if (Math.abs(r) < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - k) ** 2;
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn = a * Math.exp(-(bs / as + hk) / 2) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * normalCdf(-b / a) * b * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < x.length; i++) {
      for (const xs of [(a * (x[i] + 1)) ** 2, (as * (-x[i] + 1) ** 2) / 4]) {
        const rs = Math.sqrt(1 - xs);
        const asr = -(bs / xs + hk) / 2;
        if (asr > -100) {
          bvn += a * w[i] * Math.exp(asr) * (Math.exp((-hk * xs) / (2 * (1 + rs) ** 2)) / rs - (1 + c * xs * (1 + d * xs)));
        }
      }
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, k));
  bvn = -bvn;
  if (k > h) bvn += h < 0 ? normalCdf(k) - normalCdf(h) : normalCdf(-h) - normalCdf(-k);
  return bvn;
}

/**
 * Φ2(h, k; r) = P(X ≤ h, Y ≤ k) for a standard bivariate normal with correlation r, |r| ≤ 1;
 * h and k may be ±∞. Absolute error about 1e-15 (Genz's method, see above).
 *
 * @example bivariateNormalCdf(0, 0, 0.5) // 1/4 + asin(0.5)/(2π) = 1/3
 */
export function bivariateNormalCdf(h: number, k: number, r: number): number {
  return bivariateNormalRectangle(-Infinity, h, -Infinity, k, r);
}

/**
 * P(l1 < X ≤ u1, l2 < Y ≤ u2) for a standard bivariate normal with correlation r, limits
 * possibly infinite: 0 when a lower limit equals its upper one (as mnormt::sadmvn), and
 * otherwise Genz's BVNMVN, which writes the rectangle with upper-tail probabilities so that
 * a small cell far in a tail keeps its relative accuracy. Throws a RangeError when a lower
 * limit exceeds its upper one (sadmvn: "lower>upper integration limits").
 */
export function bivariateNormalRectangle(l1: number, u1: number, l2: number, u2: number, r: number): number {
  if (l1 > u1 || l2 > u2) throw new RangeError('bivariateNormalRectangle: a lower limit exceeds its upper limit');
  if (Number.isNaN(l1) || Number.isNaN(u1) || Number.isNaN(l2) || Number.isNaN(u2) || Number.isNaN(r)) return Number.NaN;
  if (l1 === u1 || l2 === u2) return 0;
  const lo1 = l1 === -Infinity;
  const hi1 = u1 === Infinity;
  const lo2 = l2 === -Infinity;
  const hi2 = u2 === Infinity;
  // One coordinate unbounded on both sides: a univariate probability.
  if (lo1 && hi1) return lo2 && hi2 ? 1 : interval(l2, u2);
  if (lo2 && hi2) return interval(l1, u1);
  const U = bivariateNormalUpper;
  if (!lo1 && !hi1 && !lo2 && !hi2) return U(l1, l2, r) - U(u1, l2, r) - U(l1, u2, r) + U(u1, u2, r);
  if (!lo1 && !hi1 && hi2) return U(l1, l2, r) - U(u1, l2, r);
  if (hi1 && !lo2 && !hi2) return U(l1, l2, r) - U(l1, u2, r);
  if (!lo1 && !hi1 && lo2) return U(-u1, -u2, r) - U(-l1, -u2, r);
  if (lo1 && !lo2 && !hi2) return U(-u1, -u2, r) - U(-u1, -l2, r);
  if (hi1 && lo2) return U(l1, -u2, -r);
  if (lo1 && hi2) return U(-u1, l2, -r);
  if (hi1 && hi2) return U(l1, l2, r);
  return U(-u1, -u2, r);
}

function interval(l: number, u: number): number {
  // Upper tail for intervals above 0, where Φ(u) − Φ(l) would cancel.
  return l > 0 ? normalCdf(-l) - normalCdf(-u) : normalCdf(u) - normalCdf(l);
}
