// zod, with every schema built on first use instead of when its module loads (see lazy-zod.ts).
import { z as real } from 'zod';

export * from 'zod';

/**
 * The schema methods that make a new schema from one: called on a schema not built yet, they only
 * note the step. Anything else (safeParse, shape, options, _zod, ...) builds the schema first.
 */
const STEPS = new Set([
  'nullable',
  'nullish',
  'optional',
  'default',
  'prefault',
  'catch',
  'readonly',
  'array',
  'or',
  'and',
  'pipe',
  'transform',
  'refine',
  'superRefine',
  'check',
  'overwrite',
  'describe',
  'meta',
  'brand',
  'min',
  'max',
  'length',
  'nonempty',
  'gt',
  'gte',
  'lt',
  'lte',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'multipleOf',
  'int',
  'finite',
  'safe',
  'trim',
  'toLowerCase',
  'toUpperCase',
  'regex',
  'startsWith',
  'endsWith',
  'includes',
  'email',
  'url',
  'uuid',
  'extend',
  'safeExtend',
  'merge',
  'pick',
  'omit',
  'partial',
  'required',
  'strict',
  'passthrough',
  'strip',
  'catchall',
  'unwrap',
]);

type Built = Record<PropertyKey, unknown>;

/** What a schema not built yet holds: how to build it, and once built, the schema. */
type Pending = { build: (() => Built) | null; built: Built | null };

const built = (p: Pending): Built => {
  if (!p.built) {
    p.built = p.build!();
    p.build = null;
  }
  return p.built;
};

/** One handler for every deferred schema (a proxy's state is its target): ~1,700 are made at start. */
const handler: ProxyHandler<Pending> = {
  get(p, key) {
    if (!p.built && typeof key === 'string' && STEPS.has(key)) {
      return (...args: unknown[]) => deferred(() => (built(p)[key] as (...a: unknown[]) => Built)(...args));
    }
    const target = built(p);
    return Reflect.get(target, key, target);
  },
  set: (p, key, value) => Reflect.set(built(p), key, value),
  has: (p, key) => Reflect.has(built(p), key),
  ownKeys: (p) => Reflect.ownKeys(built(p)),
  getOwnPropertyDescriptor(p, key) {
    const d = Reflect.getOwnPropertyDescriptor(built(p), key);
    return d && { ...d, configurable: true };
  },
  defineProperty: (p, key, d) => Reflect.defineProperty(built(p), key, d),
  deleteProperty: (p, key) => Reflect.deleteProperty(built(p), key),
  getPrototypeOf: (p) => Reflect.getPrototypeOf(built(p)),
};

/** A schema that `build` makes the first time anything but a step is asked of it. */
function deferred(build: () => Built): Built {
  return new Proxy<Pending>({ build, built: null }, handler) as unknown as Built;
}

const later = <F extends (...args: never[]) => unknown>(make: F): F => ((...args: Parameters<F>) => deferred(() => make(...args) as Built)) as F;

// The factories the app's schemas are made with; every other member of zod is zod's own.
export const string = later(real.string);
export const number = later(real.number);
export const boolean = later(real.boolean);
export const object = later(real.object);
export const strictObject = later(real.strictObject);
export const looseObject = later(real.looseObject);
export const array = later(real.array);
export const enum_ = later(real.enum);
export { enum_ as enum };
export const literal = later(real.literal);
export const union = later(real.union);
export const discriminatedUnion = later(real.discriminatedUnion);
export const record = later(real.record);
export const tuple = later(real.tuple);
export const nullable = later(real.nullable);
export const optional = later(real.optional);
export const email = later(real.email);
export const int = later(real.int);
export const unknown = later(real.unknown);
export const lazy = later(real.lazy);
export const null_ = later(real.null);
export { null_ as null };
