// The contracts' `z` (shared/lazy-zod.ts): a schema is built when it is first used, not when its module
// loads, and once built it answers exactly as zod's own.
import { z as real } from 'zod';
import { describe, expect, test } from 'vitest';
import { z } from '../../shared/lazy-zod';
import { LookupInput } from '../../shared/lookup/contract';

/** The same declaration with either `z`. */
const declare = (zz: typeof real) =>
  zz.object({
    vin: zz.string().trim().max(17, 'a VIN has 17 characters'),
    kind: zz.enum(['new', 'used']).default('new'),
    tags: zz.array(zz.string().min(1)).nullish(),
    month: zz
      .string()
      .regex(/^\d{4}-\d{2}$/, 'YYYY-MM')
      .refine((s) => Number(s.slice(5)) <= 12, 'no such month')
      .nullable(),
  });

describe('lazy schemas', () => {
  test('nothing is built until the schema is used', () => {
    let reads = 0;
    const values = new Proxy(['a', 'b'], {
      get(t, k, r) {
        reads++;
        return Reflect.get(t, k, r);
      },
    });
    const schema = z.object({ pick: z.enum(values).nullable() });
    expect(reads).toBe(0);
    expect(schema.parse({ pick: 'b' })).toEqual({ pick: 'b' });
    expect(reads).toBeGreaterThan(0);
  });

  test('parses, defaults and refuses with the same issues as zod itself', () => {
    const lazy = declare(z as unknown as typeof real);
    const eager = declare(real);
    for (const input of [
      { vin: ' JTHBE96S170007930 ', month: '2022-12' },
      { vin: 'JTHBE96S170007930XX', month: null },
      { vin: 'JTH', kind: 'old', month: '2022-13' },
      { vin: 'JTH', tags: [''], month: '12/22' },
      { vin: 5 },
    ]) {
      const a = lazy.safeParse(input);
      const b = eager.safeParse(input);
      expect(a.success).toBe(b.success);
      if (a.success && b.success) expect(a.data).toEqual(b.data);
      else expect(a.error?.issues).toEqual(b.error?.issues);
    }
  });

  test('a built schema is still a zod schema: instanceof, shape, options', () => {
    const kind = z.enum(['new', 'used']);
    const schema = z.object({ kind, n: z.number().int() });
    expect(schema).toBeInstanceOf(real.ZodObject);
    expect(Object.keys(schema.shape)).toEqual(['kind', 'n']);
    expect(kind.options).toEqual(['new', 'used']);
    expect(z.object({ ...schema.shape, more: z.boolean() }).parse({ kind: 'new', n: 1, more: true })).toEqual({ kind: 'new', n: 1, more: true });
    expect(() => schema.parse({ kind: 'x', n: 1.5 })).toThrow(real.ZodError);
  });

  test('a contract schema parses as it did: the lookup input', () => {
    expect(LookupInput.parse({ vin: 'JTHBE96S170007930', model: ' RX 350 ' })).toEqual({ vin: 'JTHBE96S170007930', model: 'RX 350', decode: 'wait' });
    expect(LookupInput.safeParse({ vin: 'x', productionMonth: '12/22' }).success).toBe(false);
  });
});
