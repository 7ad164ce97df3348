/**
 * TextDecoding against the WHATWG decoder on the whole input: any bytes (ASCII runs, which are
 * decoded without the TextDecoder, UTF-8 characters, byte-order marks anywhere, invalid bytes),
 * cut into any chunks, give the text of `new TextDecoder(encoding, { fatal: true })` on all the
 * bytes at once, or an error where it throws. windows-1252 also drops a leading UTF-8
 * byte-order mark (text-decoding.ts); NUL bytes are left out (an error of their own).
 */
import fc from 'fast-check';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../src/errors.js';
import { type Encoding, TextDecoding } from '../../src/read/text-decoding.js';

const BOM = [0xef, 0xbb, 0xbf];

/** Bytes made of pieces real files have: ASCII text, multi-byte characters, byte-order marks, a stray invalid byte. */
const pieces = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[ -~\r\n]{1,20}$/).map((text) => [...Buffer.from(text, 'latin1')]) },
    { weight: 2, arbitrary: fc.constantFrom('é', '’', '€', '😀', 'Ü').map((c) => [...Buffer.from(c, 'utf8')]) },
    { weight: 1, arbitrary: fc.constant(BOM) },
    { weight: 1, arbitrary: fc.constantFrom([0xff], [0xc3], [0x80], [0xe2, 0x82]) },
  ),
  { maxLength: 30 },
);

/** Cut points inside `n` bytes, ascending. */
function cuts(n: number, at: number[]): number[] {
  return [...new Set(at.map((a) => a % (n + 1)))].sort((a, b) => a - b);
}

function decodeInChunks(bytes: Uint8Array, at: number[], encoding: Encoding): { text: string; failed: boolean } {
  let text = '';
  const decoding = new TextDecoding('f.csv', encoding, (t) => (text += t), () => 1);
  try {
    let from = 0;
    for (const to of [...cuts(bytes.length, at), bytes.length]) {
      decoding.write(bytes.subarray(from, to));
      from = to;
    }
    decoding.end();
    return { text, failed: false };
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyError);
    return { text, failed: true };
  }
}

/**
 * The decoding of all the bytes in one call; where it fails, `text` is the lenient decoding (U+FFFD
 * for bad bytes). In streaming mode: Node 20's one-shot windows-1252 decode reads bytes
 * 0x80-0x9F as latin1 (U+0080-U+009F, not € œ ...), its streaming decode as WHATWG does.
 */
function reference(bytes: Uint8Array, encoding: Encoding): { text: string; failed: boolean } {
  const body = encoding !== 'utf-8' && BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  const label = encoding === 'utf-8' ? 'utf-8' : 'windows-1252';
  const decode = (fatal: boolean) => {
    const decoder = new TextDecoder(label, { fatal });
    return decoder.decode(body, { stream: true }) + decoder.decode();
  };
  try {
    return { text: decode(true), failed: false };
  } catch {
    return { text: decode(false), failed: true };
  }
}

describe('TextDecoding', () => {
  it.each(['utf-8', 'windows-1252'] as const)('gives the whole-input decoding of %s, however the bytes are cut', (encoding) => {
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 6 }), (parts, at) => {
        const bytes = Uint8Array.from(parts.flat());
        const expected = reference(bytes, encoding);
        const got = decodeInChunks(bytes, at, encoding);
        expect(got.failed).toBe(expected.failed);
        // Before an error, exactly the valid text in front of the first bad byte is passed on
        // (the pieces hold no U+FFFD of their own: the lenient decoding's first one is the error).
        if (expected.failed) expect(got.text).toBe(expected.text.slice(0, expected.text.indexOf('\uFFFD')));
        else expect(got.text).toBe(expected.text);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a byte-order mark that starts a later chunk after ASCII text (only the first is the file\u2019s)', () => {
    const got = decodeInChunks(Uint8Array.from([...Buffer.from('a,b\n'), ...BOM, ...Buffer.from('1,2\n')]), [4], 'utf-8');
    expect(got).toEqual({ text: 'a,b\n\uFEFF1,2\n', failed: false });
  });

  it('still drops the file\u2019s own byte-order mark, and decodes ASCII after a character cut in two', () => {
    expect(decodeInChunks(Uint8Array.from([...BOM, ...Buffer.from('a,b\n')]), [1, 2], 'utf-8').text).toBe('a,b\n');
    const euro = [...Buffer.from('€', 'utf8')];
    expect(decodeInChunks(Uint8Array.from([...Buffer.from('x'), ...euro, ...Buffer.from('yz')]), [2, 4], 'utf-8').text).toBe('x€yz');
  });

  it('fails at ASCII that follows half a character, with only the text before the character passed on', () => {
    const halfEuro = [...Buffer.from('€', 'utf8')].slice(0, 2);
    expect(decodeInChunks(Uint8Array.from([...Buffer.from('a'), ...halfEuro, ...Buffer.from('bc')]), [3], 'utf-8')).toEqual({ text: 'a', failed: true });
  });
});
