// Unwraps an API envelope in a test, failing with the API's own message and details.
import type { Envelope } from '../../shared/api';

export async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.message} ${r.error.details.join(' | ')}`);
  return r.data as T;
}
