/**
 * Number formatting shared by every renderer, so a figure reads the same in every format.
 *
 * - Statistics: fixed `digits` decimals (`0.930`); a value that rounds to zero never shows
 *   a sign (`0.000`, not `-0.000`).
 * - Counts: integers as they are (`782`), no thousands separator (locale-independent).
 * - Percentages: the proportion rounded to `digits` decimals (at least 2) with the decimal
 *   point moved two places, so `86.8%` and `0.868` always agree; they carry `digits - 2`
 *   decimals (at least 0).
 * - p-values: fixed `digits` decimals; one that rounds to zero reads `<0.001` for people and
 *   `1.23e-7` (`digits` significant figures) for machines.
 * - A value that is null or not finite has no text: the caller shows its own mark.
 */

/** `x` with `digits` decimals, or null when x is null, NaN or infinite. */
export function formatFixed(x: number | null, digits: number): string | null {
  if (x === null || !Number.isFinite(x)) return null;
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** An integer count as it is; a non-integer falls back to `digits` decimals. */
export function formatCount(x: number | null, digits: number): string | null {
  if (x === null || !Number.isFinite(x)) return null;
  return Number.isInteger(x) ? String(x) : formatFixed(x, digits);
}

/** A proportion as a percentage number without the sign: 0.86829 → `86.8` (digits 3). */
export function formatPercent(p: number | null, digits: number): string | null {
  const fixed = formatFixed(p, Math.max(digits, 2));
  if (fixed === null) return null;
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const shifted = `${whole}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2);
  const text = rest.length > 0 ? `${shifted}.${rest}` : shifted;
  return negative ? `-${text}` : text;
}

/** A p-value for people: fixed decimals, or `<0.001` when it rounds to zero. */
export function formatPHuman(p: number | null, digits: number): string | null {
  const fixed = formatFixed(p, digits);
  if (fixed === null || p === null) return null;
  if (Number(fixed) === 0) return `<${formatFixed(10 ** -digits, digits)}`;
  return fixed;
}

/** A p-value for machines: fixed decimals, or `digits` significant figures when it rounds to zero. */
export function formatPMachine(p: number | null, digits: number): string | null {
  const fixed = formatFixed(p, digits);
  if (fixed === null || p === null) return null;
  if (Number(fixed) === 0 && p !== 0) return p.toExponential(Math.max(digits - 1, 0));
  return fixed;
}

/** A confidence level as a percentage without trailing zeros: 0.95 → `95`, 0.975 → `97.5`. */
export function formatLevel(level: number): string {
  return String(Number((level * 100).toPrecision(12)));
}

/** An axis tick: at most `digits` decimals, trailing zeros dropped (`1.5`, `2`, `0.25`). */
export function formatTick(x: number, digits: number): string {
  const fixed = formatFixed(x, digits) ?? '';
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
