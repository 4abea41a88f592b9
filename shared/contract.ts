// What every domain's contract is made of: an operation is a zod schema for its input and one for its
// output. Domains declare theirs in shared/<domain>/contract.ts; shared/api.ts merges them, and the
// IPC handlers, the HTTP bridge, the CLI, the preload and the renderer client all derive from that.
import type { z } from './lazy-zod';
import type { Access, Role } from './accounts/roles';

export type Operation = { input: z.ZodType; output: z.ZodType };
export type OperationMap = Record<string, Operation>;

/** Declares a domain's operations; `satisfies` keeps each schema's own type. */
export const defineOperations = <M extends OperationMap>(ops: M): M => ops;

/**
 * The data an operation reads or changes. A read names what it shows, a write what it changes: the
 * renderer fetches again every read that shares a tag with a write, wherever the write was made.
 */
export const TAGS = [
  'library',
  'lookup',
  'vehicles',
  'lists',
  'imports',
  'reports',
  'parts',
  'stock',
  'appointments',
  'technicians',
  'claims',
  'settings',
  'forms',
  'accounts',
  'audit',
  /** Which database the window works on (this PC's, or a sharing PC's) and whether that PC answers. */
  'connection',
] as const;
export type Tag = (typeof TAGS)[number];

/**
 * What an operation does besides its schemas. The dispatcher derives from it what each handler once
 * did by hand: a write waits for a running import, runs in one immediate transaction, records who made
 * it in the audit trail and tells every open window what changed; a read runs deferred, beside imports.
 */
export type Effects = {
  kind: 'read' | 'write';
  tags: readonly Tag[];
  /** Who may call it: checked at the one gate (main/api/dispatch.ts) for every transport. */
  access: Access;
  /** What it does, in words: "Pat (counter) may not record stock movements: ...". */
  does: string;
  /** A write's input field naming who made it: the signed-in person is written there, whatever was sent. */
  actor?: string;
  /**
   * Starts or stops an import's job: the job queue orders it (and writes on its own connection), so
   * it neither waits for a running import nor runs in a transaction (Cancel must reach a running one).
   */
  queued?: true;
  /**
   * Names a file by its path on the computer that keeps the database: only that computer's own CLI
   * may call it. A caller over HTTP (a browser tab, a desk on the LAN) sends the file's bytes instead.
   */
  pathOnHost?: true;
};

export const read = (tags: readonly Tag[], does: string, access: Access = 'anyone', actor?: string): Effects => ({
  kind: 'read',
  tags,
  access,
  does,
  ...(actor ? { actor } : {}),
});
export const write = (tags: readonly Tag[], does: string, access: Access, actor?: string): Effects => ({
  kind: 'write',
  tags,
  access,
  does,
  ...(actor ? { actor } : {}),
});

/** An operation that reads a file by its path on the computer that keeps the database (see Effects.pathOnHost). */
export const onHostOnly = (fx: Effects): Effects => ({ ...fx, pathOnHost: true });

/** A write handed to the import queue (see Effects.queued). */
export const queued = (tags: readonly Tag[], does: string, access: Access): Effects => ({ ...write(tags, does, access), queued: true });

/** A domain's effects: one entry per operation of its contract, checked by the compiler. */
export const defineEffects = <M extends OperationMap>(_ops: M, effects: { [K in keyof M]: Effects }) => effects;

/** The signed-in person, as the gate found them. */
export type Actor = { id: number; name: string; roles: readonly Role[] };

/**
 * Who is calling: the person the gate signed in (null on a single PC with no accounts) and the session
 * the call came with (what signing out ends).
 */
export type Caller = { actor: Actor | null; session: string | null };

/** A domain's handlers: one function per operation, taking the parsed input and who calls. */
export type HandlersOf<M extends OperationMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>, caller: Caller) => z.output<M[K]['output']> | Promise<z.output<M[K]['output']>>;
};

export const ErrorCode = [
  'invalid-input',
  'invalid-vin',
  'invalid-bulletin',
  'not-found',
  'conflict',
  'busy',
  'storage',
  'internal',
  /** No one is signed in, or the session ended: sign in. */
  'unauthenticated',
  /** The person signed in may not do this. */
  'forbidden',
] as const;
export type ErrorCode = (typeof ErrorCode)[number];
export type ApiErrorBody = { code: ErrorCode; message: string; details: string[] };

/** Every transport carries this envelope, so errors arrive as data rather than as transport failures. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.data;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
}

/** The IPC channel of an operation; one per operation, nothing generic. */
export const ipcChannel = (name: string) => `recall-desk:${name}`;
/** The one channel main pushes "changed: tags" on to the window. */
export const CHANGED_CHANNEL = 'recall-desk:changed';
/** The HTTP path of an operation. */
export const httpPath = (name: string) => `/api/${name}`;
export const TOKEN_HEADER = 'x-recall-desk-token';
/** The signed-in person's session, sent with every call once signed in. */
export const SESSION_HEADER = 'x-recall-desk-session';
/** Changes pushed to the browser mode (a stream of "changed: tags"). */
export const EVENTS_PATH = '/events';
