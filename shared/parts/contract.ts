// The parts domain: each campaign's parts (the bulletin's values and the counter's dated amendments),
// the stock ledger and the order suggestions.
import { z } from '../lazy-zod';
import { defineEffects, defineOperations, read, write } from '../contract';
import { MANAGERS, PARTS } from '../accounts/roles';
import { CampaignCode, Empty, Vin } from '../schemas';
import { Count, FreeText, PartNumberText, PersonName, Quantity, Reason } from './fields';

export const MacCode = z.enum(['C', 'D', 'none']);
export const MovementKind = z.enum(['receive', 'order', 'use', 'return', 'count']);
export const OrderMethod = z.enum(['stock', 'cpor', 'mac-report', 'none']);
/** A vehicle's CPOR request: to place in Service Lane, on order (its CPOR reference entered), received. */
export const CporStateName = z.enum(['to-place', 'on-order', 'received']);
/** Where a vehicle's per-VIN part stands, since when, its CPOR reference once entered, and its number. */
/** The number the newest imported affected-VIN list gives the VIN when it is not the request's own (a newer list changed it). */
export const ListedNow = z.object({ partNumber: z.string(), date: z.string() });
export const CporState = z.object({
  state: CporStateName,
  since: z.string(),
  reference: z.string().nullable(),
  partNumber: z.string(),
  listedNow: ListedNow.nullable().default(null),
});

/** Where a part's value comes from: the bulletin, or the counter's amendment (dated, with who). */
export const ValueSource = z.enum(['bulletin', 'amendment', 'not-stated']);

const Amendment = z.object({
  id: z.number().int(),
  madeBy: z.string(),
  madeAt: z.string(),
  bulletinRevision: z.string(),
  changes: z.array(z.string()),
});

export const CampaignPart = z.object({
  campaign: z.string(),
  /** The number or pattern the ledger keys this part on. null: not yet released. */
  partNumber: z.string().nullable(),
  isPattern: z.boolean(),
  description: z.string(),
  quantity: z.number().int().nullable(),
  macCode: z.string().nullable(),
  released: z.boolean(),
  perVin: z.boolean().nullable(),
  allocation: z.number().int().nullable(),
  /** Where each value comes from, so bulletin values and amendments are told apart. */
  sources: z.object({
    partNumber: ValueSource,
    description: ValueSource,
    quantity: ValueSource,
    macCode: ValueSource,
    released: ValueSource,
    perVin: ValueSource,
    allocation: ValueSource,
  }),
  /** The bulletin's own values, as printed. */
  bulletin: z
    .object({
      partNumber: z.string().nullable(),
      description: z.string(),
      quantity: z.number().int().nullable(),
      macCode: z.string().nullable(),
      released: z.boolean(),
      perVin: z.boolean().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  amendments: z.array(Amendment),
  /** "Bulletin revision 2024-03-01 states ...: the local amendment of ... no longer applies." */
  superseded: z.array(z.string()),
  stockingLevel: z.number().int(),
  onHand: z.number().int(),
  onOrder: z.number().int(),
  /** Per-VIN parts are held per VIN. */
  perVinStock: z.array(
    z.object({
      vin: z.string(),
      onHand: z.number().int(),
      onOrder: z.number().int(),
      /** The CPOR request's state for this vehicle, and its number (the list's, or the one ordered). */
      cpor: CporState.nullable().optional(),
    }),
  ),
});

/** A campaign whose bulletin lists no parts: what it says instead. */
export const PartsNote = z.object({ campaign: z.string(), note: z.string() });

export const PartsList = z.object({ parts: z.array(CampaignPart), notes: z.array(PartsNote) });

export const SetPartInput = z
  .object({
    campaign: CampaignCode,
    part: PartNumberText,
    description: z.string().trim().min(1).max(120).nullish(),
    quantity: Quantity.nullish(),
    macCode: MacCode.nullish(),
    released: z.boolean().nullish(),
    perVin: z.boolean().nullish(),
    allocation: Count.nullish(),
    by: PersonName,
  })
  .refine((v) => [v.description, v.quantity, v.macCode, v.released, v.perVin, v.allocation].some((x) => x !== undefined && x !== null), {
    message: 'say what to record: a description, quantity, MAC code, released, per VIN or an allocation',
    path: ['part'],
  });

export const Movement = z.object({
  id: z.number().int(),
  part: z.string(),
  partNumber: z.string(),
  kind: z.enum(['receive', 'order', 'use', 'return', 'count', 'reverse']),
  quantity: z.number().int(),
  vin: z.string().nullable(),
  expectedOn: z.string().nullable(),
  ref: z.string().nullable(),
  appointmentId: z.number().int().nullable(),
  reversesId: z.number().int().nullable(),
  reversedBy: z.number().int().nullable(),
  madeBy: z.string(),
  madeAt: z.string(),
  /** What it did to the stock, in words. */
  effect: z.string(),
});

export const RecordMovementInput = z
  .object({
    kind: MovementKind,
    part: PartNumberText,
    quantity: Count,
    vin: z.string().trim().max(64).nullish(),
    /** As typed at the counter (03/14/2024, 2024-03-14); the service reads it (parseCounterDate). */
    expectedOn: z.string().trim().max(40, 'The expected date is far too long: write it as 03/14/2024.').nullish(),
    ref: FreeText.nullish(),
    by: PersonName,
  })
  .refine((v) => v.kind === 'count' || v.quantity > 0, { message: 'the quantity must be 1 or more (only a physical count can be 0)', path: ['quantity'] });

/** A movement as the part's ledger on screen shows it: only its columns. */
export const LedgerLine = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: Movement.shape.kind,
  quantity: z.number().int(),
  partNumber: z.string(),
  vin: z.string().nullable(),
  expectedOn: z.string().nullable(),
  ref: z.string().nullable(),
  by: z.string(),
  /** What it did to the stock, in words. */
  effect: z.string(),
  /** A later movement reversed it: it does not count. */
  reversed: z.boolean(),
});

