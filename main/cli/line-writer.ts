// Long CLI outputs (a check of a million VINs, a hold report of a whole stock) are written piece by
// piece: lines are gathered into chunks of about 64 KB and each chunk waits for stdout to take it
// ('drain'), so memory stays bounded however long the output and however slow the reader.
import { once } from 'node:events';
import { terminalText } from '../../shared/terminal-text';
import type { Io } from './runtime';

const CHUNK = 1 << 16;

/** The reader of the output went away (`| head`): not a failure, the command just stops. */
class OutputClosed extends Error {}

export class LineWriter {
  private parts: string[] = [];
  private size = 0;
  private failure: Error | null = null;

  constructor(private readonly io: Io) {
    // A closed pipe is reported as an event, whenever the system notices: keep it for the next flush.
    io.stream?.on('error', (err: NodeJS.ErrnoException) => {
      this.failure ??= err.code === 'EPIPE' ? new OutputClosed('the output was closed') : err;
    });
  }

  /** Queues one line without writing (inside a synchronous loop); the caller flushes. */
  add(s: string): void {
    this.parts.push(s);
    this.size += s.length + 1;
  }

  /** Queues one line; returns a promise only when a chunk was handed to stdout. */
  line(s: string): Promise<void> | undefined {
    this.parts.push(s);
    this.size += s.length + 1;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    // One scan per chunk: a million lines of VINs pay for it once every 64 KB.
    const text = terminalText(this.parts.join('\n'));
    this.parts = [];
    this.size = 0;
    const stream = this.io.stream;
    // Without a stream (an embedding that only takes lines), out() takes the chunk as lines.
    if (!stream) return this.io.out(text);
    if (this.failure) throw this.failure;
    // An error while waiting rejects the wait; the listener above has kept it, and it is thrown here.
    if (!stream.write(`${text}\n`)) await once(stream, 'drain').catch(() => {});
    if (this.failure) throw this.failure;
  }
}

/** Runs a command's writing; a reader that stops reading early (`| head`) ends it quietly. */
export async function writeOutput(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!(err instanceof OutputClosed)) throw err;
  }
}

/** Indents every line of a pretty-printed JSON value but the first. */
const indent = (json: string, by: string) => json.replaceAll('\n', `\n${by}`);

/**
 * An object as JSON.stringify(value, null, 2) prints it, with its one big array streamed item by
 * item (and placed last: the same keys and values, so the same shape for any JSON reader).
 */
export async function writeJsonObject<T extends object, K extends keyof T & string>(
  out: LineWriter,
  value: T,
  key: K,
  items: Iterable<T[K] extends readonly (infer I)[] ? I : never>,
): Promise<void> {
  const { [key]: _streamed, ...rest } = value;
  const head = JSON.stringify(rest, null, 2);
  await out.line(`${head.slice(0, -2)}${head === '{}' ? '{' : ','}\n  ${JSON.stringify(key)}: [`);
  await writeJsonItems(out, items, '    ', (item) => indent(JSON.stringify(item, null, 2), '    '));
  await out.line('  ]\n}');
  await out.flush();
}

/** Array items, one a line group, with the commas between them; the array's brackets are the caller's. */
export async function writeJsonItems<I>(out: LineWriter, items: Iterable<I>, prefix: string, toJson: (item: I) => string): Promise<void> {
  let previous: string | null = null;
  for (const item of items) {
    if (previous !== null) await out.line(`${previous},`);
    previous = prefix + toJson(item);
  }
  if (previous !== null) await out.line(previous);
}
