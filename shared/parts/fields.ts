// Input pieces the parts, appointments and claims contracts share: counts a counter types, names, dates.
import { z } from '../lazy-zod';

/** How many units: a whole, positive, plausible number. */
export const Quantity = z
  .number({ message: 'the quantity must be a number, e.g. 2' })
  .int('the quantity must be a whole number of parts, e.g. 2 (not 1.5)')
  .positive('the quantity must be 1 or more')
  .max(9999, 'the quantity must be 9,999 or fewer: check the number typed');

/** A count or level that may be zero. */
export const Count = z
  .number({ message: 'the number must be a number, e.g. 2' })
  .int('the number must be whole, e.g. 2 (not 1.5)')
  .min(0, 'the number must not be negative')
  .max(9999, 'the number must be 9,999 or fewer: check the number typed');

export const PersonName = z.string().trim().min(1, 'name the person, e.g. "Dana Kim"').max(80, 'a name has at most 80 characters');
export const PartNumberText = z
  .string()
  .trim()
  .min(1, 'name the part by its number, e.g. 04002-12345')
  .max(40, 'a part number has at most 40 characters')
  .transform((s) => s.toUpperCase());
export const Reason = z.string().trim().min(3, 'say why in a few words').max(300, 'at most 300 characters');
export const FreeText = z.string().trim().max(120, 'at most 120 characters');
