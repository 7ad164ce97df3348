import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outFiles, writeOutDir } from '../../src/report/write-out-dir.js';
import { render, type Format } from '../../src/report/render.js';
import { renderJson } from '../../src/report/render-json.js';
import type { AtomicFs } from '../../src/report/atomic-write.js';
import { SurveyError } from '../../src/errors.js';
import { sampleReport } from './sample-report.js';

const TABLES = [
  'rows',
  'reliability',
  'items-perceived_knowledge',
  'items-actual_knowledge',
  'items-confidence',
  'scores',
  'correlations',
  'prevalence',
  'group-comparisons',
  'frequencies-perceived_knowledge',
  'frequencies-actual_knowledge',
  'frequencies-confidence',
  'warnings',
];
/** Machine formats also write each scale's item covariance and correlation matrix. */
const MATRICES = ['item-matrix-perceived_knowledge', 'item-matrix-actual_knowledge', 'item-matrix-confidence'];
const tablesOf = (format: Format): string[] =>
  ['json', 'csv', 'tsv'].includes(format) ? [...TABLES.slice(0, 5), ...MATRICES, ...TABLES.slice(5)] : TABLES;
const EXT: Record<Format, string> = { table: 'txt', json: 'json', csv: 'csv', tsv: 'tsv', markdown: 'md', latex: 'tex', html: 'html' };

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-out-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, fs.statSync(path.join(dir, name)).isDirectory() ? '<dir>' : fs.readFileSync(path.join(dir, name), 'utf8')]));
}

/** The real file system, with one call made to fail on its nth use. */
function failing(call: 'writeFileSync' | 'renameSync', nth: number): AtomicFs {
  let calls = 0;
  const fail = () => {
    calls++;
    if (calls === nth) throw Object.assign(new Error(`simulated ${call} failure`), { code: 'EIO' });
  };
  return {
    writeFileSync: (file, data, options) => {
      if (call === 'writeFileSync') fail();
      fs.writeFileSync(file, data, options);
    },
    renameSync: (from, to) => {
      if (call === 'renameSync') fail();
      fs.renameSync(from, to);
    },
    linkSync: (a, b) => fs.linkSync(a, b),
    copyFileSync: (a, b) => fs.copyFileSync(a, b),
    existsSync: (file) => fs.existsSync(file),
    rmSync: (file, options) => fs.rmSync(file, options),
  };
}

