// A part's history as the counter reads it (`stock history`, the API's stockHistory): the ledger's
// movements, and for a per-VIN part where each vehicle's CPOR request stands. The ledger keeps an
// accepted request as an order with the placeholder ref "CPOR": to the ledger it is on order, to the
// parts person it is still to place in Service Lane until its CPOR reference is entered.
import type { ParsedInputOf } from '../../shared/api';
import type { Db } from '../db/open';
import type { CoreServices as Services } from '../core-services';
import { partWord } from '../../shared/parts/wording';
import { findPart, loadCatalog } from './catalog';
import { openRequestsOf } from './cpor';
import { ledgerOf, stockHistory } from './service';

type HistoryServices = Pick<Services, 'db' | 'campaigns' | 'now'>;

export function partHistory(s: HistoryServices, input: ParsedInputOf<'stockHistory'>) {
  return s.db.sqlite
    .transaction(() => {
      const h = stockHistory(s, input);
      // A concrete number of a pattern (04002-12345 of 04002-****) is one vehicle's key: its movements
      // only, not every VIN's.
      const number = input.part !== h.part ? input.part : null;
      const movements = number === null ? h.movements : h.movements.filter((m) => m.partNumber === number);
      const requests = openRequestsOf(s.db, h.part);
      const references = referencesOf(
        s.db,
        movements.filter((m) => m.kind === 'order' && m.vin !== null).map((m) => m.id),
      );
      const vins = number === null ? null : new Set(movements.flatMap((m) => (m.vin ? [m.vin] : [])));
      let position = h.position;
      if (vins) {
        // The number's own figures: those of the vehicles its movements are for.
        const perVin = ledgerOf(s.db).positions().get(h.part)?.perVin;
        let onHand = 0;
        let onOrder = 0;
        for (const vin of vins) {
          onHand += perVin?.get(vin)?.onHand ?? 0;
          onOrder += perVin?.get(vin)?.onOrder ?? 0;
        }
        position = { ...position, part: number!, onHand, onOrder };
      }
      const perVinPart = movements.some((m) => m.vin !== null) || requests.size > 0;
      let toPlace = 0;
      let placed = 0;
      for (const r of requests.values()) {
        if (vins && !vins.has(r.vin)) continue;
        if (r.state.state === 'to-place') toPlace++;
        else placed++;
      }
      return {
        part: h.part,
        number,
        what: partWord(findPart(loadCatalog(s.db, s.campaigns), h.part)?.description ?? ''),
        movements: movements.map((m) => ({ ...m, cpor: requests.get(m.id)?.state ?? null, cporReference: references.get(m.id) ?? null })),
        position,
        requests: perVinPart ? { toPlace, onOrder: placed } : null,
      };
    })
    .deferred();
}

/** The CPOR references entered for these orders, by movement. */
function referencesOf(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.sqlite
    .prepare<[string], [number, string]>('SELECT movement_id, reference FROM cpor_references WHERE movement_id IN (SELECT value FROM json_each(?))')
    .raw(true)
    .all(JSON.stringify(ids));
  return new Map(rows);
}
