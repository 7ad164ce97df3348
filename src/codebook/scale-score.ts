/**
 * A respondent's scale score from its item values (after key scoring and reverse keying;
 * NaN = missing): the mean of the answered items, or for `sum` that mean times k
 * (a prorated sum, equal to the plain sum when every item is answered). NaN when fewer
 * than `minAnswered` items are answered.
 *
 * @example scaleScore([4, NaN, 2], 'sum', 2) === 9   // mean 3 of the answered, times k = 3
 */
export function scaleScore(values: ArrayLike<number>, method: 'mean' | 'sum', minAnswered: number): number {
  let answered = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === value) {
      answered++;
      sum += value;
    }
  }
  if (answered === 0 || answered < minAnswered) return Number.NaN;
  const mean = sum / answered;
  return method === 'mean' ? mean : mean * values.length;
}
