// The CLI's lines on standard output and error, written straight to the file descriptor.
//
// process.stdout on a pipe is a net.Socket: reaching it loads Node's net and stream modules, about a
// tenth of a lookup's CPU, for the few lines a command prints. A line is written with one synchronous
// write() instead, as console.log would write it. The stream is made only for a long output (which
// streams with backpressure) or when a direct write fails (a full non-blocking pipe, a closed reader);
// from then on every line goes through it, so the lines keep their order. A terminal always gets the
// stream: on Windows it writes to the console as UTF-16, where raw UTF-8 bytes would garble "·" and "é".
import fs from 'node:fs';
import { terminalText } from '../../shared/terminal-text';

const ignore = () => {};

export class StdWriter {
  private opened: NodeJS.WriteStream | null = null;
  /** Whether the descriptor is a pipe, a socket (a pipe Node made) or a file: written directly. */
  private direct: boolean | undefined;

  constructor(
    private readonly fd: 1 | 2,
    private readonly open: () => NodeJS.WriteStream,
  ) {}

  /** Whether a line went through the stream (it may still hold some), not straight to the descriptor. */
  get streamed(): boolean {
    return this.opened !== null;
  }

  /** process.stdout (or stderr): from now on the only way out. */
  stream(): NodeJS.WriteStream {
    this.opened ??= this.open();
    return this.opened;
  }

  /** One line, as console.log (console.error) writes it. */
  line(s: string): void {
    const text = `${terminalText(s)}\n`;
    if (this.opened || !this.isPipeOrFile()) {
      this.viaStream(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += fs.writeSync(this.fd, bytes, written);
    } catch {
      // EAGAIN, EPIPE...: the rest goes through the stream, which deals with them as it always did.
      this.viaStream(written === 0 ? text : bytes.subarray(written));
    }
  }

  private isPipeOrFile(): boolean {
    if (this.direct === undefined) {
      try {
        const st = fs.fstatSync(this.fd);
        this.direct = st.isFIFO() || st.isSocket() || st.isFile();
      } catch {
        this.direct = false;
      }
    }
    return this.direct;
  }

  /** As the console writes: an error of the stream (a reader gone) is not the command's failure. */
  private viaStream(chunk: string | Buffer): void {
    const stream = this.stream();
    const guard = stream.listenerCount('error') === 0;
    if (guard) stream.once('error', ignore);
    try {
      stream.write(chunk, (err) => {
        if (err && stream.listenerCount('error') === 0) stream.once('error', ignore);
      });
    } catch {
      // As console.log: nothing more to do with a line that cannot be written.
    } finally {
      if (guard) stream.removeListener('error', ignore);
    }
  }
}
