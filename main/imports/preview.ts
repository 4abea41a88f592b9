// Previews staged for commit: what the window sends as a string and what the CLI reads as a stream
// end here alike, so both are checked, counted and tied to their inputs the same way.
import { localIsoDate } from '../../shared/dates';
import type { z } from 'zod';
import type { OutputOf } from '../../shared/api';
import type { PreviewVehiclesInput, PreviewVinListInput } from '../../shared/imports/contract';
import type { CoreServices as Services } from '../core-services';
import type { Mapping, VehiclePreview, VehicleRow } from './vehicles';
import { vehiclesWriter } from './vehicles-writer';
import type { ListPreview } from './vinlist';
import { listFactNotes } from './vinlist-facts';
import type { StagedList } from './vinlist-stage';
import { vinListWriter } from './vinlist-writer';

export type VinListInputs = Omit<z.output<typeof PreviewVinListInput>, 'content'>;
export type VehiclesInputs = Omit<z.output<typeof PreviewVehiclesInput>, 'content'>;

export const todayOf = (s: Pick<Services, 'now'>): string => localIsoDate(s.now());

export function stageVinList(
  { campaigns, jobs, now }: Services,
  input: VinListInputs,
  read: { preview: ListPreview; rows: StagedList },
): OutputOf<'previewVinList'> {
  const campaign = campaigns.idOf(input.campaign);
  const listDate = input.listDate ?? localIsoDate(now());
  const current = campaigns.listFor(campaign.id);
  const { rows, preview } = read;
  const importId = jobs.stage(
    vinListWriter({ campaignId: campaign.id, campaignCode: campaign.code, listDate, complete: input.complete, sourceName: input.fileName, rows }),
    { campaign: campaign.code, listDate, complete: input.complete },
  );
  return {
    importId,
    campaign: { code: campaign.code, title: campaign.title },
    listDate,
    complete: input.complete,
    encoding: input.encoding,
    replaces: current ? { listDate: current.date, rows: current.rows } : null,
    ...preview,
    notes: [...preview.notes, ...listFactNotes(rows, () => campaigns.byId(campaign.id).bulletin)],
  };
}

export function stageVehicles(s: Services, input: VehiclesInputs, read: { preview: VehiclePreview; rows: VehicleRow[] }): OutputOf<'previewVehicles'> {
  const { preview, rows } = read;
  const importId = preview.blocking
    ? null
    : s.jobs.stage(vehiclesWriter({ sourceName: input.fileName, inStock: input.inStock, rows }), { inStock: input.inStock });
  return { importId, inStock: input.inStock, encoding: input.encoding, stock: stockEffect(s, input.inStock, rows), ...preview };
}

/** What the import does to the stock, against the database as it is now. */
function stockEffect(s: Services, mode: VehiclesInputs['inStock'], rows: VehicleRow[]): OutputOf<'previewVehicles'>['stock'] {
  if (mode === 'none') return null;
  const inStock = new Set(s.db.sqlite.prepare<[], string>('SELECT vin FROM vehicles WHERE in_stock = 1').pluck().all());
  let staying = 0;
  for (const r of rows) if (inStock.has(r.vin)) staying++;
  return { added: rows.length - staying, staying, leaving: mode === 'replace' ? inStock.size - staying : 0 };
}

export const mappingOf = (input: VehiclesInputs): Mapping => input.mapping as Mapping;
