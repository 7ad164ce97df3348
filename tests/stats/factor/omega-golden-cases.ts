/** The golden cases written by tests/golden/make-omega-golden.R (psych 2.2.9, GPArotation 2022.10.2). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface RotationGolden {
  loadings: number[];
  phi: number[];
  warnings: string[];
}

export interface OmegaGolden {
  name: string;
  description: string;
  data: string;
  source: string;
  k: number;
  n: number;
  nfactors: number;
  items: string[];
  r: number[];
  unrotated: number[];
  rotations: { oblimin: RotationGolden; promax: RotationGolden; varimax: RotationGolden };
  gpaOblimin: { loadings: number[]; phi: number[]; iterations: number; convergence: boolean; warnings: string[] };
  schmid: {
    orthogonal: number[];
    oblique: number[];
    phi: number[];
    gloading: number[];
    g: number[];
    group: number[];
    h2: number[];
    u2: number[];
    p2: number[];
    warnings: string[];
    messages: string[];
  };
  omega: {
    omegaH: number;
    omegaLimit: number;
    omegaTotal: number;
    key: number[];
    g: number[];
    group: number[];
    groupTotal: (number | null)[];
    groupGeneral: (number | null)[];
    groupGroup: (number | null)[];
    warnings: string[];
    messages: string[];
  };
}

export const CASES = ['bfi-ace-15', 'sim-hier-12', 'bfi-ac-10-two', 'bfi-neo-15-heywood', 'bfi-a-5-too-few'] as const;

export function loadCase(name: (typeof CASES)[number]): OmegaGolden {
  return JSON.parse(readFileSync(new URL(`../../golden/omega/${name}.json`, import.meta.url), 'utf8')) as OmegaGolden;
}

export function readCsv(file: string): { header: string[]; rows: number[][] } {
  const text = readFileSync(new URL(`../../golden/omega/${file}`, import.meta.url), 'utf8').trim();
  const [head, ...lines] = text.split(/\r?\n/);
  return { header: head.split(',').map((h) => h.replace(/"/g, '')), rows: lines.map((l) => l.split(',').map(Number)) };
}

/** Every cell within tol of the golden value; the message names the worst cell. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tol: number, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    const d = e === null ? (Number.isNaN(a) || a === null ? 0 : Infinity) : Math.abs(a - e);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  expect(worst, `${label}: worst cell ${at}: ${actual[at]} vs ${expected[at]}`).toBeLessThanOrEqual(tol);
}

/** The flip = FALSE and rotate = "promax" headline figures of psych::omega. */
export interface OmegaVariants {
  omegaNoFlip: { omegaH: number; omegaLimit: number; omegaTotal: number };
  omegaPromax: { omegaH: number; omegaLimit: number; omegaTotal: number; gloading: number[]; g: number[] };
}
