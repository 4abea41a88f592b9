// Kysely's view of the tables; kept beside the migrations that create them.
import type { Generated } from 'kysely';

export interface CampaignsTable {
  id: Generated<number>;
  code: string;
  kind: string;
  title: string;
  revision_date: string;
  revision_label: string;
  origin: 'built-in' | 'imported';
  /** The validated bulletin as JSON: the library detail reads it whole. */
  document: string;
  loaded_at: string;
}

export interface CampaignRevisionsTable {
  id: Generated<number>;
  campaign_code: string;
  revision_date: string;
  revision_label: string;
  origin: 'built-in' | 'imported';
  document: string;
  loaded_at: string;
}

export interface VinRangeRulesTable {
  id: Generated<number>;
  campaign_id: number;
  wmi: string;
  vds: string;
  year_code: string;
  serial_from: string;
  serial_to: string;
  model: string;
  model_year: number;
  phase: string | null;
}

export interface ModelWindowRulesTable {
  id: Generated<number>;
  campaign_id: number;
  window_id: string;
  model: string;
  model_key: string;
  /** One row per model year, so the lookup is an index seek on the VIN's year. */
  model_year: number;
  built_in: string | null;
  produced_from: string | null;
  produced_to: string | null;
  phase: string | null;
}

export interface AffectedVinListsTable {
  id: Generated<number>;
  campaign_id: number;
  list_date: string;
  source_name: string;
  imported_at: string;
  row_count: number;
}

export interface AffectedVinsTable {
  vin: string;
  list_id: number;
  phase: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  campaigns: CampaignsTable;
  campaign_revisions: CampaignRevisionsTable;
  vin_range_rules: VinRangeRulesTable;
  model_window_rules: ModelWindowRulesTable;
  affected_vin_lists: AffectedVinListsTable;
  affected_vins: AffectedVinsTable;
  meta: MetaTable;
}
