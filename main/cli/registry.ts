// The CLI command registry: each domain's commands, in the order `recall-desk --help` lists them.
import { accountCommands } from '../accounts/commands';
import { campaignCommands } from '../campaigns/commands';
import { formCommands } from '../forms/commands';
import { importCommands } from '../imports/commands';
import { lookupCommands } from '../lookup/commands';
import { reportCommands } from '../reports/commands';
import { serverCommands } from '../server/commands';
import { partsCommands } from '../parts/commands';
import { appointmentCommands } from '../appointments/commands';
import { claimCommands } from '../claims/commands';
import { lanCommands } from '../lan/commands';
import { settingsCommands } from '../settings/commands';
import { changeCommands } from '../changes/commands';
import { nhtsaCommands } from '../nhtsa/commands';
import type { CommandRegistrar } from './runtime';

export const commandRegistry: CommandRegistrar[] = [
  lookupCommands,
  campaignCommands,
  importCommands,
  nhtsaCommands,
  changeCommands,
  reportCommands,
  partsCommands,
  appointmentCommands,
  claimCommands,
  settingsCommands,
  formCommands,
  serverCommands,
  accountCommands,
  lanCommands,
];
