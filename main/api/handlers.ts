// The handler registry: each domain's handlers, keyed by the domain's own operations (its contract). A
// domain adds its operations here once; adding an operation to a domain touches only that domain.
// A domain's handlers (and all their code) are loaded when one of its operations is first called: a
// CLI command loads the domains it calls, not all fourteen.
import { accountOperations } from '../../shared/accounts/contract';
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api';
import { appointmentOperations } from '../../shared/appointments/contract';
import { campaignOperations } from '../../shared/campaigns/contract';
import { changeOperations } from '../../shared/changes/contract';
import { claimOperations } from '../../shared/claims/contract';
import type { Caller, HandlersOf, OperationMap } from '../../shared/contract';
import { formOperations } from '../../shared/forms/contract';
import { importOperations } from '../../shared/imports/contract';
import { lanOperations } from '../../shared/lan/contract';
import { lookupOperations } from '../../shared/lookup/contract';
import { nhtsaOperations } from '../../shared/nhtsa/contract';
import { partsOperations } from '../../shared/parts/contract';
import { reportOperations } from '../../shared/reports/contract';
import { settingsOperations } from '../../shared/settings/contract';
import { vehicleOperations } from '../../shared/vehicles/contract';
import type { Services } from '../services';

export type Handlers = { [K in OperationName]: (input: ParsedInputOf<K>, caller: Caller) => OutputOf<K> | Promise<OutputOf<K>> };

/** One operation's handler, as the dispatcher calls it (the input parsed by the operation's schema). */
export type Handler = (input: unknown, caller: Caller) => unknown;

/** A domain's operations and how to make its handlers: the compiler checks they are the same operations. */
const domain = <M extends OperationMap>(operations: M, load: () => Promise<(s: Services) => HandlersOf<M>>) => ({ operations, load });

const DOMAINS = [
  domain(accountOperations, async () => (await import('../accounts/handlers')).accountHandlers),
  domain(lookupOperations, async () => (await import('../lookup/handlers')).lookupHandlers),
  domain(campaignOperations, async () => (await import('../campaigns/handlers')).campaignHandlers),
  domain(importOperations, async () => (await import('../imports/handlers')).importHandlers),
  domain(vehicleOperations, async () => (await import('../vehicles/handlers')).vehicleHandlers),
  domain(reportOperations, async () => (await import('../reports/handlers')).reportHandlers),
  domain(settingsOperations, async () => (await import('../settings/handlers')).settingsHandlers),
  domain(partsOperations, async () => (await import('../parts/handlers')).partsHandlers),
  domain(appointmentOperations, async () => (await import('../appointments/handlers')).appointmentHandlers),
  domain(claimOperations, async () => (await import('../claims/handlers')).claimHandlers),
  domain(formOperations, async () => (await import('../forms/handlers')).formHandlers),
  domain(changeOperations, async () => (await import('../changes/handlers')).changeHandlers),
  domain(lanOperations, async () => (await import('../lan/handlers')).lanHandlers),
  domain(nhtsaOperations, async () => (await import('../nhtsa/handlers')).nhtsaHandlers),
];

/** A domain left out is a compile error here. */
type OperationsOf<D> = D extends { operations: infer M } ? keyof M : never;
type Covered = OperationsOf<(typeof DOMAINS)[number]>;
const _everyDomain: Record<Exclude<OperationName, Covered>, never> = {};
void _everyDomain;

/** Each domain's handlers, made on the first call of one of its operations (then kept). */
export function handlersOnDemand(s: Services): (name: OperationName) => Promise<Handler> {
  const made = new Map<(typeof DOMAINS)[number], Promise<Record<string, Handler>>>();
  return async (name) => {
    const d = DOMAINS.find((x) => Object.hasOwn(x.operations, name));
    if (!d) throw new Error(`No domain declares the operation ${name}.`);
    let handlers = made.get(d);
    if (!handlers) {
      handlers = d.load().then((make) => make(s) as Record<string, Handler>);
      made.set(d, handlers);
    }
    return (await handlers)[name]!;
  };
}

/** Every domain's handlers at once (tests that call the dispatcher with one handler replaced). */
export async function createHandlers(s: Services): Promise<Handlers> {
  const all = await Promise.all(DOMAINS.map(async (d) => (await d.load())(s)));
  return Object.assign({}, ...all) as Handlers;
}
