// The operation registry: every domain's contract merged into one map. The IPC handlers, the HTTP
// bridge, the CLI and the renderer client derive from it; a domain adds an operation in its own
// shared/<domain>/contract.ts and its name in operation-names.ts (the compiler checks both agree).
import type { z } from './lazy-zod';
import { accountEffects, accountOperations } from './accounts/contract';
import { campaignEffects, campaignOperations } from './campaigns/contract';
import type { Effects } from './contract';
import { formEffects, formOperations } from './forms/contract';
import { lanEffects, lanOperations } from './lan/contract';
import { importEffects, importOperations } from './imports/contract';
import { lookupEffects, lookupOperations } from './lookup/contract';
import { OPERATION_NAMES } from './operation-names';
import { reportEffects, reportOperations } from './reports/contract';
import { settingsEffects, settingsOperations } from './settings/contract';
import { vehicleEffects, vehicleOperations } from './vehicles/contract';
import { partsEffects, partsOperations } from './parts/contract';
import { appointmentEffects, appointmentOperations } from './appointments/contract';
import { claimEffects, claimOperations } from './claims/contract';
import { changeEffects, changeOperations } from './changes/contract';
import { nhtsaEffects, nhtsaOperations } from './nhtsa/contract';

export const operations = {
  ...accountOperations,
  ...lookupOperations,
  ...campaignOperations,
  ...importOperations,
  ...vehicleOperations,
  ...reportOperations,
  ...settingsOperations,
  ...partsOperations,
  ...appointmentOperations,
  ...claimOperations,
  ...formOperations,
  ...changeOperations,
  ...lanOperations,
  ...nhtsaOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** Every operation's effects (read or write, the data it touches, who may call it); one per operation. */
export const effects: Record<OperationName, Effects> = {
  ...accountEffects,
  ...lookupEffects,
  ...campaignEffects,
  ...importEffects,
  ...vehicleEffects,
  ...reportEffects,
  ...settingsEffects,
  ...partsEffects,
  ...appointmentEffects,
  ...claimEffects,
  ...changeEffects,
  ...nhtsaEffects,
  ...formEffects,
  ...lanEffects,
};
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
