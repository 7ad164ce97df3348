import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, runCli } from './run-cli.js';

describe('--format docx and --style apa from the command line', () => {
  it('docx on stdout is a Word file (a ZIP holding word/document.xml), and --out writes report.docx and report.json', () => {
    const result = runCli(['-f', 'docx', FIXTURE], {});
    expect(result.status).toBe(0);
    const bytes = Buffer.from(result.stdout, 'latin1');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const dir = join(mkdtempSync(join(tmpdir(), 'docx-out-')), 'tables');
    const out = runCli(['-f', 'docx', '-o', dir, FIXTURE]);
    expect(out.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['report.docx', 'report.json']);
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).scales).toHaveLength(3);
  });

  it('--style apa drops the leading zero of figures bounded by 1; the default keeps it', () => {
    const apa = runCli(['-f', 'markdown', '--style', 'apa', FIXTURE]).stdout;
    const plain = runCli(['-f', 'markdown', FIXTURE]).stdout;
    expect(apa).toMatch(/\| \.930 \| \[\.922, \.938\] \|/);
    expect(plain).toMatch(/\| 0\.930 \| \[0\.922, 0\.938\] \|/);
    expect(runCli(['-f', 'markdown', '--style', 'fancy', FIXTURE]).status).toBe(2);
  });
});
