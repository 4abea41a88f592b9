// The one gate every transport goes through: the operation name is checked, the input parsed with
// its zod schema before any service sees it, and every outcome returned as an envelope.
import { z } from 'zod';
import { ApiError, operations, type Envelope, type OperationName } from '../../shared/api';
import { describeIssues } from '../../shared/bulletin';
import { describeStorageError } from '../db/errors';
import type { Handlers } from './handlers';

export type Dispatcher = (name: string, input: unknown) => Promise<Envelope<unknown>>;

export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

export function createDispatcher(handlers: Handlers, log: (msg: string) => void = (m) => console.error(m)): Dispatcher {
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
      const data = await handler(parsed.data);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
      if (err instanceof z.ZodError) {
        const details = describeIssues(err);
        return { ok: false, error: { code: 'invalid-input', message: details[0] ?? 'Invalid input.', details } };
      }
      const storage = describeStorageError(err);
      if (storage) return { ok: false, error: { code: 'storage', message: storage, details: [] } };
      // Log the operation, never its input: inputs can hold guests' personal data.
      log(`recall-desk: ${name} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}; nothing was changed. Details are in the log.`, details: [] } };
    }
  };
}
