// The one gate every transport goes through (the window's IPC, the browser mode's HTTP, the CLI):
// the operation name is checked, the caller signed in and allowed, the input parsed with its zod
// schema before any service sees it, and every outcome returned as an envelope. What the contract
// declares of the operation decides the rest: a write waits for a running import, runs in one
// immediate transaction with its audit entry, and tells every open window what changed.
import { z } from 'zod';
import { auditFacts } from '../../shared/accounts/audit-facts';
import { mayCall } from '../../shared/accounts/roles';
import { notAllowed, pathOnHostRefused, SESSION_ENDED, SIGN_IN_NEEDED } from '../../shared/accounts/wording';
import { ApiError, effects, operations, type Effects, type Envelope, type ErrorCode, type OperationName } from '../../shared/api';
import { describeIssues } from '../../shared/bulletin';
import type { Actor, Caller } from '../../shared/contract';
import { isBusy, retryWhileBusy } from '../db/busy';
import { describeStorageError } from '../db/errors';
import type { WriterNote } from '../db/writer-note';
import { busyWriting } from '../../shared/wording';
import type { CoreServices as Services } from '../core-services';
import type { Handler, Handlers } from './handlers';

/**
 * How a call arrived. A transport passes the session the caller holds (the window's, a browser tab's);
 * the CLI, which checked the person's password itself, passes the person.
 */
export type CallContext = { session?: string | null; actor?: Actor | null; overHttp?: true };

export type Dispatcher = (name: string, input: unknown, ctx?: CallContext) => Promise<Envelope<unknown>>;

export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

/**
 * A write that meets another process's write lock (an import from the CLI or another window) waits
 * this long, without blocking lookups, then answers 'busy' naming what holds the lock.
 */
export type BusyPolicy = { waitMs: number; pauseMs?: number; holder: () => WriterNote | null };

const NO_WAIT: BusyPolicy = { waitMs: 0, holder: () => null };

const refuse = (code: ErrorCode, message: string, details: string[] = []): Envelope<never> => ({ ok: false, error: { code, message, details } });

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * The handlers: all of them, or how to get one (main/api/handlers.ts: a domain's handlers are loaded on
 * the first call of one of its operations).
 */
export type HandlerSource = Handlers | ((name: OperationName) => Promise<Handler>);

