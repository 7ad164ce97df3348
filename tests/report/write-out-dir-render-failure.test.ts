/**
 * A renderer that throws part-way through the tables must leave the --out directory untouched:
 * everything is rendered in memory before the first byte is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { writeOutDir } from '../../src/report/write-out-dir.js';
import { sampleReport } from './sample-report.js';

vi.mock('../../src/report/render-markdown.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/report/render-markdown.js')>();
  let calls = 0;
  return {
    ...original,
    renderMarkdownTable: (...args: Parameters<typeof original.renderMarkdownTable>) => {
      calls++;
      if (calls === 4) throw new Error('renderer failed on the fourth table');
      return original.renderMarkdownTable(...args);
    },
  };
});

let root = '';
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

it('leaves existing files untouched and writes nothing when a renderer throws mid-way', () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-out-'));
  fs.writeFileSync(path.join(root, 'reliability.md'), 'old\n');
  fs.writeFileSync(path.join(root, 'report.json'), '{}\n');
  expect(() => writeOutDir(sampleReport(), root, 'markdown', { digits: 3, inputs: [] })).toThrow('renderer failed on the fourth table');
  expect(fs.readdirSync(root).sort()).toEqual(['reliability.md', 'report.json']);
  expect(fs.readFileSync(path.join(root, 'reliability.md'), 'utf8')).toBe('old\n');
  expect(fs.readFileSync(path.join(root, 'report.json'), 'utf8')).toBe('{}\n');
});
