/**
 * Text safe in HTML content and in quoted attribute values (also inside inline SVG): the five
 * characters that can end a text or an attribute are written as character references.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
