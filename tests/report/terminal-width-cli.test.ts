/**
 * The terminal width through the CLI (the bundle, as users run it): stdout is a pipe here, so the
 * table is laid out for COLUMNS when it is set and for 80 columns when it is not.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE, runCli } from '../cli/run-cli.js';

const widest = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].length));

describe('analyze --format table in a pipe', () => {
  it('fits 80 columns without COLUMNS, and COLUMNS when it is set', () => {
    const plain = runCli([FIXTURE], { env: { COLUMNS: '' } });
    expect(plain.status).toBe(0);
    expect(widest(plain.stdout)).toBeLessThanOrEqual(80);
    // 80 columns: the item table's headings wrap.
    expect(plain.stdout).toMatch(/\n {2}Item +Rev\. +n +Mean +SD +total r +rest r +deleted +SMC\n/);
    const wide = runCli([FIXTURE], { env: { COLUMNS: '132' } });
    expect(widest(wide.stdout)).toBeLessThanOrEqual(132);
    expect(wide.stdout).toMatch(/\n {2}Item +Rev\. +n +Mean +SD +Item-total r +Item-rest r +Alpha if deleted +SMC\n/);
    const narrow = runCli([FIXTURE], { env: { COLUMNS: '60' } });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(60);
  });
});
