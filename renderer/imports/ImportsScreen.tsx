import { VehicleImport } from './VehicleImport';
import { Can } from '../accounts/Can';
import { VinListImport } from './VinListImport';

/** Imports (F4): affected-VIN lists and the DMS's vehicles, each previewed before anything is written. */
export function ImportsScreen() {
  return (
    <div className="imports">
      <Can op="commitImport">
        <VinListImport />
        <VehicleImport />
      </Can>
    </div>
  );
}
