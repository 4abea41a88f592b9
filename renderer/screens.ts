// The screens, in the order of their keys. A domain adds its screen here with one entry; the shell
// (App.tsx) draws the tabs, the function keys and the screens from this list.
import type { ComponentType } from 'react';
import type { OperationName } from '../shared/api';
import type { ScreenId } from './screen-ids';
import { AccountsScreen } from './accounts/AccountsScreen';
import { AuditScreen } from './accounts/AuditScreen';
import { LibraryScreen } from './campaigns/LibraryScreen';
import { FormsLogScreen } from './forms/FormsLogScreen';
import { ImportsScreen } from './imports/ImportsScreen';
import { LookupScreen } from './lookup/LookupScreen';
import { FollowUpScreen } from './reports/FollowUpScreen';
import { HoldsScreen } from './reports/HoldsScreen';
import { PartsScreen } from './parts/PartsScreen';
import { AppointmentsScreen } from './appointments/AppointmentsScreen';
import { OrdersScreen } from './parts/OrdersScreen';
import { ClaimsScreen } from './claims/ClaimsScreen';
import { TechniciansScreen } from './appointments/TechniciansScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ChangesScreen } from './changes/ChangesScreen';

/**
 * Setup screens used now and then (technicians, settings) have no function key: they are a click away.
 * A screen that shows one operation's data (`needs`) is offered only to the people who may call it.
 */
export type ScreenEntry = { id: ScreenId; key: string | null; label: string; component: ComponentType; needs?: OperationName };

export const SCREENS = [
  { id: 'lookup', key: 'F2', label: 'VIN lookup', component: LookupScreen },
  { id: 'library', key: 'F3', label: 'Campaign library', component: LibraryScreen },
  { id: 'imports', key: 'F4', label: 'Imports', component: ImportsScreen },
  { id: 'holds', key: 'F5', label: 'Stock holds', component: HoldsScreen },
  { id: 'followup', key: 'F6', label: 'Follow-up', component: FollowUpScreen },
  { id: 'parts', key: 'F7', label: 'Parts', component: PartsScreen },
  { id: 'appointments', key: 'F8', label: 'Appointments', component: AppointmentsScreen },
  { id: 'orders', key: 'F9', label: 'Order suggestions', component: OrdersScreen },
  { id: 'claims', key: 'F10', label: 'Claims', component: ClaimsScreen },
  { id: 'forms', key: 'F11', label: 'Forms', component: FormsLogScreen },
  { id: 'changes', key: null, label: 'What changed', component: ChangesScreen },
  { id: 'technicians', key: null, label: 'Technicians', component: TechniciansScreen },
  { id: 'settings', key: null, label: 'Settings', component: SettingsScreen },
  { id: 'accounts', key: null, label: 'Accounts', component: AccountsScreen, needs: 'listUsers' },
  { id: 'audit', key: null, label: 'Audit trail', component: AuditScreen, needs: 'auditTrail' },
] as const satisfies readonly ScreenEntry[];

// Every name has its screen and every screen its name: a screen left out of either list is a compile error.
type Listed = (typeof SCREENS)[number]['id'];
const _everyIdHasAScreen: Record<ScreenId, true> = {} as Record<Listed, true>;
void _everyIdHasAScreen;

export { FIRST_SCREEN, type ScreenId } from './screen-ids';
