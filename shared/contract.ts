// What every domain's contract is made of: an operation is a zod schema for its input and one for its
// output. Domains declare theirs in shared/<domain>/contract.ts; shared/api.ts merges them, and the
// IPC handlers, the HTTP bridge, the CLI, the preload and the renderer client all derive from that.
import type { z } from 'zod';

export type Operation = { input: z.ZodType; output: z.ZodType };
export type OperationMap = Record<string, Operation>;

/** Declares a domain's operations; `satisfies` keeps each schema's own type. */
export const defineOperations = <M extends OperationMap>(ops: M): M => ops;

/** A domain's handlers: one function per operation, taking the parsed input. */
export type HandlersOf<M extends OperationMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>) => z.output<M[K]['output']> | Promise<z.output<M[K]['output']>>;
};

export const ErrorCode = ['invalid-input', 'invalid-vin', 'invalid-bulletin', 'not-found', 'conflict', 'busy', 'storage', 'internal'] as const;
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
/** The HTTP path of an operation. */
export const httpPath = (name: string) => `/api/${name}`;
export const TOKEN_HEADER = 'x-recall-desk-token';
