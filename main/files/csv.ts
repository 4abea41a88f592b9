// Delimited text as exported by DMSs, TIS and spreadsheets: a BOM; Windows, Unix or old Mac (lone CR)
// line ends; quoted fields with "" escapes; comma, semicolon or tab. Records carry their 1-based line
// number so every message can point at the line a person sees in an editor.
//
// Read line by line, in chunks, so memory stays bounded whatever the file: a line longer than
// MAX_LINE is reported (not held), and a quote that does not close is confined to its own line, never
// allowed to swallow the rows after it. A quoted field may span lines only where the caller allows it
// (DMS exports with notes), and then for at most MAX_SPAN_LINES lines.

export type CsvProblem = 'unbalanced-quote' | 'too-long';

export type CsvRecord = {
  line: number;
  fields: string[];
  /** The last line of the record, when a quoted field ran over line ends. */
  endLine?: number;
  /** Set when the line could not be read as CSV; `fields` then holds what could be read of it. */
  problem?: CsvProblem;
  /** A too-long line's length, in characters. */
  length?: number;
};

export type Delimiter = ',' | ';' | '\t';

/** Characters in one line: longer lines are reported as too long and never held in memory. */
export const MAX_LINE = 1 << 20;
/** Lines one quoted field may span before its opening quote is taken as a stray. */
export const MAX_SPAN_LINES = 50;

export function detectDelimiter(sample: string): Delimiter {
  const firstLines = sample.split(/\r\n|\r|\n/, 5).join('\n');
  const count = (d: string) => firstLines.split(d).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

type Parsed = { fields: string[] } | { open: true } | { malformed: true };

/**
 * One record's text (several lines only inside quotes). Allocates per field, not per character: the
 * text between quotes and delimiters is sliced. A quote inside an unquoted field is kept as it is.
 */
export function parseFields(text: string, delimiter: string): Parsed {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) === 34) {
      let value = '';
      let k = j + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) return { open: true };
        value += text.slice(k, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          k = q + 2;
          continue;
        }
        let m = q + 1;
        while (text.charCodeAt(m) === 32) m++;
        if (m === text.length) {
          fields.push(value);
          return { fields };
        }
        if (text[m] !== delimiter) return { malformed: true };
        fields.push(value);
        i = m + 1;
        break;
      }
      continue;
    }
    const d = text.indexOf(delimiter, i);
    if (d < 0) {
      fields.push(i === 0 ? text : text.slice(i));
      return { fields };
    }
    fields.push(text.slice(i, d));
    i = d + 1;
  }
}

/** What a line with a quote that does not close holds: its fields, split at every delimiter, quotes dropped. */
function looseFields(text: string, delimiter: string): string[] {
  return text.split(delimiter).map((f) => f.replace(/^\s*"|"\s*$/g, '').replace(/""/g, '"'));
}

const isBlank = (fields: string[]) => fields.length === 1 && fields[0]!.trim() === '';

type Line = { text: string; line: number; ending: string };

/**
 * Takes plain lines in bulk, where they stand in the text read, before the reader makes a string, an
 * array or a record of them (a VIN list's million lines are read so: main/imports/vinlist.ts).
 * take(text, start) reads whole lines from `start` as far as it can and returns where it stopped: the
 * start of a line it leaves to the reader (a quote, a line of another shape, a line this chunk does
 * not finish), with `taken` set to the lines it took. It follows the reader's line ends: CRLF, LF, and
 * a lone CR, except a CR that ends the text (an LF may follow in the next chunk).
 */
export type PlainLines = { take(text: string, start: number): number; taken: number };

/**
 * Push-based: feed text chunks (a whole string is one chunk), then end(). Each record goes to
 * `onRecord` as soon as it is complete, so a stream of any size is read in bounded memory.
 */
export class CsvReader {
  private carry = '';
  private lineNo = 0;
  private started = false;
  /** A line over MAX_LINE still being skipped: where it began, its length so far and its first characters. */
  private overflow: { line: number; length: number; head: string } | null = null;
  /** Lines of a record whose quoted field is still open (multi-line mode). */
  private open: Line[] = [];
  /** Offered the lines first (see PlainLines); set once the columns are known. */
  plainLines: PlainLines | null = null;

  constructor(
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly opts: { delimiter?: Delimiter; multiline?: boolean } = {},
  ) {}

  get delimiter(): Delimiter | undefined {
    return this.opts.delimiter;
  }

