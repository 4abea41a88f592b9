// A hold's kind, on its own: the view (shared/reports/view.ts) filters by it and the contract's parts
// take the view, so neither imports the other for it.
import { z } from '../lazy-zod';

export const HoldKind = z.enum([
  'do-not-deliver-until-remedied',
  'deliver-with-disclosure-if-unavailable',
  'perform-before-delivery',
  'check-by-vin-before-delivery',
]);
