/**
 * Text safe in HTML content and in quoted attribute values (also inside inline SVG): the five
 * characters that can end a text or an attribute are written as character references, and the
 * control characters a label may carry (C0, DEL, C1, the bidi overrides and isolates
 * U+202A-U+202E, U+2066-U+2069, which could show a label backwards) as visible `\xNN` /
 * `\uNNNN`, as the terminal shows them (`quote-value.ts` escapeControls).
 */
import { escapeControls } from '../../quote-value.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return escapeControls(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
