// The words of the nhtsa domain, alike on the card, the hold report and the CLI.
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const list = (models: string[]) => (models.length > 12 ? `${models.slice(0, 12).join(', ')} and ${models.length - 12} more` : models.join(', '));

export const NHTSA_WORDING = {
  verify: "NHTSA's file lists recalls by model and year, not by VIN: verify this VIN at NHTSA or with the manufacturer",
  checkByVin: "Check by VIN before delivery: NHTSA's file lists this safety recall for the model and year, not by VIN.",
  doNotDeliver:
    'Do not deliver and do not test-drive: NHTSA says do not drive vehicles under this recall until repaired. Check this VIN at NHTSA or with the manufacturer.',
  window: "production dates in NHTSA's file",
  noComponent: 'Component not stated',
  noRemedyText: "NHTSA's file states no remedy text.",
  importButton: 'Import NHTSA recall file…',
  /** The file picker's label and hint. */
  pickLabel: 'NHTSA’s file',
  pickHint: 'FLAT_RCL_POST_2010.zip as downloaded from NHTSA (or FLAT_RCL_PRE_2010.zip, or the .txt inside): the .zip is sent fastest.',
  sending: (fileName: string) => `Sending ${fileName} to Recall Desk`,
  sent: (done: number, total: number) => `${megabytes(done)} of ${megabytes(total)}`,
  cancelSending: 'Cancel',
  sendingCancelled: (fileName: string) => `Sending ${fileName} cancelled: nothing was read or imported.`,
  reading: (fileName: string) => `Reading ${fileName}…`,
  cannotRead: (fileName: string, why: string) => `Cannot read ${fileName} on this computer (${why}): pick the file again.`,
  /** The certainty badge of a recall from NHTSA's file (not "Verify in TIS": TIS has no other make). */
  verifyBadge: 'Verify by VIN at NHTSA',
  /** The hold report's source of a recall from NHTSA's file. */
  holdSource: (source: string, reportDate: string) => `${source}${reportDate ? `, report ${reportDate}` : ''}`,
  source: (fileName: string | null) => `NHTSA recall file${fileName ? ` ${fileName}` : ''}`,
  matchDetail: (make: string, model: string, year: number, narrowed: boolean) =>
    `NHTSA's file lists ${year} ${make} ${model}${narrowed ? ', and the production month falls within its production dates' : ''}`,
  noModel: (make: string, year: number, listed: string[]) =>
    listed.length
      ? `The model is not known, so NHTSA's recalls cannot be matched. NHTSA lists these ${year} ${make} models: ${list(listed)}.`
      : `NHTSA's file lists no recall for a ${year} ${make}.`,
  modelNotListed: (make: string, year: number, model: string, listed: string[]) =>
    `NHTSA's file lists no recall for a ${year} ${make} ${model}. Its ${year} ${make} models with recalls: ${list(listed)}. If the model is one of these under another name, look it up with that model.`,
  nothingForMakeYear: (make: string, year: number) => `NHTSA's file lists no recall for a ${year} ${make}.`,
  olderThanInForce: (newest: string | null, inForce: string) =>
    `This file is older than the import in force: its newest report is ${newest ?? 'not dated'}, the import's ${inForce}. Importing it drops the recalls reported since: download the file again from NHTSA.`,
  followUpNote: (year: number, make: string, model: string | null) =>
    `NHTSA's file lists these recalls for a ${year} ${make}${model ? ` ${model}` : ''} by model and year, not by VIN: check this VIN at NHTSA (nhtsa.gov/recalls) or with the manufacturer before calling the guest. Not counted as "not yet remedied".`,
  followUpTitle: 'Other makes: check by VIN at NHTSA',
  followUpColumns: { vehicle: 'Vehicle', guest: 'Guest', lastService: 'Last service', recalls: 'Recalls NHTSA lists for the model and year' },
  stale: (days: number) => `NHTSA's recall file was imported ${days} days ago: download it again from NHTSA and import it, so recent recalls are not missed.`,
  status: (fileName: string, date: string, rows: string) => `NHTSA recall file ${fileName}, imported ${date}: ${rows} vehicle rows`,
  none: 'No NHTSA recall file imported: vehicles of other makes get no recall check. Download FLAT_RCL_POST_2010.zip from NHTSA and import it.',
} as const;
