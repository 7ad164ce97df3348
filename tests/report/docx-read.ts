/**
 * Reading a .docx back as Word would: the ZIP's entries (the project's own reader, every
 * entry's size and CRC checked), then word/document.xml's body in order: paragraphs (their
 * text, and which runs are bold or italic) and tables (rows of cells, each cell's text).
 */
import { firstDamagedEntry, zipEntries, zipEntryBytes } from '../../src/read/formats/zip-directory.js';

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
}
export type DocxBlock = { type: 'paragraph'; text: string; runs: DocxRun[] } | { type: 'table'; rows: { cells: string[]; header: boolean; runs: DocxRun[][] }[]; xml: string };

export function docxEntry(bytes: Buffer, name: string): string {
  const entries = zipEntries(bytes);
  if (entries === null) throw new Error('not a ZIP archive');
  const damaged = firstDamagedEntry(bytes, entries);
  if (damaged !== null) throw new Error(`damaged entry ${damaged}`);
  const entry = entries.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no ${name} in the archive`);
  const data = zipEntryBytes(bytes, entry, 64 * 1024 * 1024);
  if (data === null) throw new Error(`${name} unreadable`);
  return data.toString('utf8');
}

export function entryNames(bytes: Buffer): string[] {
  return (zipEntries(bytes) ?? []).map((e) => e.name);
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function runs(xml: string): DocxRun[] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>|<w:r [^>]*>(.*?)<\/w:r>/gs)].map((m) => {
    const run = m[1] ?? m[2] ?? '';
    const props = /<w:rPr>(.*?)<\/w:rPr>/s.exec(run)?.[1] ?? '';
    const text = [...run.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((t) => unescapeXml(t[1])).join('');
    return { text, bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(props), italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(props) };
  });
}

/** The body of word/document.xml as paragraphs and tables, in order (tables are not nested). */
export function docxBody(documentXml: string): DocxBlock[] {
  const body = /<w:body>(.*)<\/w:body>/s.exec(documentXml)?.[1] ?? '';
  const blocks: DocxBlock[] = [];
  for (const m of body.matchAll(/<w:tbl>(.*?)<\/w:tbl>|<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>|<w:p\/>/gs)) {
    if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<w:tr>(.*?)<\/w:tr>|<w:tr [^>]*>(.*?)<\/w:tr>/gs)].map((r) => {
        const row = r[1] ?? r[2] ?? '';
        const cells = [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => runs(c[1]));
        return { cells: cells.map((c) => c.map((run) => run.text).join('')), header: /<w:tblHeader\/>/.test(row), runs: cells };
      });
      blocks.push({ type: 'table', rows, xml: m[1] });
    } else {
      const r = runs(m[2] ?? m[3] ?? '');
      blocks.push({ type: 'paragraph', text: r.map((run) => run.text).join(''), runs: r });
    }
  }
  return blocks;
}
