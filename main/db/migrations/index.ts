// Numbered, forward-only. A new migration is appended here under the next number and never edited
// once released; each has a test that runs the chain from an empty database.
import type { Migration, MigrationProvider } from 'kysely/migration';
import { m001_campaign_library } from './001_campaign_library';
import { m002_vehicles_and_lists } from './002_vehicles_and_lists';
import { m003_parts_ledger_appointments_claims } from './003_parts_ledger_appointments_claims';
import { m004_settings_and_forms } from './004_settings_and_forms';
import { m005_affected_vins_without_list_index } from './005_affected_vins_without_list_index';
import { m006_vin_decodes } from './006_vin_decodes';
import { m007_waiting_list_cpor_goodwill } from './007_waiting_list_cpor_goodwill';
import { m008_import_changes } from './008_import_changes';
import { m009_accounts_and_audit } from './009_accounts_and_audit';
import { m010_nhtsa_recalls } from './010_nhtsa_recalls';

export const migrations: Record<string, Migration> = {
  '001_campaign_library': m001_campaign_library,
  '002_vehicles_and_lists': m002_vehicles_and_lists,
  '003_parts_ledger_appointments_claims': m003_parts_ledger_appointments_claims,
  '004_settings_and_forms': m004_settings_and_forms,
  '005_affected_vins_without_list_index': m005_affected_vins_without_list_index,
  '006_vin_decodes': m006_vin_decodes,
  '007_waiting_list_cpor_goodwill': m007_waiting_list_cpor_goodwill,
  '008_import_changes': m008_import_changes,
  '009_accounts_and_audit': m009_accounts_and_audit,
  '010_nhtsa_recalls': m010_nhtsa_recalls,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
