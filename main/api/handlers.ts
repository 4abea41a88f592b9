// The handler registry: each domain's handlers, by the domain's name in the operation registry
// (shared/api.ts), typed from its contract. A domain adds its line here once; adding an operation to a
// domain touches only that domain. A domain's handlers (and all their code) are loaded when one of its
// operations is first called: a CLI command loads the domains it calls, not all fourteen.
import { type DomainName, type DomainOperations, domainOf, type OperationName, type OutputOf, type ParsedInputOf } from '../../shared/api';
import type { Caller, HandlersOf } from '../../shared/contract';
import type { Services } from '../services';

export type Handlers = { [K in OperationName]: (input: ParsedInputOf<K>, caller: Caller) => OutputOf<K> | Promise<OutputOf<K>> };

/** One operation's handler, as the dispatcher calls it (the input parsed by the operation's schema). */
export type Handler = (input: unknown, caller: Caller) => unknown;

/** How to make each domain's handlers: a domain left out, or handlers of other operations than its contract's, is a compile error. */
const DOMAINS: { [D in DomainName]: () => Promise<(s: Services) => HandlersOf<DomainOperations<D>>> } = {
  accounts: async () => (await import('../accounts/handlers')).accountHandlers,
  lookup: async () => (await import('../lookup/handlers')).lookupHandlers,
  campaigns: async () => (await import('../campaigns/handlers')).campaignHandlers,
  imports: async () => (await import('../imports/handlers')).importHandlers,
  vehicles: async () => (await import('../vehicles/handlers')).vehicleHandlers,
  reports: async () => (await import('../reports/handlers')).reportHandlers,
  settings: async () => (await import('../settings/handlers')).settingsHandlers,
  parts: async () => (await import('../parts/handlers')).partsHandlers,
  appointments: async () => (await import('../appointments/handlers')).appointmentHandlers,
  claims: async () => (await import('../claims/handlers')).claimHandlers,
  forms: async () => (await import('../forms/handlers')).formHandlers,
  changes: async () => (await import('../changes/handlers')).changeHandlers,
  lan: async () => (await import('../lan/handlers')).lanHandlers,
  nhtsa: async () => (await import('../nhtsa/handlers')).nhtsaHandlers,
};

const handlersOf = async (d: DomainName, s: Services) => (await DOMAINS[d]())(s) as unknown as Record<string, Handler>;

/** Each domain's handlers, made on the first call of one of its operations (then kept). */
export function handlersOnDemand(s: Services): (name: OperationName) => Promise<Handler> {
  const made = new Map<DomainName, Promise<Record<string, Handler>>>();
  return async (name) => {
    const d = domainOf(name);
    if (!d) throw new Error(`No domain declares the operation ${name}.`);
    let handlers = made.get(d);
    if (!handlers) {
      handlers = handlersOf(d, s);
      made.set(d, handlers);
    }
    return (await handlers)[name]!;
  };
}

/** Every domain's handlers at once (tests that call the dispatcher with one handler replaced). */
export async function createHandlers(s: Services): Promise<Handlers> {
  const all = await Promise.all((Object.keys(DOMAINS) as DomainName[]).map((d) => handlersOf(d, s)));
  return Object.assign({}, ...all) as Handlers;
}
