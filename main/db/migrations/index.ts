// Numbered, forward-only. A new migration is appended here under the next number and never edited
// once released; each has a test that runs the chain from an empty database.
import type { Migration, MigrationProvider } from 'kysely/migration';

/**
 * Each migration's module is loaded when the migrator runs (a pending migration): opening an up-to-date
 * file needs only the names, and the modules would bring Kysely's query builders with them.
 */
export const migrations: Record<string, () => Promise<Migration>> = {
  '001_campaign_library': async () => (await import('./001_campaign_library')).m001_campaign_library,
  '002_vehicles_and_lists': async () => (await import('./002_vehicles_and_lists')).m002_vehicles_and_lists,
  '003_parts_ledger_appointments_claims': async () => (await import('./003_parts_ledger_appointments_claims')).m003_parts_ledger_appointments_claims,
  '004_settings_and_forms': async () => (await import('./004_settings_and_forms')).m004_settings_and_forms,
  '005_affected_vins_without_list_index': async () => (await import('./005_affected_vins_without_list_index')).m005_affected_vins_without_list_index,
  '006_vin_decodes': async () => (await import('./006_vin_decodes')).m006_vin_decodes,
  '007_waiting_list_cpor_goodwill': async () => (await import('./007_waiting_list_cpor_goodwill')).m007_waiting_list_cpor_goodwill,
  '008_import_changes': async () => (await import('./008_import_changes')).m008_import_changes,
  '009_accounts_and_audit': async () => (await import('./009_accounts_and_audit')).m009_accounts_and_audit,
  '010_nhtsa_recalls': async () => (await import('./010_nhtsa_recalls')).m010_nhtsa_recalls,
  '012_ledger_fold': async () => (await import('./012_ledger_fold')).m012_ledger_fold,
  '013_suggestions_first_read': async () => (await import('./013_suggestions_first_read')).m013_suggestions_first_read,
  '014_vin_decode_families': async () => (await import('./014_vin_decode_families')).m014_vin_decode_families,
  '015_open_appointments': async () => (await import('./015_open_appointments')).m015_open_appointments,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    const names = Object.keys(migrations);
    const loaded = await Promise.all(names.map((name) => migrations[name]!()));
    return Object.fromEntries(names.map((name, i) => [name, loaded[i]!]));
  },
};
