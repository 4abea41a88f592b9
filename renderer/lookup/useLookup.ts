import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LookupResult } from '../../shared/api';
import { apiQuery } from '../queries';
import { afterPaint } from '../ui/after-paint';
import { loadRecent, RECENT_KEPT, type RecentLookup, saveRecent } from './recent';

/** What the VIN cannot say and the counter can: stated once, kept for the next lookups of that VIN. */
export type Facts = { model: string | null; productionMonth: string | null };
export type LookupRequest = { vin: string } & Facts;
export type { RecentLookup };

export const NO_FACTS: Facts = { model: null, productionMonth: null };

/** The facts of an answer that the counter stated (not those from a VIN range, a decode or a vehicle record). */
export const statedFacts = (r: LookupResult): Facts => ({ model: r.modelSource === 'stated' ? r.model : null, productionMonth: r.productionMonth });

type Asked = LookupRequest & { decode: 'if-ready' | 'wait' };

/** A question still unanswered after this long shows as busy (the answer on screen dimmed): sooner, it would only flicker. */
const BUSY_AFTER_MS = 150;
/** How long an answer waits for its decode when the decode is not made yet (see `run`): about a frame. */
const DECODE_HOLD_MS = 20;

/**
 * The lookup's state: the question on screen, its answer (a query, so recording a status or finishing
 * an import brings it up to date by itself), and the recent lookups. The answer comes first without
 * waiting for the VIN's decode; when the decode was not ready, the answer with it follows by itself.
 * The screen changes once a question's answer is in: a scan's key press only sends the questions, so
 * nothing is drawn between the scan and its answer.
 */
export function useLookup() {
  const client = useQueryClient();
  const [request, setRequest] = useState<Asked | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [recent, setRecent] = useState<RecentLookup[]>(loadRecent);
  const latest = useRef<LookupRequest | null>(null);

  const answer = useQuery({
    ...apiQuery('lookup', request),
    // The question is shown once answered: its answer is in the cache (or its error, never asked twice).
    retryOnMount: false,
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
      const newest = () => latest.current === req;
      const quick: Asked = { ...req, decode: 'if-ready' };
      const full: Asked = { ...req, decode: 'wait' };
      const slow = setTimeout(() => newest() && setWaiting(true), BUSY_AFTER_MS);
      // Both asked at once (afresh even when answered a moment ago: another window may have changed the
      // data): the answer with the decode is on its way while the first is drawn, not asked for a round
      // trip after it.
      let withDecode: LookupResult | null = null;
      const decoded = client.fetchQuery({ ...apiQuery('lookup', full), staleTime: 0 }).then((d) => (withDecode = d));
      // A refusal of this one is the first answer's too (a bad VIN), shown as that: never a stray error, whichever comes first.
      decoded.catch(() => {});
      const show = (asked: Asked, r: LookupResult | null) => {
        if (!newest()) return;
        clearTimeout(slow);
        // Drawn now, not in a later task behind whatever else the page has queued: it is what the counter waits for.
        flushSync(() => {
          setWaiting(false);
          setRequest(asked);
        });
        // The recent lookups (and their storage) once the answer is on screen.
        if (r) afterPaint(() => remember(r, req));
      };
      const first = client.fetchQuery({ ...apiQuery('lookup', quick), staleTime: 0 });
      first.catch(() => {});
      // A decode made already (a family met before) makes the answer with it as quick as the other, and
      // the server answers it first: whichever is in first with the decode is drawn, not held for the other.
      await Promise.race([first.catch(() => null), decoded.catch(() => null)]);
      if (withDecode) {
        show(full, withDecode);
        return newest() ? withDecode : null;
      }
      let r: LookupResult;
      try {
        r = await first;
      } catch {
        show(quick, null); // The query holds the error, and the screen shows it.
        return null;
      }
      if (!r.decodePending) {
        show(quick, r);
        return newest() ? r : null;
      }
      // The decode is usually a few ms behind: held that long, the answer is drawn once, with it. A slower
      // decode (a family the decoder meets for the first time on a busy PC) follows the answer; it says so.
      if (!withDecode) await Promise.race([decoded.catch(() => null), new Promise((ok) => setTimeout(ok, DECODE_HOLD_MS))]);
      if (withDecode) show(full, withDecode);
      else {
        show(quick, r);
        decoded.then((d) => show(full, d)).catch(() => {});
      }
      return newest() ? r : null;
    },
    [client, remember],
  );

  const clear = useCallback(() => {
    latest.current = null;
    setWaiting(false);
    setRequest(null);
  }, []);

  /** The newest question asked, answered or not (facts stated meanwhile add up on it). */
  const newestAsked = useCallback(() => latest.current, []);

  return {
    request,
    newestAsked,
    result: answer.data ?? null,
    /** A question is taking a moment: the answer shown is the previous question's. */
    updating: waiting,
    error: answer.error,
    recent,
    run,
    clear,
  };
}
