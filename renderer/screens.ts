// The screens, in the order of their keys. A domain adds its screen here with one entry; the shell
// (App.tsx) draws the tabs, the function keys and the screens from this list.
import type { ComponentType } from 'react';
import { LibraryScreen } from './campaigns/LibraryScreen';
import { FormsLogScreen } from './forms/FormsLogScreen';
import { ImportsScreen } from './imports/ImportsScreen';
import { LookupScreen } from './lookup/LookupScreen';
import { FollowUpScreen } from './reports/FollowUpScreen';
import { HoldsScreen } from './reports/HoldsScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export type ScreenEntry = { id: string; key: string; label: string; component: ComponentType };

export const SCREENS = [
  { id: 'lookup', key: 'F2', label: 'VIN lookup', component: LookupScreen },
  { id: 'library', key: 'F3', label: 'Campaign library', component: LibraryScreen },
  { id: 'imports', key: 'F4', label: 'Imports', component: ImportsScreen },
  { id: 'holds', key: 'F5', label: 'Stock holds', component: HoldsScreen },
  { id: 'followup', key: 'F6', label: 'Follow-up', component: FollowUpScreen },
  { id: 'forms', key: 'F8', label: 'Forms', component: FormsLogScreen },
  { id: 'settings', key: 'F9', label: 'Settings', component: SettingsScreen },
] as const satisfies readonly ScreenEntry[];

export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen shown at start: scan first. */
export const FIRST_SCREEN: ScreenId = 'lookup';
