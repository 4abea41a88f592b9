import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { LookupResult } from '../../shared/api';
import { apiQuery } from '../queries';
import { loadRecent, RECENT_KEPT, type RecentLookup, saveRecent } from './recent';

/** What the VIN cannot say and the counter can: stated once, kept for the next lookups of that VIN. */
export type Facts = { model: string | null; productionMonth: string | null };
export type LookupRequest = { vin: string } & Facts;
export type { RecentLookup };

export const NO_FACTS: Facts = { model: null, productionMonth: null };

/** The facts of an answer that the counter stated (not those from a VIN range, a decode or a vehicle record). */
export const statedFacts = (r: LookupResult): Facts => ({ model: r.modelSource === 'stated' ? r.model : null, productionMonth: r.productionMonth });

type Asked = LookupRequest & { decode: 'if-ready' | 'wait' };

/**
 * The lookup's state: the question on screen, its answer (a query, so recording a status or finishing
 * an import brings it up to date by itself), and the recent lookups. The answer comes first without
 * waiting for the VIN's decode; when the decode was not ready, the answer with it follows by itself.
 */
export function useLookup() {
  const client = useQueryClient();
  const [request, setRequest] = useState<Asked | null>(null);
  const [recent, setRecent] = useState<RecentLookup[]>(loadRecent);
  const latest = useRef<LookupRequest | null>(null);

  const answer = useQuery({
    ...apiQuery('lookup', request),
    // The answer on screen stays until the next one is in (no flicker while a fact is answered); Esc clears it.
    placeholderData: request ? keepPreviousData : undefined,
    // `run` asks afresh; switching to the answer with its decode must not ask a third time.
    staleTime: 5_000,
  });

  const remember = useCallback((r: LookupResult, req: LookupRequest) => {
    const entry: RecentLookup = {
      vin: r.vin,
      modelYear: r.modelYear,
      model: req.model,
      codes: r.campaigns.map((c) => c.code),
      // The moment as stored (ISO); shown as the one date format (shared/dates.ts).
      at: new Date().toISOString(),
    };
    setRecent((prev) => {
      const next = [entry, ...prev.filter((p) => p.vin !== r.vin)].slice(0, RECENT_KEPT);
      saveRecent(next);
      return next;
    });
  }, []);

  /** Looks up, and resolves to the answer if this is still the newest question (else, or on an error: null). */
  const run = useCallback(
    async (req: LookupRequest): Promise<LookupResult | null> => {
      latest.current = req;
      const quick: Asked = { ...req, decode: 'if-ready' };
      setRequest(quick);
      let r: LookupResult;
      try {
        // Asked again even when the same question was answered a moment ago: another window may have changed the data.
        r = await client.fetchQuery({ ...apiQuery('lookup', quick), staleTime: 0 });
      } catch {
        return null; // The query holds the error, and the screen shows it.
      }
      remember(r, req);
      if (r.decodePending) {
        const full: Asked = { ...req, decode: 'wait' };
        client
          .fetchQuery({ ...apiQuery('lookup', full), staleTime: 0 })
          .then((withDecode) => {
            if (latest.current !== req) return;
            setRequest(full);
            remember(withDecode, req);
          })
          .catch(() => {}); // The answer without the decode stays; it says so.
      }
      return latest.current === req ? r : null;
    },
    [client, remember],
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
