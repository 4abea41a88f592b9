// Words for the contract's codes, as the counter says them.
export const KIND_LABEL = {
  'safety-recall': 'Safety recall',
  'service-campaign': 'Service campaign',
  'customer-program': 'Customer program',
  other: 'Campaign',
} as const;

export { CONDITION_LABEL } from '../shared/vehicle-fields';

export const DELIVERY_LABEL = {
  'do-not-deliver-until-remedied': 'Do not deliver until remedied',
  'perform-before-delivery': 'Perform before delivery',
  'deliver-with-disclosure-if-unavailable': 'Deliver with disclosure form if the remedy is not available',
  'no-rule-stated': 'No rule stated',
} as const;

export const PHASE_STATUS_LABEL = {
  'remedy-available': 'Remedy available',
  'announcement-expected': 'Announcement expected',
  'parts-not-released': 'Parts not released',
  unknown: 'Not stated',
} as const;

export const WHEN_LABEL = {
  always: 'Always',
  verify: 'Until confirmed',
  'remedy-available': 'Remedy available',
  'remedy-not-available': 'Remedy not yet available',
  'remedy-unknown': 'Phase unknown',
} as const;
