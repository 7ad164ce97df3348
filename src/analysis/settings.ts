import type { SplitSettings } from './split/split-plan.js';
import type { Codebook } from '../codebook/codebook.js';
import { usageError } from '../errors.js';
import { INPUT_LAYOUTS } from '../read/layout/detect-layout.js';
import type { ReadOptions } from '../read/read-csv.js';
import { ENCODINGS } from '../read/text-decoding.js';
import type { AlphaCiMethod, CiMethod, CorrelationMethod, ItemCorrelationMethod, MissingMethod, ReliabilitySet } from '../report/report.js';
import type { AnalysisSettings } from './analyze.js';

/**
 * The defaults of every analysis setting, in one place: the CLI's options (src/cli/options.ts)
 * and the library's `analysisSettings` (src/index.ts) both take them from here.
 */

export const CI_METHODS: CiMethod[] = ['wilson', 'wilson-cc', 'clopper-pearson', 'agresti-coull', 'jeffreys', 'wald', 'logit'];
export const ALPHA_CI_METHODS: AlphaCiMethod[] = ['feldt', 'duhachek', 'bootstrap'];
export const MISSING_METHODS: MissingMethod[] = ['listwise', 'pairwise'];
export const CORRELATION_METHODS: CorrelationMethod[] = ['pearson', 'spearman'];
/**
 * `basic`: the closed-form reliability figures (and alpha, omega total); `full` adds the
 * iterative ones: glb, omega if dropped, the Schmid-Leiman omega with its bootstrap interval,
 * parallel analysis and MAP.
 */
export const RELIABILITY_SETS: ReliabilitySet[] = ['basic', 'full'];
/** The item correlations behind the ordinal figures: `pearson` (none) or `polychoric` (tetrachoric for 0/1 items). */
export const ITEM_CORRELATION_METHODS: ItemCorrelationMethod[] = ['pearson', 'polychoric'];

export const DEFAULT_SETTINGS = {
  ciMethod: 'wilson',
  alphaCi: 'feldt',
  confLevel: 0.95,
  missing: 'listwise',
  correlation: 'pearson',
  bootstrap: { resamples: 1000, seed: 1 },
  reliability: 'basic',
  itemCorrelations: 'pearson',
  /** Factors of the Schmid-Leiman omega, psych::omega's default; a scale's codebook `nfactors` wins. */
  nfactors: 3,
} as const satisfies Partial<AnalysisSettings>;

/** The bounds of `nfactors` (--nfactors). */
export const NFACTORS = { min: 1, max: 100 } as const;

/** The bounds of `bootstrap.resamples` and `bootstrap.seed` (--bootstrap, --seed). */
export const BOOTSTRAP_RESAMPLES = { min: 10, max: 1_000_000 } as const;
export const BOOTSTRAP_SEED = { min: 0, max: 2 ** 31 - 1 } as const;

/** Some or all of the settings of an analysis; every one left out takes its default. */
export interface SettingsInput {
  /** Proportion confidence intervals (default `wilson`). */
  ciMethod?: CiMethod;
  /** Confidence interval of alpha (default `feldt`). */
  alphaCi?: AlphaCiMethod;
  /** Confidence level, 0 < p < 1 (default 0.95). */
  confLevel?: number;
  /** Missing answers: `listwise` (complete cases per scale, the default) or `pairwise`. */
  missing?: MissingMethod;
  /** Scale-score correlations (default `pearson`). */
  correlation?: CorrelationMethod;
  /** Group columns for prevalence (default: the codebook's `groups`). */
  groups?: string[];
  /** A one-stage cluster sample of this column: design-based prevalence intervals (default none). */
  cluster?: string | null;
  /** Resamples (10 to 1,000,000; default 1000) and seed (default 1) of `alphaCi: 'bootstrap'`. */
  bootstrap?: { resamples?: number; seed?: number };
  /** `basic` (default): closed-form reliability figures; `full`: also glb, omega if dropped, omega hierarchical with its interval, parallel analysis, MAP. */
  reliability?: ReliabilitySet;
  /** `polychoric` adds ordinal alpha and omega from polychoric (tetrachoric for 0/1) item correlations (default `pearson`: none). */
  itemCorrelations?: ItemCorrelationMethod;
  /** Factors of the Schmid-Leiman omega (default 3, as psych::omega; a scale's codebook `nfactors` wins). */
  nfactors?: number;
  /** Out-of-range or unknown values become missing, counted in a warning, instead of an error (default false). */
  lenient?: boolean;
  /** Keep the rows a platform's defaults drop: Qualtrics' previews, tests and spam (default false). */
  keepPreviews?: boolean;
  /** How files are read: delimiter, encoding, layout, sheet (default: detected; UTF-8). */
  read?: Partial<ReadOptions>;
  /** How a large CSV file is read as two ranges, one per core (split-plan.ts); the figures do not depend on `threads`. */
  split?: SplitSettings;
}