export function createDispatcher(
  s: Pick<Services, 'accounts' | 'audit' | 'changes' | 'jobs' | 'db' | 'now'>,
  handlers: HandlerSource,
  log: (msg: string) => void = (m) => console.error(m),
  busy: BusyPolicy = NO_WAIT,
): Dispatcher {
  /** Who calls, or the refusal: with no account yet, nobody needs to sign in (a single PC as before). */
  const gate = (name: OperationName, fx: Effects, ctx: CallContext): Caller | Envelope<never> => {
    const session = ctx.session ?? null;
    // A path names a file on this computer: a caller over HTTP may not have it read (nor learn what it holds).
    if (fx.pathOnHost && ctx.overHttp) return refuse('forbidden', pathOnHostRefused(fx.does));
    if (!s.accounts.any()) return { actor: null, session };
    const actor = ctx.actor !== undefined ? ctx.actor : s.accounts.sessions.resolve(session);
    if (fx.access === 'public') return { actor, session };
    if (!actor) return refuse('unauthenticated', session ? SESSION_ENDED : SIGN_IN_NEEDED);
    if (!mayCall(fx.access, actor.roles)) return refuse('forbidden', notAllowed(actor.name, actor.roles, fx.does, fx.access));
    void name;
    return { actor, session };
  };

  const audit = (name: OperationName, fx: Effects, caller: Caller, input: Record<string, unknown>, output: unknown) => {
    // Signing in and out are the session's own business, not a change to the dealership's record.
    if (fx.access === 'public') return;
    const by = caller.actor?.name ?? (fx.actor && typeof input[fx.actor] === 'string' ? (input[fx.actor] as string) : null);
    s.audit.record(s.now().toISOString(), by, name, auditFacts(input, output));
  };

  const handlerOf = async (name: OperationName): Promise<Handler> => (typeof handlers === 'function' ? await handlers(name) : (handlers[name] as Handler));

  const run = async (name: OperationName, fx: Effects, caller: Caller, input: unknown): Promise<unknown> => {
    const handler = await handlerOf(name);
    if (fx.kind === 'read') {
      // One consistent snapshot for what the read does before its first await (boxed: a transaction
      // function may not return a promise).
      return await retryWhileBusy(() => s.db.sqlite.transaction(() => ({ r: handler(input, caller) })).deferred(), busy).then((x) => x.r);
    }
    const record = input as Record<string, unknown>;
    if (fx.queued) {
      const data = await handler(input, caller);
      // The import's job holds the write lock now: its entry is written once the queue is idle.
      void s.jobs
        .whenIdle()
        .then(() => retryWhileBusy(() => audit(name, fx, caller, record, data), { waitMs: 60_000, pauseMs: 200 }))
        .catch((err: Error) => log(`recall-desk: the audit entry of ${name} could not be written: ${err.message}`));
      s.changes.publish(fx.tags);
      return data;
    }
    // One writer at a time: a write goes after a running import instead of into its lock.
    await s.jobs.whenIdle();
    // Handlers keep every write one transaction, so an attempt that met the lock changed nothing and
    // may run again.
    const result = await retryWhileBusy(
      () =>
        s.db.sqlite
          .transaction(() => {
            const r = handler(input, caller);
            if (!isThenable(r)) audit(name, fx, caller, record, r);
            return { r };
          })
          .immediate(),
      busy,
    );
    let data = result.r;
    if (isThenable(data)) {
      // A write that must wait (printing a PDF) records its rows in a transaction of its own.
      data = await data;
      audit(name, fx, caller, record, data);
    }
    s.changes.publish(fx.tags);
    return data;
  };

  return async (name, input, ctx = {}) => {
    if (!isOperation(name)) return refuse('invalid-input', `Unknown operation "${name}".`);
    const fx = effects[name];
    const caller = gate(name, fx, ctx);
    if ('ok' in caller) return caller;
    let given = input ?? {};
    // The signed-in person is who made the write, whatever the request names.
    if (caller.actor && fx.actor && typeof given === 'object' && !Array.isArray(given)) given = { ...given, [fx.actor]: caller.actor.name };
    const parsed = operations[name].input.safeParse(given);
    if (!parsed.success) {
      // A field that carries its own error code (a VIN: 'invalid-vin') answers with it and its own words.
      for (const issue of parsed.error.issues) {
        const params = issue.code === 'custom' ? (issue.params as { errorCode?: ErrorCode; details?: string[] } | undefined) : undefined;
        if (params?.errorCode) return refuse(params.errorCode, issue.message, params.details ?? [issue.message]);
      }
      const details = describeIssues(parsed.error);
      return refuse('invalid-input', details[0] ?? 'Invalid input.', details);
    }
    try {
      return { ok: true, data: await run(name, fx, caller, parsed.data) };
    } catch (err) {
      if (err instanceof ApiError) return refuse(err.code, err.message, err.details);
      if (err instanceof z.ZodError) {
        const details = describeIssues(err);
        return refuse('invalid-input', details[0] ?? 'Invalid input.', details);
      }
      if (isBusy(err)) return refuse('busy', busyWriting(busy.holder()));
      const storage = describeStorageError(err);
      if (storage) return refuse('storage', storage);
      // Log the operation, never its input: inputs can hold guests' personal data.
      log(`recall-desk: ${name} failed: ${(err as Error).stack ?? String(err)}`);
      return refuse('internal', `Something went wrong in ${name}; nothing was changed. Details are in the log.`);
    }
  };
}
