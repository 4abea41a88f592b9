// Writes vehicles from a DMS export. A field the file leaves empty keeps what was known: one export
// rarely has every column.
import type { z } from 'zod';
import type { InStockMode } from '../../shared/imports/contract';
import { count } from '../../shared/wording';
import type { VehicleRow } from './vehicles';
import { type ImportWriter, inChunks } from './writer';

export type VehiclesImport = { sourceName: string; inStock: z.output<typeof InStockMode>; rows: VehicleRow[] };

const UPSERT = `INSERT INTO vehicles (vin, model, model_year, production_month, stock_number, condition, in_stock, guest_name, guest_phone,
     guest_email, guest_address, last_service_date, updated_at)
   VALUES (@vin, @model, @modelYear, @productionMonth, @stockNumber, @condition, @inStock, @guestName, @guestPhone,
     @guestEmail, @guestAddress, @lastServiceDate, @updatedAt)
   ON CONFLICT (vin) DO UPDATE SET
     model = coalesce(excluded.model, model),
     model_year = coalesce(excluded.model_year, model_year),
     production_month = coalesce(excluded.production_month, production_month),
     stock_number = coalesce(excluded.stock_number, stock_number),
     condition = coalesce(excluded.condition, condition),
     in_stock = CASE WHEN @inStockMode = 'none' THEN in_stock ELSE 1 END,
     guest_name = coalesce(excluded.guest_name, guest_name),
     guest_phone = coalesce(excluded.guest_phone, guest_phone),
     guest_email = coalesce(excluded.guest_email, guest_email),
     guest_address = coalesce(excluded.guest_address, guest_address),
     last_service_date = CASE
       WHEN excluded.last_service_date IS NULL THEN last_service_date
       WHEN last_service_date IS NULL OR excluded.last_service_date > last_service_date THEN excluded.last_service_date
       ELSE last_service_date END,
     updated_at = excluded.updated_at`;

export function vehiclesWriter(p: VehiclesImport): ImportWriter {
  return {
    kind: 'vehicles',
    total: p.rows.length,
    label: `vehicles from ${p.sourceName}`,
    async write(conn, step, at) {
      if (p.inStock === 'replace') conn.prepare('UPDATE vehicles SET in_stock = 0 WHERE in_stock = 1').run();
      const upsert = conn.prepare(UPSERT);
      const inStock = p.inStock === 'none' ? 0 : 1;
      await inChunks(p.rows.length, step, (i) => upsert.run({ ...p.rows[i]!, inStock, inStockMode: p.inStock, updatedAt: at }));
    },
    source: () => ({ kind: 'vehicles', fileName: p.sourceName, inStock: p.inStock, rows: p.rows.length }),
    doneMessage: () => `${count(p.rows.length)} vehicles imported from ${p.sourceName}.`,
  };
}
