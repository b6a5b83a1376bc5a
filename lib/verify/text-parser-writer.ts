import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** An incremental text parser: fed decoded text in pieces, told when the input ends. */
export interface TextParser {
  write(text: string): void;
  end(): void;
}

/**
 * The stream adapter of the CSV and SQL readers: UTF-8 bytes in (split
 * anywhere, even inside a character), decoded text to the parser. A parse
 * error fails the stream; `pause`, when it returns a promise, holds the next
 * chunk until the consumer of the records has caught up.
 */
export function textParserWriter(parser: TextParser, pause?: () => Promise<void> | undefined): Writable {
  const dec = new StringDecoder('utf8');
  const settle = (done: (err?: Error | null) => void): void => {
    const w = pause?.();
    if (w) w.then(() => done(), done);
    else done();
  };
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      try {
        parser.write(dec.write(chunk));
      } catch (err) {
        return done(err as Error);
      }
      settle(done);
    },
    final(done) {
      try {
        parser.write(dec.end());
        parser.end();
      } catch (err) {
        return done(err as Error);
      }
      settle(done);
    },
  });
}
