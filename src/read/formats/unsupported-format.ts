import { dataError, type SurveyError } from '../../errors.js';
import { quoteList, quoteValue } from '../../quote-value.js';
import { compoundFileNames } from './compound-file-streams.js';
import type { SniffedFormat } from './sniff-format.js';
import { zipEntries, zipEntryBytes, type ZipEntry } from './zip-directory.js';

/**
 * The error for a file in a format survey-analyze does not read, named by what the file is
 * (from its signature and contents, never its name) with what to do; null for a format that
 * is read (an .xlsx workbook, and the formats other readers handle: .sav, .zsav, .dta, gzip,
 * text).
 *
 * - ZIP: an .xlsx holds "xl/workbook.xml" (ECMA-376 Part 2 package, the officeDocument part);
 *   an .xlsb "xl/workbook.bin"; an OpenDocument file a stored "mimetype" entry
 *   ("application/vnd.oasis.opendocument.spreadsheet" for .ods; ODF 1.2 Part 3 §3.3); a .docx
 *   "word/document.xml". An archive whose table of contents is missing or cut short is damaged.
 * - OLE2 compound file: "EncryptionInfo" + "EncryptedPackage" is a password-protected Office
 *   file ([MS-OFFCRYPTO]); "Workbook" or "Book" a legacy .xls (BIFF8, BIFF5).
 * - SAS data set (.sas7bdat), SAS transport file (.xpt), SPSS portable file (.por).
 */
export function unsupportedFormatError(kind: SniffedFormat, bytes: Buffer, file: string): SurveyError | null {
  switch (kind) {
    case 'zip':
      return zipArchiveError(bytes, file);
    case 'ole2':
      return compoundFileError(bytes, file);
    case 'sas7bdat':
      return dataError('the file is a SAS data set (.sas7bdat), a format survey-analyze does not read', { file },
        'export it from SAS as CSV (PROC EXPORT ... DBMS=CSV), or in R write it as .sav or CSV (haven::read_sas, then haven::write_sav or write.csv)');
    case 'sas-xport':
      return dataError('the file is a SAS transport file (XPORT, .xpt), a format survey-analyze does not read', { file },
        'export it from SAS as CSV, or in R write it as .sav or CSV (haven::read_xpt, then haven::write_sav or write.csv)');
    case 'spss-portable':
      return dataError('the file is an SPSS portable file (.por), a format survey-analyze does not read', { file },
        "save it as .sav in SPSS or PSPP: IMPORT FILE='file.por'. SAVE OUTFILE='file.sav'.");
    default:
      return null;
  }
}

const RESAVE = 'save it as .xlsx or CSV';

function zipArchiveError(bytes: Buffer, file: string): SurveyError | null {
  const entries = zipEntries(bytes);
  if (entries === null) {
    return dataError('the file is a damaged ZIP (xlsx) archive: its table of contents is missing or cut short', { file },
      'the file may be incomplete (an interrupted download or copy): download or export it again, or open it in Excel or LibreOffice and save it again');
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return null;
  if (names.has('xl/workbook.bin')) {
    return dataError('the file is an Excel binary workbook (.xlsb), a format survey-analyze does not read', { file }, `in Excel, ${RESAVE} (File > Save As)`);
  }
  const mimetype = mimetypeOf(bytes, entries);
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') {
    return dataError('the file is an OpenDocument spreadsheet (.ods), a format survey-analyze does not read', { file },
      `${RESAVE} from LibreOffice (File > Save As)`);
  }
  if (mimetype !== null && mimetype.startsWith('application/vnd.oasis.opendocument.')) {
    return dataError(`the file is an OpenDocument file of type ${quoteValue(mimetype)}, not a spreadsheet`, { file }, 'give the survey responses as .xlsx or CSV');
  }
  if (names.has('word/document.xml')) {
    return dataError('the file is a Word document (.docx), not a spreadsheet', { file }, 'give the survey responses as .xlsx or CSV');
  }
  const files = entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
  return dataError(`the file is a ZIP archive, not an .xlsx workbook; it holds ${files.length === 0 ? 'no files' : quoteList(files, 3)}`, { file },
    'unzip it and give the CSV or .xlsx file inside');
}

function mimetypeOf(bytes: Buffer, entries: ZipEntry[]): string | null {
  const entry = entries.find((e) => e.name === 'mimetype');
  const data = entry === undefined ? null : zipEntryBytes(bytes, entry);
  return data === null ? null : data.toString('latin1').trim();
}

function compoundFileError(bytes: Buffer, file: string): SurveyError {
  const names = compoundFileNames(bytes);
  if (names === null) {
    return dataError('the file is a damaged OLE2 compound file (an .xls workbook or an encrypted .xlsx): its directory is cut short or corrupt', { file },
      'download or export it again, or open it in Excel or LibreOffice and save it as .xlsx or CSV');
  }
  if (names.includes('EncryptionInfo') && names.includes('EncryptedPackage')) {
    return dataError('the workbook is password-protected (encrypted), and survey-analyze cannot read it', { file },
      'remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password, clear it) and save again');
  }
  if (names.includes('Workbook') || names.includes('Book')) {
    return dataError('the file is an Excel 97-2003 workbook (.xls), a format survey-analyze does not read', { file }, `in Excel or LibreOffice, ${RESAVE}`);
  }
  if (names.includes('WordDocument')) {
    return dataError('the file is a Word 97-2003 document (.doc), not a spreadsheet', { file }, 'give the survey responses as .xlsx or CSV');
  }
  return dataError('the file is an OLE2 compound file (a Microsoft Office 97-2003 document), not a workbook survey-analyze reads', { file },
    'open it in the program that made it and save it as .xlsx or CSV');
}
