/**
 * mulberry32 (Tommy Ettinger, 2017): a small, fast 32-bit PRNG, uniform in [0, 1). The
 * generators of the bundled survey (fixtures/) and of the benchmark data (bench/) share it,
 * so that a seed always gives the same bytes.
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