  push(chunk: string): void {
    if (!this.started) {
      if (chunk.length === 0) return;
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.opts.delimiter ??= detectDelimiter(chunk.slice(0, 4096));
    }
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    // The next CR and LF, each searched again only once passed: linear, and a file without CRs
    // costs one failed search for them.
    let cr = s.indexOf('\r');
    let lf = s.indexOf('\n');
    let start = 0;
    for (;;) {
      const plain = this.plainLines;
      if (plain && !this.overflow && this.open.length === 0) {
        start = plain.take(s, start);
        this.lineNo += plain.taken;
      }
      if (cr !== -1 && cr < start) cr = s.indexOf('\r', start);
      if (lf !== -1 && lf < start) lf = s.indexOf('\n', start);
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A CR at the very end of a chunk may be the first half of CRLF: wait for the next chunk.
        if (cr + 1 === s.length) break;
        const ending = lf === cr + 1 ? '\r\n' : '\r';
        this.line(s, start, cr, ending);
        start = cr + ending.length;
      } else if (lf !== -1) {
        this.line(s, start, lf, '\n');
        start = lf + 1;
      } else break;
    }
    if (start < s.length) this.keep(s, start);
  }

  end(): void {
    if (this.overflow) this.line('', 0, 0, '');
    else if (this.carry) {
      const rest = this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry;
      this.carry = '';
      this.line(rest, 0, rest.length, '');
    }
    while (this.open.length) this.giveUp();
  }

  /** The unfinished last line of a chunk: kept for the next one, unless it is already too long. */
  private keep(s: string, start: number): void {
    // A trailing CR stays for the next chunk, to see whether an LF follows.
    const cr = s.charCodeAt(s.length - 1) === 13;
    const end = cr ? s.length - 1 : s.length;
    if (this.overflow) {
      this.overflow.length += end - start;
      this.carry = cr ? '\r' : '';
    } else if (end - start > MAX_LINE) {
      this.overflow = { line: this.lineNo + 1, length: end - start, head: s.slice(start, start + 80) };
      this.carry = cr ? '\r' : '';
    } else {
      this.carry = start === 0 ? s : s.slice(start);
    }
  }

  private line(s: string, start: number, end: number, ending: string): void {
    this.lineNo++;
    if (this.overflow) {
      const o = this.overflow;
      this.overflow = null;
      this.lineNo = o.line;
      this.tooLong(o.line, o.head, o.length + end - start);
      return;
    }
    if (end - start > MAX_LINE) {
      this.tooLong(this.lineNo, s.slice(start, start + 80), end - start);
      return;
    }
    const text = start === 0 && end === s.length ? s : s.slice(start, end);
    // The common case (no quote, nothing open): no Line object, one split.
    if (this.open.length === 0 && !text.includes('"')) {
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '' && !text.includes(this.opts.delimiter ?? ','))) return;
      this.onRecord({ line: this.lineNo, fields: text.split(this.opts.delimiter ?? ',') });
      return;
    }
    this.feed({ text, line: this.lineNo, ending });
  }

  private tooLong(line: number, head: string, length: number): void {
    while (this.open.length) this.giveUp();
    this.onRecord({ line, fields: [head], problem: 'too-long', length });
  }

  private feed(l: Line): void {
    const delimiter = this.opts.delimiter ?? ',';
    if (this.open.length) {
      this.open.push(l);
      this.tryOpen();
      return;
    }
    if (!l.text.includes('"')) {
      const fields = l.text.split(delimiter);
      if (!isBlank(fields)) this.onRecord({ line: l.line, fields });
      return;
    }
    const r = parseFields(l.text, delimiter);
    if ('fields' in r) {
      if (!isBlank(r.fields)) this.onRecord({ line: l.line, fields: r.fields });
    } else if ('open' in r && this.opts.multiline) {
      this.open.push(l);
    } else {
      this.onRecord({ line: l.line, fields: looseFields(l.text, delimiter), problem: 'unbalanced-quote' });
    }
  }

  /** The open record with one more line: complete, still open, or its quote was a stray after all. */
  private tryOpen(): void {
    const lines = this.open;
    let text = lines[0]!.text;
    let chars = text.length;
    for (let i = 1; i < lines.length; i++) {
      text += lines[i - 1]!.ending + lines[i]!.text;
      chars += lines[i]!.text.length;
    }
    const r = parseFields(text, this.opts.delimiter ?? ',');
    if ('fields' in r) {
      this.open = [];
      this.onRecord({ line: lines[0]!.line, endLine: lines.at(-1)!.line, fields: r.fields });
    } else if ('malformed' in r || lines.length > MAX_SPAN_LINES || chars > MAX_LINE) {
      this.giveUp();
    }
  }

  /** The first open line's quote never closed properly: that line alone is reported, the rest read again. */
  private giveUp(): void {
    const [first, ...rest] = this.open;
    this.open = [];
    this.onRecord({ line: first!.line, fields: looseFields(first!.text, this.opts.delimiter ?? ','), problem: 'unbalanced-quote' });
    for (const l of rest) this.feed(l);
  }
}

/** A whole text at once (the API receives files as strings). */
export function parseCsv(text: string, delimiter?: Delimiter, multiline = false): CsvRecord[] {
  const out: CsvRecord[] = [];
  const reader = new CsvReader((r) => out.push(r), { delimiter, multiline });
  reader.push(text);
  reader.end();
  return out;
}
