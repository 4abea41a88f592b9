// Kysely's view of the tables; kept beside the migrations that create them. Row types used by hand-written
// SQL derive from these (Selectable / Pick), so a column change breaks the compile, not a report.
import type { Generated, Selectable } from 'kysely';

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
  complete: Generated<number>;
}

export interface AffectedVinsTable {
  vin: string;
  list_id: number;
  phase: string | null;
  part_number: string | null;
  status: string | null;
}

export type VehicleCondition = 'new' | 'used' | 'certified-pre-owned';
export type VehicleCampaignStatus = 'open' | 'completed-here' | 'completed-elsewhere' | 'not-applicable';

export interface VehiclesTable {
  vin: string;
  model: string | null;
  model_year: number | null;
  production_month: string | null;
  stock_number: string | null;
  condition: VehicleCondition | null;
  in_stock: number;
  guest_name: string | null;
  guest_phone: string | null;
  guest_email: string | null;
  guest_address: string | null;
  last_service_date: string | null;
  updated_at: string;
}

export interface VehicleCampaignsTable {
  vin: string;
  campaign_code: string;
  status: VehicleCampaignStatus;
  completed_on: string | null;
  repair_order: string | null;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

// Parts, stock ledger, appointments, technicians and claims (004).
export interface PartAmendmentsTable {
  id: Generated<number>;
  campaign_code: string;
  part_key: string;
  part_number: string | null;
  description: string | null;
  quantity: number | null;
  mac_code: 'C' | 'D' | 'none' | null;
  released: number | null;
  per_vin: number | null;
  allocation: number | null;
  bulletin_revision: string;
  made_by: string;
  made_at: string;
}

export type MovementKind = 'receive' | 'order' | 'use' | 'return' | 'count' | 'reverse';

export interface StockMovementsTable {
  id: Generated<number>;
  part: string;
  part_number: string;
  kind: MovementKind;
  quantity: number;
  vin: string | null;
  expected_on: string | null;
  ref: string | null;
  appointment_id: number | null;
  reverses_id: number | null;
  made_by: string;
  made_at: string;
}

export interface StockingLevelsTable {
  part: string;
  level: number;
  set_by: string;
  set_at: string;
}

export interface TechniciansTable {
  id: Generated<number>;
  name: string;
  added_at: string;
}

export interface TechnicianCoursesTable {
  technician_id: number;
  course: string;
  added_at: string;
}

export type AppointmentStatus = 'booked' | 'arrived' | 'completed' | 'no-show' | 'cancelled';

export interface AppointmentsTable {
  id: Generated<number>;
  vin: string;
  at: string;
  status: AppointmentStatus;
  model: string | null;
  production_month: string | null;
  goodwill_reason: string | null;
  technician: string | null;
  verified_by: string | null;
  repair_order: string | null;
  completed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppointmentCampaignsTable {
  appointment_id: number;
  campaign_code: string;
  remedy_available: number;
  warning: string | null;
}

export interface ClaimsTable {
  id: Generated<number>;
  appointment_id: number | null;
  vin: string;
  campaign_code: string;
  op_code: string | null;
  hours: number | null;
  repair_order: string | null;
  technician: string;
  verified_by: string;
  completed_on: string;
  created_at: string;
  /** The goodwill reason of work booked as goodwill (migration 007); null for a claim of the program itself. */
  goodwill_reason: string | null;
}

/** Migration 007: bumped by triggers when what a stock vehicle's lookup depends on changes. */
export interface ChangeCountersTable {
  name: string;
  n: number;
}

/** Migration 007: vehicles waiting for a remedy that does not exist yet. */
export interface WaitingListTable {
  id: Generated<number>;
  vin: string;
  campaign_code: string;
  note: string | null;
  added_by: string;
  added_at: string;
  closed_at: string | null;
}

/** Migration 007: the CPOR reference entered for an accepted CPOR request (an order movement), once placed. */
export interface CporReferencesTable {
  movement_id: number;
  reference: string;
  entered_by: string;
  entered_at: string;
}

export interface ClaimHistoryTable {
  id: Generated<number>;
  claim_id: number;
  field: 'op_code' | 'vin';
  old_value: string | null;
  new_value: string | null;
  reason: string;
  made_by: string;
  made_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface StaffTable {
  name: string;
  added_at: string;
}

export type LoggedFormKind = 'disclosure' | 'owner-letter' | 'faq';
/** Who printed which form for which vehicle, and when; never the guest's details. */
export interface FormsLogTable {
  id: Generated<number>;
  kind: LoggedFormKind;
  campaign_code: string;
  vin: string | null;
  staff: string | null;
  printed_at: string;
}

/** A decode family's positions the decoder reads (migration 014; decode-store.ts). */
export interface VinDecodeFamiliesTable {
  /** WMI (with a small manufacturer's code after a "9") and model year: "JTJ|2019". */
  family: string;
  source: string;
  /** The VIN positions (1-based) read, in order: "1,2,3,4,5,6,7,8,10,11". */
  positions: string;
}

/** A decode kept by family, positions read and the VIN's characters there (migration 014). */
export interface VinFamilyDecodesTable {
  key: string;
  source: string;
  decoded: string | null;
  decoded_at: string;
}

/** A VIN's vPIC decode, kept once made (migration 006). */
export interface VinDecodesTable {
  vin: string;
  /** The vPIC data the decode came from (the decoder package and its version). */
  source: string;
  /** The decode as JSON (DecodedVehicle); null when vPIC does not know the VIN. */
  decoded: string | null;
  decoded_at: string;
}

/** Every applied import and its impact ("What changed"); seen_at: when the list was looked at. */
export interface ImportChangesTable {
  id: Generated<number>;
  at: string;
  by: string | null;
  source_kind: 'bulletin' | 'vin-list' | 'vehicles' | 'nhtsa';
  source: string;
  impact: string;
  seen_at: string | null;
}

/** NHTSA's recall flat file: one row a campaign (texts and flags). */
export interface NhtsaCampaignsTable {
  campaign: string;
  part: 'current' | 'pre-2010';
  mfg_campaign: string | null;
  manufacturer: string | null;
  summary: string;
  consequence: string;
  remedy: string;
  notes: string;
  report_date: string | null;
  do_not_drive: number;
  park_outside: number;
}

/** NHTSA's vehicle rows: campaign x make x model x model year x component, production dates when given. */
export interface NhtsaVehiclesTable {
  make_key: string;
  model_key: string;
  year: number;
  campaign: string;
  part: 'current' | 'pre-2010';
  make: string;
  model: string;
  component: string;
  built_from: string | null;
  built_to: string | null;
}

/** The one NHTSA import in force: its file, when, and what was read, kept and refused (JSON, by reason). */
export interface NhtsaImportTable {
  part: 'current' | 'pre-2010';
  file_name: string;
  imported_at: string;
  newest_report_date: string | null;
  fields: number;
  rows_read: number;
  rows_kept: number;
  refused: string;
}

/** The whole stock ledger's fold as last kept (one row, id 1): see migration 012 and main/parts/ledger.ts. */
export interface LedgerFoldTable {
  id: number;
  format: number;
  last_id: number;
  last_row: string;
  buckets: string;
}

export interface Database {
  campaigns: CampaignsTable;
  campaign_revisions: CampaignRevisionsTable;
  vin_range_rules: VinRangeRulesTable;
  model_window_rules: ModelWindowRulesTable;
  affected_vin_lists: AffectedVinListsTable;
  affected_vins: AffectedVinsTable;
  vehicles: VehiclesTable;
  vehicle_campaigns: VehicleCampaignsTable;
  meta: MetaTable;
  part_amendments: PartAmendmentsTable;
  stock_movements: StockMovementsTable;
  stocking_levels: StockingLevelsTable;
  technicians: TechniciansTable;
  technician_courses: TechnicianCoursesTable;
  appointments: AppointmentsTable;
  appointment_campaigns: AppointmentCampaignsTable;
  claims: ClaimsTable;
  claim_history: ClaimHistoryTable;
  settings: SettingsTable;
  nhtsa_campaigns: NhtsaCampaignsTable;
  nhtsa_vehicles: NhtsaVehiclesTable;
  nhtsa_import: NhtsaImportTable;
  staff: StaffTable;
  forms_log: FormsLogTable;
  vin_decodes: VinDecodesTable;
  vin_decode_families: VinDecodeFamiliesTable;
  vin_family_decodes: VinFamilyDecodesTable;
  waiting_list: WaitingListTable;
  ledger_fold: LedgerFoldTable;
  cpor_references: CporReferencesTable;
  change_counters: ChangeCountersTable;
  import_changes: ImportChangesTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