describe('writeOutDir', () => {
  for (const format of Object.keys(EXT) as Format[]) {
    it(`writes every table, report.${EXT[format]} and report.json (${format})`, () => {
      const dir = path.join(root, 'a', 'b');
      const names = writeOutDir(sampleReport(), dir, format, { digits: 3, inputs: [] });
      const expected = [...tablesOf(format).map((t) => `${t}.${EXT[format]}`), ...(format === 'json' ? [] : [`report.${EXT[format]}`]), 'report.json'];
      expect(names).toEqual(expected);
      expect(fs.readdirSync(dir).sort()).toEqual([...expected].sort());
      const files = snapshot(dir);
      expect(files['report.json']).toBe(renderJson(sampleReport()));
      expect(files[`report.${EXT[format]}`]).toBe(render(sampleReport(), format, { digits: 3, color: false }));
      expect(Object.values(files).join('')).not.toContain(root);
    });
  }

  it('writes one JSON document per table with unrounded values', () => {
    writeOutDir(sampleReport(), root, 'json', { digits: 3, inputs: [] });
    const reliability = JSON.parse(fs.readFileSync(path.join(root, 'reliability.json'), 'utf8'));
    expect(reliability.name).toBe('reliability');
    expect(reliability.rows[0]).toMatchObject({ scale: 'perceived_knowledge', coefficient: 'alpha', alpha: 0.930006265785065, ci_method: 'feldt' });
  });

  it('is byte-identical on a rerun, into another directory or over itself', () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    writeOutDir(sampleReport(), a, 'html', { digits: 3, inputs: [] });
    writeOutDir(sampleReport(), b, 'html', { digits: 3, inputs: [] });
    const first = snapshot(a);
    expect(snapshot(b)).toEqual(first);
    writeOutDir(sampleReport(), a, 'html', { digits: 3, inputs: [] });
    expect(snapshot(a)).toEqual(first);
  });

  it('leaves the directory as it was when a write fails mid-way, with no temporary file', () => {
    fs.writeFileSync(path.join(root, 'reliability.csv'), 'old reliability\n');
    fs.writeFileSync(path.join(root, 'report.json'), 'old report\n');
    fs.writeFileSync(path.join(root, 'notes.txt'), 'mine\n');
    const before = snapshot(root);
    expect(() => writeOutDir(sampleReport(), root, 'csv', { digits: 3, inputs: [] }, failing('writeFileSync', 4))).toThrow('simulated writeFileSync failure');
    expect(snapshot(root)).toEqual(before);
  });

  it('leaves the old set in place when any rename of the switch fails, and nothing beside it', () => {
    writeOutDir(sampleReport(), root, 'csv', { digits: 2, inputs: [] });
    fs.writeFileSync(path.join(root, 'notes.txt'), 'mine\n');
    const before = snapshot(root);
    const siblings = () => fs.readdirSync(path.dirname(root)).filter((name) => name.startsWith(`.${path.basename(root)}.`));
    // The switch renames staging → new, out → old, new → out (atomic-write.ts).
    for (const nth of [1, 2, 3]) {
      expect(() => writeOutDir(sampleReport(), root, 'csv', { digits: 4, inputs: [] }, failing('renameSync', nth))).toThrow('simulated renameSync failure');
      expect(snapshot(root)).toEqual(before);
      expect(siblings()).toEqual([]);
    }
    // And the user's file is carried over into the new set.
    writeOutDir(sampleReport(), root, 'csv', { digits: 4, inputs: [] });
    expect(fs.readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('puts back the files already replaced when a rename fails mid-way, in a directory replaced file by file', () => {
    writeOutDir(sampleReport(), root, 'csv', { digits: 2, inputs: [] });
    // A subdirectory of the user's: the directory cannot be switched as a whole.
    fs.mkdirSync(path.join(root, 'mine'));
    const before = snapshot(root);
    expect(() => writeOutDir(sampleReport(), root, 'csv', { digits: 4, inputs: [] }, failing('renameSync', 5))).toThrow('simulated renameSync failure');
    expect(snapshot(root)).toEqual(before);
  });

  it('removes the new files when a rename fails in a directory that had none', () => {
    expect(() => writeOutDir(sampleReport(), root, 'markdown', { digits: 3, inputs: [] }, failing('renameSync', 3))).toThrow();
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('refuses to write over an input file, naming it, and writes nothing', () => {
    const input = path.join(root, 'prevalence.csv');
    fs.writeFileSync(input, 'id,contact\n1,Yes\n');
    const attempt = () => writeOutDir(sampleReport(), root, 'csv', { digits: 3, inputs: [path.join(root, 'x', '..', 'prevalence.csv')] });
    expect(attempt).toThrow(SurveyError);
    try {
      attempt();
    } catch (error) {
      expect((error as SurveyError).exitCode).toBe(2);
      expect((error as SurveyError).message).toBe('refusing to overwrite the input file prevalence.csv');
      expect((error as SurveyError).place.file).toBe(input);
    }
    expect(fs.readdirSync(root)).toEqual(['prevalence.csv']);
    expect(fs.readFileSync(input, 'utf8')).toBe('id,contact\n1,Yes\n');
  });

  it('refuses a target that links to an input, and an input reached through a linked directory', () => {
    const data = path.join(root, 'data');
    fs.mkdirSync(data);
    const input = path.join(data, 'survey.csv');
    fs.writeFileSync(input, 'id\n1\n');
    const out = path.join(root, 'out');
    fs.mkdirSync(out);
    fs.symlinkSync(input, path.join(out, 'report.json'));
    expect(() => writeOutDir(sampleReport(), out, 'json', { digits: 3, inputs: [input] })).toThrow(/refusing to overwrite the input file/);
    fs.symlinkSync(data, path.join(root, 'alias'));
    fs.renameSync(input, path.join(data, 'scores.csv'));
    expect(() => writeOutDir(sampleReport(), path.join(root, 'alias'), 'csv', { digits: 3, inputs: [path.join(data, 'scores.csv')] })).toThrow(
      /scores\.csv/,
    );
    expect(fs.readFileSync(path.join(data, 'scores.csv'), 'utf8')).toBe('id\n1\n');
  });

  it('refuses an --out that is a file, and a target that is a directory', () => {
    const file = path.join(root, 'file');
    fs.writeFileSync(file, '');
    expect(() => writeOutDir(sampleReport(), file, 'csv', { digits: 3, inputs: [] })).toThrow(SurveyError);
    fs.mkdirSync(path.join(root, 'scores.csv'));
    expect(() => writeOutDir(sampleReport(), root, 'csv', { digits: 3, inputs: [] })).toThrow(/scores\.csv is a directory/);
    expect(fs.readdirSync(root).sort()).toEqual(['file', 'scores.csv']);
  });
});

describe('outFiles', () => {
  it('makes portable, distinct file names from scale ids', () => {
    const report = sampleReport();
    report.scales[0].id = 'a/b c';
    report.scales[1].id = 'A';
    report.scales[2].id = 'a';
    const names = outFiles(report, 'csv', 3).map((f) => f.name);
    expect(names.slice(2, 5)).toEqual(['items-a_b_c.csv', 'items-A.csv', 'items-a-2.csv']);
  });
});