export const StockPosition = z.object({ part: z.string(), onHand: z.number().int(), onOrder: z.number().int(), vin: z.string().nullable() });

/** What a line orders for: a booked vehicle, a vehicle in stock, or the shelf (stock parts); null: it orders nothing. */
export const SuggestionSource = z.enum(['booked', 'in-stock', 'shelf']);

export const SuggestionLine = z.object({
  /**
   * The line's own key, the same from one call to the next while the line stands: campaign, part number
   * and VIN joined by "|" ("23LJ01|04002-78010|JTH…", "BLC|12345-67890|"). Accepting takes these keys.
   */
  key: z.string(),
  campaign: z.string(),
  partNumber: z.string().nullable(),
  /** The campaign's part the line is for, as the parts list names it (04002-**** for every VIN's own number). */
  part: z.string().nullable(),
  method: OrderMethod,
  quantity: z.number().int(),
  vin: z.string().nullable(),
  reason: z.string(),
  source: SuggestionSource.nullable(),
  /** The booking's date and time (2026-11-25T09:00) for a booked vehicle's line. */
  bookedAt: z.string().nullable(),
});
export const Suggestions = z.object({ horizonDays: z.number().int(), lines: z.array(SuggestionLine) });
const Horizon = z
  .number({ message: 'the horizon is a number of days, e.g. 14' })
  .int('the horizon is a whole number of days')
  .min(1, 'the horizon is at least 1 day')
  .max(365, 'the horizon is at most 365 days');

