// The screens' names, apart from the screens themselves: navigation (which every screen uses) names a
// screen without importing them all. screens.ts checks that its list and this one agree.
export const SCREEN_IDS = [
  'lookup',
  'library',
  'imports',
  'holds',
  'followup',
  'parts',
  'appointments',
  'orders',
  'claims',
  'forms',
  'technicians',
  'changes',
  'settings',
  'accounts',
  'audit',
] as const;

export type ScreenId = (typeof SCREEN_IDS)[number];

/** The screen shown at start: scan first. */
export const FIRST_SCREEN: ScreenId = 'lookup';
