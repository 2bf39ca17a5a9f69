import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logDestination } from '../../src/serving/logger.ts';

/** A stream that keeps what is written to it. */
function sink() {
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        stream.text += String(chunk);
        done();
      },
    }),
    { text: '' },
  );
  return stream;
}

describe('createLogger', () => {
  it('writes JSON lines when stdout is no terminal, the token redacted', () => {
    expect(logDestination(false)).toBeUndefined();
    const out = sink();
    createLogger('info', ['SECRET.to.ken'], out).info({ letters: 5 }, 'ready with SECRET.to.ken');
    expect(JSON.parse(out.text)).toMatchObject({ msg: 'ready with [redacted]', letters: 5 });
  });

  it('writes readable lines on a terminal, the token redacted too', () => {
    const out = sink();
    const logger = createLogger('info', ['SECRET.to.ken'], logDestination(true, out));
    logger.info({ letters: 5 }, 'ready with SECRET.to.ken');
    expect(out.text).toMatch(/INFO.*ready with \[redacted\]/);
    expect(out.text).toMatch(/letters.*5/);
    expect(out.text).not.toContain('{"level"');
  });
});