export const partsOperations = defineOperations({
  listParts: { input: Empty, output: PartsList },
  setPart: { input: SetPartInput, output: CampaignPart },
  recordMovement: {
    input: RecordMovementInput,
    output: z.object({
      movement: Movement,
      position: StockPosition,
      /** A per-VIN part's CPOR request after an order or a receipt (an order by hand is "to place" until its reference); else null. */
      cpor: CporState.nullable().default(null),
      /** What was accepted but is worth a word (a receipt before the request's CPOR reference was entered). */
      warnings: z.array(z.string()).default([]),
    }),
  },
  reverseMovement: {
    input: z.object({ id: z.number().int().positive(), reason: Reason, by: PersonName }),
    output: z.object({ movement: Movement, position: StockPosition }),
  },
  setStockingLevel: {
    input: z.object({ part: PartNumberText, level: Count, by: PersonName }),
    output: StockPosition.extend({ stockingLevel: z.number().int() }),
  },
  /**
   * A part's movements, oldest first: a pattern's every number, or (a concrete number of the pattern)
   * that number's only. A vehicle's CPOR order says where its request stands and its reference.
   */
  stockHistory: {
    input: z.object({ part: PartNumberText }),
    output: z.object({
      part: z.string(),
      /** The concrete number asked for when the part is a pattern (its movements and figures only); else null. */
      number: z.string().nullable().default(null),
      /** What the part is called in a sentence ("key", else "part"). */
      what: z.enum(['key', 'part']).default('part'),
      movements: z.array(
        Movement.extend({
          /** The open CPOR request this order is: to place (no reference yet) or on order; null for any other movement. */
          cpor: CporState.nullable().default(null),
          /** The CPOR reference entered for this order, if any (kept once the part is received). */
          cporReference: z.string().nullable().default(null),
        }),
      ),
      position: StockPosition,
      /** A per-VIN part's open CPOR requests, to place vs on order (the position's onOrder counts both); null for a shelf part. */
      requests: z.object({ toPlace: z.number().int(), onOrder: z.number().int() }).nullable().default(null),
    }),
  },
  /** A part's ledger for the screen: every movement, newest first, only the columns shown. */
  partLedger: {
    input: z.object({
      part: PartNumberText,
      /** A page, newest first: skip this many movements, give at most `limit` (none: all of them). */
      offset: z.number().int().min(0, 'the offset is 0 or more').default(0),
      limit: z.number().int().min(1, 'the limit is 1 or more').max(100_000).nullish(),
    }),
    output: z.object({
      part: z.string(),
      position: z.object({ onHand: z.number().int(), onOrder: z.number().int() }),
      /** Movements of the part in all, and where this page starts. */
      total: z.number().int(),
      offset: z.number().int(),
      movements: z.array(LedgerLine),
    }),
  },
  /** A vehicle's per-VIN parts with a CPOR request, an order or a receipt: what its campaign cards say. */
  vehicleCpor: {
    input: z.object({ vin: Vin }),
    output: z.object({
      vin: z.string(),
      parts: z.array(
        z.object({
          campaign: z.string(),
          part: z.string(),
          description: z.string(),
          /** The part in a sentence: "key" or "part". */
          what: z.enum(['key', 'part']),
          state: CporStateName,
          since: z.string(),
          reference: z.string().nullable(),
          partNumber: z.string(),
          listedNow: ListedNow.nullable(),
        }),
      ),
    }),
  },
  setCporReference: {
    input: z.object({ id: z.number().int().positive(), reference: z.string().trim().min(1, 'give the CPOR reference').max(40), by: PersonName }),
    output: z.object({ id: z.number().int(), part: z.string(), vin: z.string(), reference: z.string(), state: z.enum(['to-place', 'on-order', 'received']) }),
  },
  /**
   * The CPOR requests not yet received: to place in Service Lane (no CPOR reference yet), then on order;
   * `state` keeps one of the two. The counts are of both, whatever `state` keeps.
   */
  cporRequests: {
    input: z.object({ state: z.enum(['to-place', 'on-order']).nullish() }),
    output: z.object({
      toPlace: z.number().int(),
      onOrder: z.number().int(),
      requests: z.array(
        z.object({
          /** The order movement: its CPOR reference is entered against it (setCporReference). */
          id: z.number().int(),
          campaign: z.string().nullable(),
          part: z.string(),
          partNumber: z.string(),
          description: z.string().nullable(),
          what: z.enum(['key', 'part']),
          vin: z.string(),
          state: z.enum(['to-place', 'on-order']),
          /** To place: since the request was accepted; on order: since its reference was entered. */
          since: z.string(),
          reference: z.string().nullable(),
          /** Who recorded the request: accepted the suggestion line, or ordered it by hand (see recordedAs). */
          acceptedBy: z.string(),
          acceptedAt: z.string(),
          enteredBy: z.string().nullable(),
          /** An accepted suggestion line, or a per-VIN part ordered by hand (stock order --vin). */
          recordedAs: z.enum(['accepted', 'ordered']).default('accepted'),
          listedNow: ListedNow.nullable().default(null),
        }),
      ),
    }),
  },
  suggestOrders: { input: z.object({ horizonDays: Horizon.default(14) }), output: Suggestions },
  acceptSuggestions: {
    input: z
      .object({
        horizonDays: Horizon.default(14),
        by: PersonName,
        /** Exactly these lines (their keys); a key no longer suggested refuses the whole acceptance. */
        keys: z.array(z.string().max(200)).max(100_000, 'at most 100,000 lines at once').nullish(),
        /** Only the chosen lines: one campaign, these VINs (CPOR lines), only booked vehicles' lines. */
        campaign: CampaignCode.nullish(),
        vins: z.array(z.string().max(64)).max(20000).nullish(),
        bookedOnly: z.boolean().default(false),
      })
      .refine((v) => !v.keys || v.keys.length > 0, { message: 'choose at least one line to accept', path: ['keys'] })
      .refine((v) => !v.keys || (!v.campaign && !v.vins?.length && !v.bookedOnly), {
        message: 'choose lines by key, or by campaign, VINs or booked only, not both',
        path: ['keys'],
      }),
    output: Suggestions.extend({
      recorded: z.array(Movement),
      /** Each VIN chosen (vins) that got no order, and why: no line for it, its line orders nothing, or another choice left it out. */
      notOrdered: z.array(z.object({ vin: z.string(), reason: z.string() })),
    }),
  },
});

