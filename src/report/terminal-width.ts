/**
 * The width the terminal report is laid out for: the terminal's own when stdout is one (its
 * `columns`), else the COLUMNS environment variable (a shell sets it; a user may, for a pipe
 * or a file), else 80. A value that is not a positive whole number is passed over.
 */
export const FALLBACK_WIDTH = 80;

export interface WidthSource {
  isTTY?: boolean;
  columns?: number;
}

export function terminalWidth(stdout: WidthSource, env: NodeJS.ProcessEnv = process.env): number {
  if (stdout.isTTY === true && isWidth(stdout.columns)) return stdout.columns;
  const columns = env.COLUMNS?.trim() ?? '';
  if (/^\d+$/.test(columns) && isWidth(Number(columns))) return Number(columns);
  return FALLBACK_WIDTH;
}

function isWidth(x: number | undefined): x is number {
  return x !== undefined && Number.isInteger(x) && x > 0;
}
