// The settings domain: what the app knows about itself, and the dealer's details printed on forms.
import { z } from '../lazy-zod';
import { defineEffects, defineOperations, read, write } from '../contract';
import { MANAGERS } from '../accounts/roles';
import { Empty } from '../schemas';

export const AppInfo = z.object({
  version: z.string(),
  databasePath: z.string(),
  campaignCount: z.number().int(),
  newestRevisionDate: z.string().nullable(),
  today: z.string(),
});

export const Paper = z.enum(['letter', 'a4']);
export const DEALER_FIELDS = ['name', 'address', 'code', 'phone'] as const;
export const DealerField = z.enum(DEALER_FIELDS);

const field = (what: string, max: number) => z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`);
export const Dealer = z.object({
  name: field('the dealer name', 100),
  address: field('the dealer address', 200).refine((a) => a.split('\n').length <= 3, 'the dealer address has more than 3 lines; forms have room for 3'),
  code: field('the dealer code', 20),
  phone: field('the dealer phone', 40),
});
export const StaffName = field('the staff name', 80);

/** The service lane's opening hours, "07:30-18:00"; a booking outside them is a warning. None by default. */
export const OpeningHours = z
  .object({
    opens: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write the opening time as HH:MM, e.g. 07:30'),
    closes: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write the closing time as HH:MM, e.g. 18:00'),
  })
  .refine((h) => h.opens < h.closes, 'the closing time must be after the opening time');

export const Settings = z.object({
  dealer: z.object({ name: z.string().nullable(), address: z.string().nullable(), code: z.string().nullable(), phone: z.string().nullable() }),
  /** Dealer fields not yet given: forms do not print until they are. */
  missing: z.array(DealerField),
  staff: z.array(z.string()),
  paper: Paper,
  openingHours: z.object({ opens: z.string(), closes: z.string() }).nullable(),
});

export const settingsOperations = defineOperations({
  appInfo: { input: Empty, output: AppInfo },
  getSettings: { input: Empty, output: Settings },
  saveSettings: {
    input: z.object({ dealer: Dealer.optional(), paper: Paper.optional(), openingHours: OpeningHours.nullable().optional() }).strict(),
    output: Settings,
  },
  addStaff: { input: z.object({ name: StaffName }), output: Settings },
  removeStaff: { input: z.object({ name: StaffName }), output: Settings },
});

export const settingsEffects = defineEffects(settingsOperations, {
  appInfo: read(['library', 'settings'], 'see what the app holds'),
  getSettings: read(['settings'], 'see the settings'),
  saveSettings: write(['settings'], 'change the settings', MANAGERS),
  addStaff: write(['settings'], 'change the staff list', MANAGERS),
  removeStaff: write(['settings'], 'change the staff list', MANAGERS),
});

export type Settings = z.output<typeof Settings>;
export type Paper = z.output<typeof Paper>;
export type Dealer = z.output<typeof Dealer>;