export const partsEffects = defineEffects(partsOperations, {
  listParts: read(['parts', 'stock', 'library'], 'see the parts'),
  setPart: write(['parts', 'lookup'], 'amend campaign parts', PARTS, 'by'),
  recordMovement: write(['stock', 'lookup', 'reports'], 'record stock movements', PARTS, 'by'),
  reverseMovement: write(['stock', 'lookup', 'reports'], 'reverse stock movements', MANAGERS, 'by'),
  setStockingLevel: write(['stock'], 'set stocking levels', PARTS, 'by'),
  stockHistory: read(['stock'], 'see a part’s ledger'),
  partLedger: read(['stock'], 'see a part’s ledger'),
  vehicleCpor: read(['stock', 'parts'], 'see a vehicle’s CPOR requests'),
  setCporReference: write(['stock', 'lookup', 'reports'], 'enter CPOR references', PARTS, 'by'),
  cporRequests: read(['stock', 'parts'], 'see the CPOR requests'),
  suggestOrders: read(['stock', 'parts', 'appointments', 'vehicles', 'lists', 'library'], 'see order suggestions'),
  acceptSuggestions: write(['stock', 'lookup', 'reports'], 'accept order suggestions', PARTS, 'by'),
});

export type CampaignPart = z.output<typeof CampaignPart>;
export type PartsList = z.output<typeof PartsList>;
export type Movement = z.output<typeof Movement>;
export type LedgerLine = z.output<typeof LedgerLine>;
export type SuggestionLine = z.output<typeof SuggestionLine>;
export type SuggestionSource = z.output<typeof SuggestionSource>;
export type Suggestions = z.output<typeof Suggestions>;
export type CporRequest = z.output<(typeof partsOperations)['cporRequests']['output']>['requests'][number];
export type StockHistory = z.output<(typeof partsOperations)['stockHistory']['output']>;
