/**
 * The few text styles of the terminal report. Without colour the text stays as it is; with
 * colour, chalk supplies them, loaded only then (its start-up cost is not paid by pipelines,
 * CI jobs and files, which never see colour).
 */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  italic(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const same = (text: string): string => text;

export const PLAIN: Paint = { bold: same, dim: same, italic: same, red: same, yellow: same };

/** ANSI colours (16-colour level, which every colour terminal shows). */
export async function ansiPaint(): Promise<Paint> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
