import { dataError, type SurveyError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';
import { DtaBytes, dtaText, quoteBytes } from './dta-bytes.js';
import { dtaLayout, type DtaLayout } from './dta-layout.js';

/**
 * The header and map of a Stata 117-119 .dta file (Stata's "help dta", sections 5.1-5.2):
 *
 *     <stata_dta><header><release>118</release><byteorder>LSF</byteorder>
 *     <K>k</K><N>n</N><label>len text</label><timestamp>len text</timestamp></header>
 *     <map>14 offsets of 8 bytes</map>
 *
 * K is the number of variables, N of observations; the map gives the byte offset of each
 * section: 0 <stata_dta>, 1 <map>, 2 <variable_types>, 3 <varnames>, 4 <sortlist>,
 * 5 <formats>, 6 <value_label_names>, 7 <variable_labels>, 8 <characteristics>, 9 <data>,
 * 10 <strls>, 11 <value_labels>, 12 </stata_dta>, 13 the end of the file.
 */
export interface DtaHeader {
  layout: DtaLayout;
  bytes: DtaBytes;
  variables: number;
  observations: number;
  dataLabel: string;
  map: DtaMap;
}

export interface DtaMap {
  variableTypes: number;
  varnames: number;
  formats: number;
  valueLabelNames: number;
  variableLabels: number;
  data: number;
  strls: number;
  valueLabels: number;
  endOfFile: number;
}

const SIGNATURE = '<stata_dta>';

export function readDtaHeader(source: ByteSource, file: string): DtaHeader {
  const probe = new DtaBytes(source, file, true);
  let at = probe.expectTag(0, SIGNATURE + '<header><release>', 'header');
  const releaseText = probe.exact(at, 3, 'header').toString('latin1');
  const release = /^\d{3}$/.test(releaseText) ? Number(releaseText) : NaN;
  if (release !== 117 && release !== 118 && release !== 119) {
    throw Number.isNaN(release) ? probe.garbled(`the release is ${quoteBytes(Buffer.from(releaseText, 'latin1'))}, not a number`) : unsupportedDtaRelease(release, file);
  }
  const layout = dtaLayout(release);
  at = probe.expectTag(at + 3, '</release><byteorder>', 'header');
  const order = probe.exact(at, 3, 'header').toString('latin1');
  if (order !== 'LSF' && order !== 'MSF') throw probe.garbled(`the byte order is ${quoteBytes(Buffer.from(order, 'latin1'))}, not LSF or MSF`);
  const bytes = new DtaBytes(source, file, order === 'LSF');
  at = bytes.expectTag(at + 3, '</byteorder><K>', 'header');
  const variables = bytes.uint(bytes.exact(at, layout.variableCountBytes, 'header'), 0, layout.variableCountBytes);
  at = bytes.expectTag(at + layout.variableCountBytes, '</K><N>', 'header');
  const observations = bytes.uint(bytes.exact(at, layout.observationCountBytes, 'header'), 0, layout.observationCountBytes);
  at = bytes.expectTag(at + layout.observationCountBytes, '</N><label>', 'header');
  const labelLength = bytes.uint(bytes.exact(at, layout.dataLabelLengthBytes, 'header'), 0, layout.dataLabelLengthBytes);
  at += layout.dataLabelLengthBytes;
  const dataLabel = dtaText(bytes.exact(at, labelLength, 'header'));
  at = bytes.expectTag(at + labelLength, '</label><timestamp>', 'header');
  const stampLength = bytes.exact(at, 1, 'header')[0];
  at = bytes.expectTag(at + 1 + stampLength, '</timestamp></header><map>', 'header');
  const offsets = bytes.exact(at, 14 * 8, 'map');
  bytes.expectTag(at + 14 * 8, '</map>', 'map');
  const entry = (i: number): number => bytes.uint(offsets, i * 8, 8);
  const map: DtaMap = {
    variableTypes: entry(2),
    varnames: entry(3),
    formats: entry(5),
    valueLabelNames: entry(6),
    variableLabels: entry(7),
    data: entry(9),
    strls: entry(10),
    valueLabels: entry(11),
    endOfFile: entry(13),
  };
  return { layout, bytes, variables, observations, dataLabel, map };
}

/** The Stata release that wrote each older format (Stata's "help dta" format histories). */
const OLD_RELEASE_WRITER: Record<number, string> = {
  104: 'Stata 4',
  105: 'Stata 5',
  108: 'Stata 6',
  110: 'Stata 7',
  111: 'Stata 7 SE',
  113: 'Stata 8 or 9',
  114: 'Stata 10 or 11',
  115: 'Stata 12',
};

/**
 * A .dta release this reader does not read: before 117 (Stata 12 and earlier, without the
 * <stata_dta> framing) or after 119 (Stata 18's formats 120 and 121, for alias variables).
 */
export function unsupportedDtaRelease(release: number, file: string): SurveyError {
  if (release > 119) {
    return dataError(`unsupported Stata file version ${release} (newer than 119, e.g. Stata 18 with alias variables); this reader reads versions 117-119: in Stata, save it with saveold ..., version(14)`, { file });
  }
  const writer = OLD_RELEASE_WRITER[release] ?? 'an old Stata';
  return dataError(`unsupported Stata file version ${release} (${writer}); this reader reads versions 117-119: open it in Stata 13 or later and save it again (save ..., replace)`, { file });
}
