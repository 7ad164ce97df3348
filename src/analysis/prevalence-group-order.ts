/**
 * The order of group rows in the report: a natural order, deterministic across machines
 * and locales (no `localeCompare`).
 *
 * 1. Values that are numbers in decimal notation (`-1`, `2`, `10.5`, `1e3`) come first,
 *    in numeric order.
 * 2. Other values compare run by run: runs of digits by their numeric value (`Band 5` before
 *    `Band 10`, `ward2` before `ward10`), other text case-insensitively by Unicode code point.
 * 3. Values still equal (`Nurse` and `nurse`, `01` and `1`) are ordered by their code units.
 *
 * @example ['Band 10', 'band 5', '10', '9', 'Nurse'].sort(compareGroupValues) // ['9', '10', 'band 5', 'Band 10', 'Nurse']
 */
export function compareGroupValues(a: string, b: string): number {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== null && nb !== null && na !== nb) return na < nb ? -1 : 1;
  if (na !== null && nb === null) return -1;
  if (na === null && nb !== null) return 1;
  const natural = compareRuns(a, b);
  if (natural !== 0) return natural;
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function asNumber(s: string): number | null {
  const t = s.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Digit runs by value (then by length, so `01` and `1` tie here), other runs case-insensitively. */
function compareRuns(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (isDigit(cx) && isDigit(cy)) {
      let ei = i;
      while (ei < x.length && isDigit(x.charCodeAt(ei))) ei++;
      let ej = j;
      while (ej < y.length && isDigit(y.charCodeAt(ej))) ej++;
      const dx = x.slice(i, ei).replace(/^0+(?=\d)/, '');
      const dy = y.slice(j, ej).replace(/^0+(?=\d)/, '');
      if (dx.length !== dy.length) return dx.length - dy.length;
      if (dx !== dy) return dx < dy ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (cx !== cy) return cx - cy;
    i++;
    j++;
  }
  return (x.length - i) - (y.length - j);
}
