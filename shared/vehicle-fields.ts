// The facts a dealer's DMS export can give about a vehicle, in the order a mapping step shows them.
/** The bulletins' three vehicle conditions, as the counter says them. */
export const CONDITION_LABEL = { new: 'New', used: 'Used', 'certified-pre-owned': 'Certified pre-owned' } as const;

export const VEHICLE_FIELDS = [
  'vin',
  'stockNumber',
  'model',
  'modelYear',
  'productionMonth',
  'condition',
  'guestName',
  'guestPhone',
  'guestEmail',
  'guestAddress',
  'lastServiceDate',
] as const;
export type VehicleField = (typeof VEHICLE_FIELDS)[number];

export const VEHICLE_FIELD_LABEL: Record<VehicleField, string> = {
  vin: 'VIN',
  stockNumber: 'Stock number',
  model: 'Model',
  modelYear: 'Model year',
  productionMonth: 'Production month',
  condition: 'Condition (new, used, certified)',
  guestName: 'Guest name',
  guestPhone: 'Guest phone',
  guestEmail: 'Guest e-mail',
  guestAddress: 'Guest address',
  lastServiceDate: 'Last service here',
};
