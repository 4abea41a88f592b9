// The operation registry: every domain's contract merged into one map. The IPC handlers, the HTTP
// bridge, the CLI and the renderer client derive from it; a domain adds an operation in its own
// shared/<domain>/contract.ts and its name in operation-names.ts (the compiler checks both agree); a
// new domain adds one line to DOMAINS.
import type { z } from './lazy-zod';
import * as accounts from './accounts/contract';
import * as appointments from './appointments/contract';
import * as campaigns from './campaigns/contract';
import * as changes from './changes/contract';
import * as claims from './claims/contract';
import type { Effects, OperationMap } from './contract';
import * as forms from './forms/contract';
import * as imports from './imports/contract';
import * as lan from './lan/contract';
import * as lookup from './lookup/contract';
import * as nhtsa from './nhtsa/contract';
import { OPERATION_NAMES } from './operation-names';
import * as parts from './parts/contract';
import * as reports from './reports/contract';
import * as settings from './settings/contract';
import * as vehicles from './vehicles/contract';

/**
 * Every domain's contract, by the domain's name, each read through a function. The CLI's bundle loads
 * a domain's contract module in that function, on the first use of one of its operations: a command
 * pays for the schemas of the domains it calls, not for those of all fourteen (scripts/build.mjs,
 * lazyContracts). Everywhere else these modules are loaded with this one.
 */
const DOMAINS = {
  accounts: () => ({ operations: accounts.accountOperations, effects: accounts.accountEffects }),
  lookup: () => ({ operations: lookup.lookupOperations, effects: lookup.lookupEffects }),
  campaigns: () => ({ operations: campaigns.campaignOperations, effects: campaigns.campaignEffects }),
  imports: () => ({ operations: imports.importOperations, effects: imports.importEffects }),
  vehicles: () => ({ operations: vehicles.vehicleOperations, effects: vehicles.vehicleEffects }),
  reports: () => ({ operations: reports.reportOperations, effects: reports.reportEffects }),
  settings: () => ({ operations: settings.settingsOperations, effects: settings.settingsEffects }),
  parts: () => ({ operations: parts.partsOperations, effects: parts.partsEffects }),
  appointments: () => ({ operations: appointments.appointmentOperations, effects: appointments.appointmentEffects }),
  claims: () => ({ operations: claims.claimOperations, effects: claims.claimEffects }),
  forms: () => ({ operations: forms.formOperations, effects: forms.formEffects }),
  changes: () => ({ operations: changes.changeOperations, effects: changes.changeEffects }),
  lan: () => ({ operations: lan.lanOperations, effects: lan.lanEffects }),
  nhtsa: () => ({ operations: nhtsa.nhtsaOperations, effects: nhtsa.nhtsaEffects }),
} satisfies Record<string, () => { operations: OperationMap; effects: Record<string, Effects> }>;

export type DomainName = keyof typeof DOMAINS;
/** The operations a domain declares (its handlers implement them: main/api/handlers.ts). */
export type DomainOperations<D extends DomainName> = ReturnType<(typeof DOMAINS)[D]>['operations'];
type Contract = { operations: OperationMap; effects: Record<string, Effects> };
type AllOf<U> = (U extends unknown ? (u: U) => void : never) extends (all: infer A) => void ? A : never;

export type Operations = AllOf<DomainOperations<DomainName>>;
export type OperationName = keyof Operations;

/** Each operation's domain, in the CLI's bundle: its build reads them from the contracts (scripts/build.mjs). */
declare const __OPERATION_DOMAINS__: Record<string, DomainName> | undefined;

/** Each operation's domain, in the registry's order (a domain's operations, then the next domain's). */
const OWNERS: Readonly<Record<string, DomainName>> =
  typeof __OPERATION_DOMAINS__ === 'object' && __OPERATION_DOMAINS__ !== null ? __OPERATION_DOMAINS__ : ownersOf();

function ownersOf(): Record<string, DomainName> {
  const owners: Record<string, DomainName> = {};
  for (const d of Object.keys(DOMAINS) as DomainName[]) for (const name of Object.keys(DOMAINS[d]().operations)) owners[name] = d;
  return owners;
}

const contracts = new Map<DomainName, Contract>();
function contractOf(d: DomainName): Contract {
  let c = contracts.get(d);
  if (!c) contracts.set(d, (c = DOMAINS[d]()));
  return c;
}

/**
 * One enumerable property per operation, read from its domain's contract the first time it is asked
 * for. Without a prototype: V8 keeps such an object as a dictionary, where each definition is one
 * insertion (on an ordinary object, each copies the list of the properties defined before it).
 */
function perOperation<T>(read: (c: Contract, name: string) => T): Record<OperationName, T> {
  const all = Object.create(null) as Record<string, T>;
  for (const name of Object.keys(OWNERS)) {
    Object.defineProperty(all, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = read(contractOf(OWNERS[name]!), name);
        Object.defineProperty(all, name, { value, enumerable: true });
        return value;
      },
    });
  }
  return all as Record<OperationName, T>;
}

/** Every operation's schemas (an input and an output), by name. */
export const operations = perOperation((c, name) => c.operations[name]) as Operations;
/** Every operation's effects (read or write, the data it touches, who may call it); one per operation. */
export const effects: Record<OperationName, Effects> = perOperation((c, name) => c.effects[name]!);
/** The domain that declares an operation. */
export const domainOf = (name: OperationName): DomainName => OWNERS[name]!;
export const operationNames: readonly OperationName[] = OPERATION_NAMES;
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

/** What the renderer calls; the same shape whether it goes over IPC or HTTP. */
export type Api = { [K in OperationName]: (input: InputOf<K>) => Promise<OutputOf<K>> };

// The preload's plain list must name exactly the registry's operations: a missing or extra name is a
// compile error here, not a silent gap in the window.
type Listed = (typeof OPERATION_NAMES)[number];
const _everyOperationListed: Record<OperationName, true> = {} as Record<Listed, true>;
const _noStrayName: Record<Listed, true> = {} as Record<OperationName, true>;
void _everyOperationListed;
void _noStrayName;

export {
  ApiError,
  EVENTS_PATH,
  httpPath,
  ipcChannel,
  SESSION_HEADER,
  TOKEN_HEADER,
  unwrap,
  type ApiErrorBody,
  type Effects,
  type Envelope,
  type ErrorCode,
  type Tag,
} from './contract';
export type { CampaignDetail, CampaignSummary } from './campaigns/contract';
export type { ImportStatus } from './imports/contract';
export type { CampaignHit, LookupResult } from './lookup/contract';
export type { FollowUpList, HoldReport } from './reports/contract';
