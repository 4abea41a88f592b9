// The renderer's data, on TanStack Query: one query key per operation and input. What a write changes
// is not listed here: the contract declares each operation's tags (the data a read shows, the data a
// write changes), and every read sharing a tag with a write is fetched again, whether the write was
// made in this window (its answer) or anywhere else (the main process pushes "changed: tags").
import { MutationCache, QueryClient, queryOptions, skipToken, useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ApiError, effects, type InputOf, type OperationName, type OutputOf } from '../shared/api';
import { api, subscribeChanges } from './api';

/** Calls one operation through the client (IPC in Electron, HTTP in the browser mode). */
function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return (api[name] as unknown as (i: InputOf<K>) => Promise<OutputOf<K>>)(input);
}

/** The key of one operation's answer for one input; `[name]` alone matches every input. */
export const queryKey = <K extends OperationName>(name: K, input: InputOf<K> | null) => [name, input] as const;

/** A read: its key and how to fetch it. `null` as input means "nothing to ask yet" (the query waits). */
export function apiQuery<K extends OperationName>(name: K, input: InputOf<K> | null) {
  return queryOptions({
    queryKey: queryKey(name, input),
    queryFn: input === null ? skipToken : () => call(name, input),
  });
}

/** A write. What it changes is fetched again afterwards, on every screen (see the contract's tags). */
export function useApiMutation<K extends OperationName>(
  name: K,
  options: Omit<UseMutationOptions<OutputOf<K>, Error, InputOf<K>>, 'mutationFn' | 'mutationKey'> = {},
) {
  return useMutation({ ...options, mutationKey: [name], mutationFn: (input: InputOf<K>) => call(name, input) });
}

type ImportStatus = OutputOf<'importStatus'>;

/**
 * Problems a person can act on (a bad VIN, a file with errors, the app not running) arrive as ApiError
 * and are shown where they happen. Anything else (an answer that breaks the contract, a failed render)
 * is a bug: it goes to the screen's error boundary instead of into a half-drawn screen.
 */
export const isBug = (error: unknown): boolean => !(error instanceof ApiError);

/** True when a read shows any of these tags. */
export function readsAny(name: string, tags: ReadonlySet<string>): boolean {
  const fx = (effects as Record<string, (typeof effects)[OperationName] | undefined>)[name];
  return fx?.kind === 'read' && fx.tags.some((t) => tags.has(t));
}

export function createQueryClient(): QueryClient {
  const refetch = (tags: readonly string[]) => {
    const set = new Set(tags);
    return client.invalidateQueries({ predicate: (q) => readsAny(String(q.queryKey[0]), set) });
  };

  const client: QueryClient = new QueryClient({
    defaultOptions: {
      // Everything is local: an error is an answer, not a hiccup, so asking again would only delay it.
      queries: { retry: false, throwOnError: isBug },
      mutations: { retry: false, throwOnError: isBug },
    },
    mutationCache: new MutationCache({
      onSuccess: (data, _input, _result, mutation) => {
        const name = mutation.options.mutationKey?.[0] as OperationName | undefined;
        if (!name) return;
        // Starting or cancelling an import answers with the job's status: its progress shows at once.
        if (name === 'commitImport' || name === 'cancelImport') {
          const status = data as ImportStatus;
          client.setQueryData(queryKey('importStatus', { jobId: status.jobId }), status);
        }
        // This window need not wait for the push: what the write changed is fetched now.
        return refetch(effects[name].tags);
      },
    }),
  });
  return client;
}

/**
 * Follows the changes the main process pushes: every read sharing a tag is fetched again, and on
 * (re)connecting everything is, since changes may have been missed while the stream was down.
 */
export function followChanges(client: QueryClient): () => void {
  let reconnect = false;
  return subscribeChanges(
    (tags) => void client.invalidateQueries({ predicate: (q) => readsAny(String(q.queryKey[0]), new Set(tags)) }),
    () => {
      if (reconnect) void client.invalidateQueries();
      reconnect = true;
    },
  );
}
