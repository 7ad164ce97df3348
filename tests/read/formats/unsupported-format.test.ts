import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../src/errors.js';
import { sniffFormat } from '../../../src/read/formats/sniff-format.js';
import { unsupportedFormatError } from '../../../src/read/formats/unsupported-format.js';

// Files written by make-xlsx-files.py (LibreOffice, officecrypto-tool, Python's zipfile, PSPP).
const FILES = new URL('./files/', import.meta.url);
const bytes = (name: string): Buffer => readFileSync(new URL(name, FILES));
const errorFor = (data: Buffer, file = 'input'): SurveyError | null => unsupportedFormatError(sniffFormat(data.subarray(0, 512)), data, file);

function expectOneLineError(error: SurveyError | null, pattern: RegExp, file = 'input'): void {
  expect(error).toBeInstanceOf(SurveyError);
  expect(error?.exitCode).toBe(1);
  expect(error?.message).toMatch(pattern);
  expect(error?.message).not.toContain('\n');
  expect(error?.hint).toBeTruthy();
  expect(error?.place).toEqual({ file });
}

/** The 32-byte SAS7BDAT magic number (Shotwell, "SAS7BDAT Database Binary Format", §Header). */
const SAS7BDAT_HEAD = Buffer.concat([Buffer.alloc(12), Buffer.from('c2ea8160b31411cfbd92080009c7318c181f1011', 'hex'), Buffer.alloc(1024 - 32)]);
/** A SAS XPORT file's first 80-byte record (SAS TS-140). */
const XPORT_HEAD = Buffer.from('HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  '.padEnd(80) + 'SAS     SAS     SASLIB  9.4     X64_10PR'.padEnd(80));

describe('unsupportedFormatError', () => {
  it('accepts an .xlsx workbook', () => {
    expect(errorFor(bytes('protect-survey.xlsx'))).toBeNull();
    expect(errorFor(bytes('merged-header.xlsx'))).toBeNull();
  });

  it('names an OpenDocument spreadsheet and says to save it from LibreOffice', () => {
    const error = errorFor(bytes('merged-header.ods'), 'ward.ods');
    expectOneLineError(error, /OpenDocument spreadsheet \(\.ods\)/, 'ward.ods');
    expect(error?.hint).toMatch(/LibreOffice/);
  });

  it('names a legacy .xls workbook', () => {
    expectOneLineError(errorFor(bytes('merged-header.xls')), /Excel 97-2003 workbook \(\.xls\)/);
  });

  it('names a password-protected workbook, found by its EncryptionInfo and EncryptedPackage streams', () => {
    const error = errorFor(bytes('encrypted.xlsx'));
    expectOneLineError(error, /password-protected \(encrypted\)/);
    expect(error?.hint).toMatch(/File > Info > Protect Workbook/);
  });

  it('names a ZIP archive that is not a workbook and what it holds', () => {
    const error = errorFor(bytes('not-a-spreadsheet.zip'));
    expectOneLineError(error, /ZIP archive, not an \.xlsx workbook; it holds "notes\.txt"/);
  });

  it('reports a cut-short ZIP archive as damaged', () => {
    const whole = bytes('merged-header.xlsx');
    for (const length of [4, 512, Math.floor(whole.length / 2), whole.length - 1]) {
      expectOneLineError(errorFor(whole.subarray(0, length)), /damaged ZIP \(xlsx\) archive/);
    }
  });

  it('reports a cut-short compound file as damaged', () => {
    const whole = bytes('encrypted.xlsx');
    expectOneLineError(errorFor(whole.subarray(0, 1024)), /damaged OLE2 compound file/);
  });

  it('names an SPSS portable file written by PSPP and says how to save it as .sav', () => {
    const error = errorFor(bytes('small.por'));
    expectOneLineError(error, /SPSS portable file \(\.por\)/);
    expect(error?.hint).toMatch(/\.sav/);
  });

  it('names SAS data sets and transport files', () => {
    expectOneLineError(errorFor(SAS7BDAT_HEAD), /SAS data set \(\.sas7bdat\)/);
    expectOneLineError(errorFor(XPORT_HEAD), /SAS transport file/);
  });

  it('leaves the formats other readers handle alone', () => {
    for (const kind of ['sav', 'zsav', 'dta', 'old-dta', 'gzip', 'text'] as const) {
      expect(unsupportedFormatError(kind, Buffer.from('id,pk1\n'), 'input')).toBeNull();
    }
  });
});
