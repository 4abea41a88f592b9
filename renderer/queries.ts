// The renderer's data, on TanStack Query: one query key per operation and input, and one table of what
// each write changes, so a screen never has to tell another that the data moved.
import { MutationCache, QueryCache, QueryClient, queryOptions, skipToken, useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ApiError, type InputOf, type OperationName, type OutputOf } from '../shared/api';
import { api } from './api';

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

/** A write. What it changes is fetched again afterwards (see CHANGES), whichever screen asked. */
export function useApiMutation<K extends OperationName>(
  name: K,
  options: Omit<UseMutationOptions<OutputOf<K>, Error, InputOf<K>>, 'mutationFn' | 'mutationKey'> = {},
) {
  return useMutation({ ...options, mutationKey: [name], mutationFn: (input: InputOf<K>) => call(name, input) });
}

/** Everything a campaign's bulletin feeds: the library, every answer and both reports. */
const CAMPAIGN_DATA: readonly OperationName[] = [
  'appInfo',
  'listCampaigns',
  'getCampaign',
  'lookup',
  'holdReport',
  'followUpList',
  'listChanges',
  'unseenChanges',
];
/** Everything a vehicle's record or an affected-VIN list feeds. */
const VEHICLE_DATA: readonly OperationName[] = ['appInfo', 'lookup', 'holdReport', 'followUpList', 'listChanges', 'unseenChanges', 'nhtsaStatus'];

/** What each write changes. An import changes the data only once its job is done. */
const CHANGES: Partial<Record<OperationName, readonly OperationName[]>> = {
  importBulletin: CAMPAIGN_DATA,
  setVehicleCampaignStatus: VEHICLE_DATA,
  saveSettings: ['getSettings', 'renderForm'],
  addStaff: ['getSettings'],
  removeStaff: ['getSettings'],
  recordForm: ['listForms'],
  markChangesSeen: ['listChanges', 'unseenChanges'],
  saveFormPdf: ['listForms'],
};

/** Everything the parts counter and the service lane feed (a completion also changes the lookup and the reports). */
const LANE_DATA: readonly OperationName[] = [
  ...VEHICLE_DATA,
  'listParts',
  'stockHistory',
  'suggestOrders',
  'listAppointments',
  'previewBooking',
  'listClaims',
  'listTechnicians',
];
for (const name of [
  'setPart',
  'recordMovement',
  'reverseMovement',
  'setStockingLevel',
  'acceptSuggestions',
  'addTechnician',
  'bookAppointment',
  'setAppointmentStatus',
  'completeAppointment',
  'correctClaim',
] as const)
  CHANGES[name] = LANE_DATA;

type ImportStatus = OutputOf<'importStatus'>;
const IMPORT_STATUS_OPERATIONS: readonly OperationName[] = ['commitImport', 'cancelImport'];

/**
 * Problems a person can act on (a bad VIN, a file with errors, the app not running) arrive as ApiError
 * and are shown where they happen. Anything else (an answer that breaks the contract, a failed render)
 * is a bug: it goes to the screen's error boundary instead of into a half-drawn screen.
 */
export const isBug = (error: unknown): boolean => !(error instanceof ApiError);

export function createQueryClient(): QueryClient {
  const finishedJobs = new Set<string>();
  const refetch = (names: readonly OperationName[]) => Promise.all(names.map((name) => client.invalidateQueries({ queryKey: [name] })));

  /** When an import's job is done (whichever call said so first), the data it changed is fetched again. */
  const importReported = (status: ImportStatus) => {
    if (status.state !== 'done' || finishedJobs.has(status.jobId)) return;
    finishedJobs.add(status.jobId);
    return refetch(VEHICLE_DATA);
  };

  /**
   * The top bar asks for the app info every few seconds. When it shows the library changed (a bulletin
   * imported by the CLI or another window), everything fed by the campaigns is fetched again.
   */
  let library: string | null = null;
  const libraryReported = (info: OutputOf<'appInfo'>) => {
    const now = `${info.campaignCount} ${info.newestRevisionDate}`;
    if (library !== null && library !== now) void refetch(CAMPAIGN_DATA.filter((name) => name !== 'appInfo'));
    library = now;
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
        if (IMPORT_STATUS_OPERATIONS.includes(name)) {
          // Starting or cancelling answers with the job's status: its progress query shows it at once.
          const status = data as ImportStatus;
          client.setQueryData(queryKey('importStatus', { jobId: status.jobId }), status);
          return importReported(status);
        }
        const changed = CHANGES[name];
        return changed ? refetch(changed) : undefined;
      },
    }),
    queryCache: new QueryCache({
      onSuccess: (data, query) => {
        if (query.queryKey[0] === 'importStatus') void importReported(data as ImportStatus);
        if (query.queryKey[0] === 'importJobs') for (const job of data as ImportStatus[]) void importReported(job);
        if (query.queryKey[0] === 'appInfo') libraryReported(data as OutputOf<'appInfo'>);
      },
    }),
  });
  return client;
}