/** The complete settings: `input`'s, and the defaults for the rest; a value out of its range is a usage error. */
export function completeSettings(codebook: Codebook, input: SettingsInput = {}): AnalysisSettings {
  const settings: AnalysisSettings = {
    ciMethod: input.ciMethod ?? DEFAULT_SETTINGS.ciMethod,
    alphaCi: input.alphaCi ?? DEFAULT_SETTINGS.alphaCi,
    confLevel: input.confLevel ?? DEFAULT_SETTINGS.confLevel,
    missing: input.missing ?? DEFAULT_SETTINGS.missing,
    correlation: input.correlation ?? DEFAULT_SETTINGS.correlation,
    groups: input.groups ?? codebook.groups,
    cluster: input.cluster ?? null,
    bootstrap: {
      resamples: input.bootstrap?.resamples ?? DEFAULT_SETTINGS.bootstrap.resamples,
      seed: input.bootstrap?.seed ?? DEFAULT_SETTINGS.bootstrap.seed,
    },
    reliability: input.reliability ?? DEFAULT_SETTINGS.reliability,
    itemCorrelations: input.itemCorrelations ?? DEFAULT_SETTINGS.itemCorrelations,
    nfactors: input.nfactors ?? DEFAULT_SETTINGS.nfactors,
    lenient: input.lenient === true,
    keepPreviews: input.keepPreviews === true,
    read: {
      delimiter: input.read?.delimiter ?? null,
      encoding: input.read?.encoding ?? 'utf-8',
      layout: input.read?.layout ?? null,
      sheet: input.read?.sheet ?? null,
      keepUserMissing: input.read?.keepUserMissing === true,
      ...(input.read?.wholeFileBytes === undefined ? {} : { wholeFileBytes: input.read.wholeFileBytes }),
    },
    ...(input.split === undefined ? {} : { split: { ...input.split } }),
  };
  checkSettings(settings);
  return settings;
}

/** What the CLI's option parsers check, for settings that come from code. */
function checkSettings(s: AnalysisSettings): void {
  oneOf('ciMethod', s.ciMethod, CI_METHODS);
  oneOf('alphaCi', s.alphaCi, ALPHA_CI_METHODS);
  oneOf('missing', s.missing, MISSING_METHODS);
  oneOf('correlation', s.correlation, CORRELATION_METHODS);
  oneOf('reliability', s.reliability, RELIABILITY_SETS);
  oneOf('itemCorrelations', s.itemCorrelations, ITEM_CORRELATION_METHODS);
  wholeNumber('nfactors', s.nfactors ?? DEFAULT_SETTINGS.nfactors, NFACTORS);
  oneOf('read.encoding', s.read.encoding, ENCODINGS);
  if (s.read.layout !== null && s.read.layout !== undefined) oneOf('read.layout', s.read.layout, INPUT_LAYOUTS);
  if (typeof s.confLevel !== 'number' || !(s.confLevel > 0 && s.confLevel < 1)) {
    throw usageError(`confLevel must be a number between 0 and 1, such as 0.95, not ${String(s.confLevel)}`);
  }
  wholeNumber('bootstrap.resamples', s.bootstrap.resamples, BOOTSTRAP_RESAMPLES);
  wholeNumber('bootstrap.seed', s.bootstrap.seed, BOOTSTRAP_SEED);
  if (!Array.isArray(s.groups) || s.groups.some((g) => typeof g !== 'string')) throw usageError('groups must be a list of column names');
  const d = s.read.delimiter;
  if (d !== null && (typeof d !== 'string' || d.length !== 1 || d === '"' || d === '\n' || d === '\r')) {
    throw usageError(`read.delimiter must be one character (not a double quote or a line break), or null to detect it`);
  }
  if (s.split !== undefined) checkSplit(s.split);
}

function checkSplit(split: SplitSettings): void {
  if (split.threads !== undefined) oneOf('split.threads', split.threads, [1, 2]);
  if (split.minBytes !== undefined && !(typeof split.minBytes === 'number' && split.minBytes >= 0)) {
    throw usageError(`split.minBytes must be a number of bytes, 0 or more (Infinity: never split), not ${String(split.minBytes)}`);
  }
  if (split.at !== undefined && !(Number.isSafeInteger(split.at) && split.at >= 0)) {
    throw usageError(`split.at must be a byte offset, a whole number 0 or more, not ${String(split.at)}`);
  }
}

function oneOf<T>(name: string, value: T, allowed: readonly T[]): void {
  if (!allowed.includes(value)) throw usageError(`${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}

function wholeNumber(name: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw usageError(`${name} must be a whole number from ${range.min} to ${range.max}, not ${String(value)}`);
  }
}
