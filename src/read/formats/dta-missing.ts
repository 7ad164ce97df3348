/**
 * Stata's missing values (Stata's "help dta", 4. Representation of numbers): each numeric
 * type reserves the 27 values above its largest nonmissing value for `.` and `.a`-`.z`.
 *
 * | type   | largest nonmissing               | `.`                  |
 * |--------|----------------------------------|----------------------|
 * | byte   | 100                              | 101 (.a 102 … .z 127) |
 * | int    | 32,740                           | 32,741               |
 * | long   | 2,147,483,620                    | 2,147,483,621        |
 * | float  | +1.701e38 (0x7effffff)           | 0x7f000000           |
 * | double | +8.988e307 (0x7fdfffffffffffff)  | 0x7fe0000000000000   |
 *
 * All of them are missing (Stata has no user-missing codes). The smallest values are
 * -127, -32,767, -2,147,483,647, -1.701e38 and -1.798e308; a float or double beyond the
 * nonmissing range on either side, an infinity or a NaN is read as missing too.
 */
export const BYTE_MAX_NONMISSING = 100;
export const INT_MAX_NONMISSING = 32740;
export const LONG_MAX_NONMISSING = 2147483620;
export const FLOAT_MAX_NONMISSING = Buffer.from([0x7e, 0xff, 0xff, 0xff]).readFloatBE(0);
export const DOUBLE_MAX_NONMISSING = Buffer.from([0x7f, 0xdf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).readDoubleBE(0);

export function isMissingFloat(value: number): boolean {
  return !(Math.abs(value) <= FLOAT_MAX_NONMISSING);
}

export function isMissingDouble(value: number): boolean {
  return !(Math.abs(value) <= DOUBLE_MAX_NONMISSING);
}
