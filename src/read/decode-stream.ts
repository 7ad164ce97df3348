import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoding, type Encoding } from './text-decoding.js';

/** A stream of bytes → a stream of text pieces, decoded by TextDecoding's rules and errors. */
export class DecodeStream extends Transform {
  private readonly decoding: TextDecoding;

  constructor(file: string, encoding: Encoding) {
    super({ readableObjectMode: true });
    this.decoding = new TextDecoding(file, encoding, (text) => this.push(text));
  }

  /** Whether any text passed on so far contained a double quote (fields may then span lines). */
  get sawQuote(): boolean {
    return this.decoding.sawQuote;
  }

  /** Bytes decoded so far. */
  get bytes(): number {
    return this.decoding.bytes;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.settle(() => this.decoding.write(chunk), done);
  }

  override _flush(done: TransformCallback): void {
    this.settle(() => this.decoding.end(), done);
  }

  private settle(step: () => void, done: TransformCallback): void {
    try {
      step();
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  }
}
