/**
 * Drawing helpers for the inline SVG charts: a linear map from data to pixels, "nice" tick
 * values (1, 2 or 5 times a power of ten, as in d3's `ticks`), and short labels that fit.
 */

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0;
  return (x) => (span === 0 ? r0 : r0 + ((x - d0) / span) * (r1 - r0));
}

/** About `count` round tick values covering [lo, hi], ascending. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A label cut to `max` characters with an ellipsis; the whole text goes in the SVG `<title>`. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A coordinate with at most one decimal, so the SVG text is short and stable. */
export function px(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** A number fit to draw, or null (null, NaN and infinities are not drawn). */
export function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
