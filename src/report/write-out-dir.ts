/**
 * `--out dir`: every table of the report as its own file in the chosen format, plus
 * `report.json` (the full Report) and `report.<ext>` (what `--format <fmt>` prints on stdout):
 *
 *   reliability.<ext>  items-<scale>.<ext> (one per scale)  scores.<ext>  correlations.<ext>
 *   prevalence.<ext>  group-comparisons.<ext>  warnings.<ext>  report.<ext>  report.json
 *
 * Extensions: table → .txt, json → .json, csv → .csv, tsv → .tsv, markdown → .md, latex →
 * .tex, html → .html. With docx: report.docx (every table, APA style) and report.json. The set of files depends only on the codebook and options (a table
 * without rows is still written, with its header), so scripts can rely on the names.
 *
 * Everything but report.json is rendered in memory first (report.json is streamed, so a report
 * of thousands of scales never needs one string beyond V8's limit), then the set is switched in
 * as a whole (`atomic-write.ts`): after a failure, or a kill at any instant, the directory holds
 * the complete old set or the complete new one, and the next run cleans up what a kill left.
 * The directory is created if needed. A target that is (or links to) one of the input files is
 * refused before anything is written.
 */
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { usageError } from '../errors.js';
import { checkDigits, render, type Format, type OutputFormat } from './render.js';
import type { Style } from './apa-style.js';
import { humanTables, machineTables } from './report-tables.js';
import { renderTextTable } from './render-table.js';
import { renderJson, renderJsonPieces, renderJsonTable } from './render-json.js';
import { renderDelimitedTable } from './render-csv.js';
import { renderMarkdownTable } from './render-markdown.js';
import { renderLatexTable } from './render-latex.js';
import { renderHtmlTable } from './render-html.js';
import { recoverFileSet, writeFileSet, type AtomicFs, type OutFile } from './atomic-write.js';
import { realOrResolved } from '../real-or-resolved.js';

export interface OutDirOptions {
  digits: number;
  /** The human formats' style (`apa`: markdown, latex, html). */
  style?: Style;
  /** The Word report, rendered beforehand (docx is rendered asynchronously): with `--format docx`. */
  docx?: Buffer | null;
  /** Absolute paths of the input files: never overwritten (`-` for stdin is ignored). */
  inputs: string[];
}

export const EXTENSIONS: Record<OutputFormat, string> = {
  docx: 'docx',
  table: 'txt',
  json: 'json',
  csv: 'csv',
  tsv: 'tsv',
  markdown: 'md',
  latex: 'tex',
  html: 'html',
};

/** Writes the files and returns their names, in the order of `outFiles`. */
export function writeOutDir(report: Report, dir: string, format: OutputFormat, options: OutDirOptions, fileSystem?: AtomicFs): string[] {
  const files: OutFile[] = format === 'docx' ? docxFiles(report, options.docx) : renderFiles(report, format, options.digits, true, options.style ?? 'default');
  const target = resolve(dir);
  recoverFileSet(target);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw usageError('exists and is not a directory', { file: target, option: '--out' });
    refuseInputs(realpathSync(target), files, options.inputs);
  }
  mkdirSync(target, { recursive: true });
  writeFileSet(target, files, fileSystem);
  return files.map((file) => file.name);
}

/** A file of `--out` as text. */
export interface RenderedFile {
  name: string;
  content: string;
}

/** Every file of `--out`, rendered in memory: the tables in report order, then the whole report. */
export function outFiles(report: Report, format: Format, digits: number, style: Style = 'default'): RenderedFile[] {
  return renderFiles(report, format, digits, false, style) as RenderedFile[];
}

/** With docx: the Word report (every table in it, APA style) and report.json. */
function docxFiles(report: Report, docx: Buffer | null | undefined): OutFile[] {
  if (!docx) throw new Error('writeOutDir: the docx report must be rendered first (OutDirOptions.docx)');
  return [{ name: 'report.docx', content: docx }, { name: 'report.json', content: () => renderJsonPieces(report) }];
}

/** The files of `--out`; with `streamed`, report.json is given in pieces, rendered as it is written. */
function renderFiles(report: Report, format: Format, digits: number, streamed: boolean, style: Style): OutFile[] {
  checkDigits(digits);
  const ext = EXTENSIONS[format];
  const renderOne = tableRenderer(format, digits, style);
  const tables = format === 'json' || format === 'csv' || format === 'tsv' ? machineTables(report) : humanTables(report);
  const names = new Set<string>(['report.json', `report.${ext}`]);
  const files: OutFile[] = tables.map((table) => ({ name: uniqueName(fileStem(table.name), ext, names), content: renderOne(table) }));
  if (format !== 'json') files.push({ name: `report.${ext}`, content: render(report, format, { digits, color: false, style }) });
  files.push({ name: 'report.json', content: streamed ? () => renderJsonPieces(report) : renderJson(report) });
  return files;
}

function tableRenderer(format: Format, digits: number, style: Style): (table: ReportTable) => string {
  switch (format) {
    case 'table':
      return (table) => renderTextTable(table, digits);
    case 'json':
      return (table) => renderJsonTable(table);
    case 'csv':
      return (table) => renderDelimitedTable(table, ',');
    case 'tsv':
      return (table) => renderDelimitedTable(table, '\t');
    case 'markdown':
      return (table) => renderMarkdownTable(table, digits, style);
    case 'latex':
      return (table) => renderLatexTable(table, digits, style);
    case 'html':
      return (table) => renderHtmlTable(table, digits, style);
  }
}

/**
 * A table name as a portable file stem: letters, digits, `.`, `_` and `-` kept, anything else
 * (a slash, a space, a colon from a scale id) becomes `_`; never starting with a dot.
 */
export function fileStem(name: string): string {
  const stem = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
  return stem.length > 0 ? stem : '_';
}

/** `stem.ext`, or `stem-2.ext`, ... when taken (compared without case, for case-insensitive disks). */
function uniqueName(stem: string, ext: string, taken: Set<string>): string {
  let name = `${stem}.${ext}`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${stem}-${i}.${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

function refuseInputs(dir: string, files: OutFile[], inputs: string[]): void {
  const real = new Set(inputs.filter((input) => input !== '-').map((input) => realOrResolved(input)));
  for (const file of files) {
    const candidate = join(dir, file.name);
    if (!existsSync(candidate)) continue;
    if (real.has(realOrResolved(candidate))) {
      throw usageError(`refusing to overwrite the input file ${file.name}`, { file: candidate, option: '--out' }, 'choose another --out directory');
    }
    if (statSync(candidate).isDirectory()) throw usageError(`${file.name} is a directory, not a file`, { file: candidate, option: '--out' });
  }
}
