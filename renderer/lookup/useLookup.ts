import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { LookupResult } from '../../shared/api';
import { apiQuery } from '../queries';

/** What the VIN cannot say and the counter can: stated once, kept for the next lookups of that VIN. */
export type Facts = { model: string | null; productionMonth: string | null };
export type LookupRequest = { vin: string } & Facts;
export type RecentLookup = Facts & { vin: string; modelYear: number; hits: number; at: string };

export const NO_FACTS: Facts = { model: null, productionMonth: null };
const RECENT_KEPT = 12;

/** The facts of an answer that the counter stated (not those from a VIN range or a vehicle record). */
export const statedFacts = (r: LookupResult): Facts => ({ model: r.modelSource === 'stated' ? r.model : null, productionMonth: r.productionMonth });

/**
 * The lookup's state: the question on screen, its answer (a query, so recording a status or finishing
 * an import brings it up to date by itself), and the recent lookups of this session.
 */
export function useLookup() {
  const client = useQueryClient();
  const [request, setRequest] = useState<LookupRequest | null>(null);
  const [recent, setRecent] = useState<RecentLookup[]>([]);
  const latest = useRef<LookupRequest | null>(null);

  const answer = useQuery({
    ...apiQuery('lookup', request),
    // The answer on screen stays until the next one is in (no flicker while a fact is answered); Esc clears it.
    placeholderData: request ? keepPreviousData : undefined,
  });

  /** Looks up, and resolves to the answer if this is still the newest question (else, or on an error: null). */
  const run = useCallback(
    async (req: LookupRequest): Promise<LookupResult | null> => {
      latest.current = req;
      setRequest(req);
      let r: LookupResult;
      try {
        // Asked again even when the same question was answered a moment ago: another window may have changed the data.
        r = await client.fetchQuery({ ...apiQuery('lookup', req), staleTime: 0 });
      } catch {
        return null; // The query holds the error, and the screen shows it.
      }
      const entry = {
        vin: r.vin,
        modelYear: r.modelYear,
        hits: r.campaigns.length,
        model: req.model,
        productionMonth: req.productionMonth,
        at: new Date().toLocaleTimeString(),
      };
      setRecent((prev) => [entry, ...prev.filter((p) => p.vin !== r.vin)].slice(0, RECENT_KEPT));
      return latest.current === req ? r : null;
    },
    [client],
  );

  const clear = useCallback(() => {
    latest.current = null;
    setRequest(null);
  }, []);

  return {
    request,
    result: answer.data ?? null,
    /** The answer shown is the previous question's, while the new one is on its way. */
    updating: answer.isPlaceholderData,
    busy: answer.isFetching,
    error: answer.error,
    recent,
    run,
    clear,
  };
}
