// The one gate every transport goes through: the operation name is checked, the input parsed with
// its zod schema before any service sees it, and every outcome returned as an envelope.
import { z } from 'zod';
import { ApiError, operations, type Envelope, type OperationName } from '../../shared/api';
import { describeIssues } from '../../shared/bulletin';
import { isBusy, retryWhileBusy } from '../db/busy';
import { describeStorageError } from '../db/errors';
import type { WriterNote } from '../db/writer-note';
import { busyWriting } from '../../shared/wording';
import type { Handlers } from './handlers';

export type Dispatcher = (name: string, input: unknown) => Promise<Envelope<unknown>>;

export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

/**
 * A write that meets another process's write lock (an import from the CLI or another window) waits
 * this long, without blocking lookups, then answers 'busy' naming what holds the lock.
 */
export type BusyPolicy = { waitMs: number; pauseMs?: number; holder: () => WriterNote | null };

const NO_WAIT: BusyPolicy = { waitMs: 0, holder: () => null };

export function createDispatcher(handlers: Handlers, log: (msg: string) => void = (m) => console.error(m), busy: BusyPolicy = NO_WAIT): Dispatcher {
  return async (name, input) => {
    if (!isOperation(name)) {
      return { ok: false, error: { code: 'invalid-input', message: `Unknown operation "${name}".`, details: [] } };
    }
    const op = operations[name];
    const parsed = op.input.safeParse(input ?? {});
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return { ok: false, error: { code: 'invalid-input', message: details[0] ?? 'Invalid input.', details } };
    }
    try {
      const handler = handlers[name] as (i: unknown) => unknown;
      // Handlers keep every write one transaction, so an attempt that met the lock changed nothing
      // and may run again.
      const data = await retryWhileBusy(() => handler(parsed.data), busy);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
      if (err instanceof z.ZodError) {
        const details = describeIssues(err);
        return { ok: false, error: { code: 'invalid-input', message: details[0] ?? 'Invalid input.', details } };
      }
      if (isBusy(err)) return { ok: false, error: { code: 'busy', message: busyWriting(busy.holder()), details: [] } };
      const storage = describeStorageError(err);
      if (storage) return { ok: false, error: { code: 'storage', message: storage, details: [] } };
      // Log the operation, never its input: inputs can hold guests' personal data.
      log(`recall-desk: ${name} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}; nothing was changed. Details are in the log.`, details: [] } };
    }
  };
}
