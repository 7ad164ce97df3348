/**
 * The field widths of a Stata .dta file that depend on its release (format number), from
 * Stata's file-format documentation ("help dta", "help dta_117", "help dta_119"):
 *
 * | release | Stata  | K | N | label length | name | format | variable label | sortlist entry | strL (v,o) in data |
 * |---------|--------|---|---|--------------|------|--------|----------------|----------------|--------------------|
 * | 117     | 13     | 2 | 4 | 1            | 33   | 49     | 81             | 2              | 4 + 4              |
 * | 118     | 14-18  | 2 | 8 | 2            | 129  | 57     | 321            | 2              | 2 + 6              |
 * | 119     | 15-18 (> 32,767 variables) | 4 | 8 | 2 | 129 | 57 | 321 | 4          | 3 + 5              |
 *
 * Widths are in bytes; names, formats and labels are NUL-padded fields of that many bytes.
 * A GSO (the strls section's entry) stores v in 4 bytes and o in 4 (117) or 8 bytes (118, 119).
 * Text is UTF-8 from 118 on; in 117 it is in the writer's code page (windows-1252 on Windows).
 */
export interface DtaLayout {
  release: 117 | 118 | 119;
  variableCountBytes: 2 | 4;
  observationCountBytes: 4 | 8;
  dataLabelLengthBytes: 1 | 2;
  /** A variable name and a value-label (table) name. */
  nameBytes: 33 | 129;
  formatBytes: 49 | 57;
  variableLabelBytes: 81 | 321;
  sortEntryBytes: 2 | 4;
  /** How the 8 bytes of a strL cell split into (v, o). */
  strlVBytes: 2 | 3 | 4;
  gsoOBytes: 4 | 8;
}

export const SUPPORTED_RELEASES = [117, 118, 119] as const;

export function dtaLayout(release: 117 | 118 | 119): DtaLayout {
  if (release === 117) {
    return { release, variableCountBytes: 2, observationCountBytes: 4, dataLabelLengthBytes: 1, nameBytes: 33, formatBytes: 49, variableLabelBytes: 81, sortEntryBytes: 2, strlVBytes: 4, gsoOBytes: 4 };
  }
  const wide = { observationCountBytes: 8, dataLabelLengthBytes: 2, nameBytes: 129, formatBytes: 57, variableLabelBytes: 321, gsoOBytes: 8 } as const;
  if (release === 118) return { release, ...wide, variableCountBytes: 2, sortEntryBytes: 2, strlVBytes: 2 };
  return { release, ...wide, variableCountBytes: 4, sortEntryBytes: 4, strlVBytes: 3 };
}
