// The operation registry: every domain's contract merged into one map. The IPC handlers, the HTTP
// bridge, the CLI and the renderer client derive from it; a domain adds an operation in its own
// shared/<domain>/contract.ts and its name in operation-names.ts (the compiler checks both agree).
import type { z } from 'zod';
import { campaignOperations } from './campaigns/contract';
import { formOperations } from './forms/contract';
import { importOperations } from './imports/contract';
import { lookupOperations } from './lookup/contract';
import { OPERATION_NAMES } from './operation-names';
import { reportOperations } from './reports/contract';
import { settingsOperations } from './settings/contract';
import { vehicleOperations } from './vehicles/contract';
import { partsOperations } from './parts/contract';
import { appointmentOperations } from './appointments/contract';
import { claimOperations } from './claims/contract';
import { changeOperations } from './changes/contract';
import { nhtsaOperations } from './nhtsa/contract';

export const operations = {
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
  ...nhtsaOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
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

export { ApiError, httpPath, ipcChannel, TOKEN_HEADER, unwrap, type ApiErrorBody, type Envelope, type ErrorCode } from './contract';
export type { CampaignDetail, CampaignSummary } from './campaigns/contract';
export type { ImportStatus } from './imports/contract';
export type { CampaignHit, LookupResult } from './lookup/contract';
export type { FollowUpList, HoldReport } from './reports/contract';
