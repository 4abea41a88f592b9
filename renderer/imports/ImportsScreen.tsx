import { VehicleImport } from './VehicleImport';
import { VinListImport } from './VinListImport';

/** Imports (F4): affected-VIN lists and the DMS's vehicles, each previewed before anything is written. */
export function ImportsScreen() {
  return (
    <div className="imports">
      <VinListImport />
      <VehicleImport />
    </div>
  );
}
