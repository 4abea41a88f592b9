// `recall-desk check FILE`: one lookup per VIN of a file, as the same JSON as `lookup --json`.
// A bad line is reported and skipped, never fatal: a list of 10,000 VINs should not stop at one typo.
// The file is read in blocks and every answer handed on as it comes, so a list of millions of VINs
// runs in bounded memory (nothing is gathered but the block being checked).
import type { LookupResult } from '../../shared/api';
import { ApiError } from '../../shared/contract';
import { CsvReader, type CsvRecord, parseCsv } from '../files/csv';
import { describeStorageError } from '../db/errors';
import { findVinColumn, type InvalidLine } from '../imports/vinlist';
import { shownVinCell } from '../imports/invalid';
import { analyzeVinCell } from '../../shared/vin';
import { IMPORT_REASON } from '../../shared/wording';
import type { LookupService } from './service';

export type CheckSink = { result: (r: LookupResult) => void; bad: (b: InvalidLine) => void };

/** The database failed under the check (a damaged page, a disk error): where it stopped, and why. */
export class CheckStopped extends Error {
  constructor(
    readonly line: number,
    override readonly cause: unknown,
  ) {
    super(`The check stopped at line ${line}.`);
  }
}

/** Looks up the VIN column of each record, in one read transaction per block. */
function checkRecords(lookup: LookupService, records: readonly CsvRecord[], index: number, sink: CheckSink): void {
  let line = records[0]?.line ?? 0;
  try {
    checkBlock(lookup, records, index, sink, (l) => {
      line = l;
    });
  } catch (err) {
    if (describeStorageError(err)) throw new CheckStopped(line, err);
    throw err;
  }
}

/**
 * Why a cell is not a VIN, as the imports say it: the lookup's first fault of a long cell would be a
 * position in the name or phone typed in the VIN's place.
 */
function reasonOf(raw: string, err: ApiError): string {
  if (err.code !== 'invalid-vin') return err.message;
  const a = analyzeVinCell(raw);
  return a.ok ? err.message : a.errors[0]!.message;
}

function checkBlock(lookup: LookupService, records: readonly CsvRecord[], index: number, sink: CheckSink, at: (line: number) => void): void {
  lookup.batch(() => {
    for (const r of records) {
      at(r.line);
      const raw = (r.fields[index] ?? '').trim();
      let result: LookupResult;
      try {
        result = lookup.lookup({ vin: raw });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        sink.bad({ line: r.line, text: shownVinCell(raw), reason: raw ? reasonOf(raw, err) : IMPORT_REASON.noVin });
        continue;
      }
      sink.result(result);
    }
  });
}

/** A whole file already in memory (small lists, the benchmark). */
export function checkFile(lookup: LookupService, content: string, fileName: string): { results: LookupResult[]; bad: InvalidLine[] } {
  const records = parseCsv(content);
  const { index, hasHeader } = findVinColumn(records, fileName);
  const results: LookupResult[] = [];
  const bad: InvalidLine[] = [];
  checkRecords(lookup, hasHeader ? records.slice(1) : records, index, { result: (r) => results.push(r), bad: (b) => bad.push(b) });
  return { results, bad };
}

const BLOCK = 1 << 14;

/**
 * The records of a delimited file, a block at a time, read by the imports' own reader: line by line,
 * so a stray quote spoils only its own line and memory stays bounded whatever the file holds. The
 * chunks are the file's text, decoded in its own encoding (main/cli/text-file.ts), as the imports read it.
 */
export async function* csvBlocks(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  let batch: CsvRecord[] = [];
  const reader = new CsvReader((r) => batch.push(r));
  for await (const chunk of chunks) {
    // A file's text comes a megabyte at a time: its answers, all made before any is written, would
    // outgrow a small heap (200,000 VINs in 48 MB). Blocks of 16K characters keep them few.
    for (let at = 0; at < chunk.length; at += BLOCK) {
      reader.push(chunk.slice(at, at + BLOCK));
      if (batch.length) {
        yield batch;
        batch = [];
      }
    }
  }
  reader.end();
  if (batch.length) yield batch;
}

/**
 * Every VIN of a file, looked up block by block; `flush` runs after each block (the CLI writes the
 * block's answers there, waiting for stdout), so answers never pile up.
 */
export async function checkVinFile(
  lookup: LookupService,
  chunks: AsyncIterable<string>,
  fileName: string,
  sink: CheckSink,
  flush: () => Promise<void>,
): Promise<void> {
  let column: { index: number; hasHeader: boolean } | null = null;
  let pending: CsvRecord[] = [];
  for await (const records of csvBlocks(chunks)) {
    if (!column) {
      // The VIN column is found from the first records, as the import finds it: wait for 50 of them.
      pending.push(...records);
      if (pending.length < 50) continue;
      column = findVinColumn(pending, fileName);
      const first = column.hasHeader ? pending.slice(1) : pending;
      pending = [];
      checkRecords(lookup, first, column.index, sink);
    } else checkRecords(lookup, records, column.index, sink);
    await flush();
  }
  if (!column) {
    column = findVinColumn(pending, fileName);
    checkRecords(lookup, column.hasHeader ? pending.slice(1) : pending, column.index, sink);
  }
  await flush();
}
